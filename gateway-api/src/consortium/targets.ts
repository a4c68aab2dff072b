/**
 * What the consortium view probes: every org's peers and every orderer, with
 * their host, gRPC address and operations endpoint. The gateway config lists
 * only what transactions need (peers, CAs), so the nodes come from the same
 * topology model the config was generated from (`generatedFrom`), resolved in
 * the run folder that holds the config (`<run>/gateway/network.json`).
 */
import { DEFAULT_GATEWAY_CONFIG } from '@dec/fabric-client';
import { loadTopology, resolveNetwork, type GatewayNetworkConfig, type NetworkModel } from '@dec/network';
import path from 'node:path';
import type { OperationsTarget } from './probe';

export interface HostInfo {
  name: string;
  address: string;
}

export interface NodeTarget {
  name: string;
  host: HostInfo;
  /** host:port of the node's gRPC listener. */
  address: string;
  operations: OperationsTarget;
}

export interface ConsortiumTargets {
  hosts: HostInfo[];
  orgs: { mspId: string; name: string; description: string; host: HostInfo; peers: (NodeTarget & { channels: string[] })[] }[];
  orderers: { mspId: string; nodes: NodeTarget[] };
  channels: { name: string; orgs: string[] }[];
}

const LOCAL: HostInfo = { name: 'localhost', address: '127.0.0.1' };
/** Nodes carry their host once the topology names hosts; a model without hosts runs everything on 127.0.0.1. */
const hostOf = (node: object): HostInfo => (node as { host?: HostInfo }).host ?? LOCAL;

export function targetsFromModel(model: NetworkModel): ConsortiumTargets {
  const orgs = model.orgs.map((org) => {
    const client = { certFile: org.admin.tls.cert, keyFile: org.admin.tls.key };
    const peers = org.peers.map((peer) => {
      const host = hostOf(peer);
      return {
        name: peer.name,
        host,
        address: `${host.address}:${String(peer.port)}`,
        operations: { address: `${host.address}:${String(peer.operationsPort)}`, caFile: peer.tls.ca, client },
        channels: peer.channels,
      };
    });
    return { mspId: org.spec.mspId, name: org.spec.name, description: org.spec.description, host: peers[0]?.host ?? LOCAL, peers };
  });
  const ordererClient = { certFile: model.ordererOrg.admin.tls.cert, keyFile: model.ordererOrg.admin.tls.key };
  const nodes = model.ordererOrg.nodes.map((node) => {
    const host = hostOf(node);
    return {
      name: node.name,
      host,
      address: `${host.address}:${String(node.port)}`,
      operations: { address: `${host.address}:${String(node.operationsPort)}`, caFile: node.tls.ca, client: ordererClient },
    };
  });
  const seen = new Map<string, HostInfo>();
  for (const h of [...orgs.map((o) => o.host), ...nodes.map((n) => n.host)]) seen.set(h.name, h);
  return {
    hosts: [...seen.values()],
    orgs,
    orderers: { mspId: model.ordererOrg.mspId, nodes },
    channels: model.topology.channels.map((c) => ({ name: c.name, orgs: c.orgs })),
  };
}

/** The model behind a gateway config: its topology file, resolved in the run folder that holds the config. */
export function targetsForGateway(config: GatewayNetworkConfig, configFile = process.env.DEC_GATEWAY_CONFIG ?? DEFAULT_GATEWAY_CONFIG): ConsortiumTargets {
  const runDir = path.dirname(path.dirname(path.resolve(configFile)));
  return targetsFromModel(resolveNetwork(loadTopology(config.generatedFrom), runDir));
}
