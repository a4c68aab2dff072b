/**
 * The resolved network: every node with its name, host, ports and file
 * locations, computed from the topology and a run folder. Generators, the test
 * network and the gateway config all work from this model; a node's address is
 * always `node.host.address` (127.0.0.1 when the topology names no hosts).
 */
import path from 'node:path';
import * as ports from './ports';
import type { ChaincodeSpec, ChannelSpec, HostSpec, OrgSpec, Topology } from './topology';

export const LOOPBACK = '127.0.0.1';
/** Where everything runs when the topology names no hosts. */
export const LOOPBACK_HOST: HostSpec = { name: 'localhost', address: LOOPBACK };

/** `address:port` of a node's listener. */
export function endpoint(node: { host: HostSpec }, port: number): string {
  return `${node.host.address}:${port}`;
}

/** The host an org runs on. */
export function hostOf(topology: Topology, name: string | undefined): HostSpec {
  if (name === undefined) return LOOPBACK_HOST;
  const host = topology.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`unknown host ${name}; the topology has ${topology.hosts.map((h) => h.name).join(', ')}`);
  return host;
}

/**
 * The position of item `index` among the items on the same host: ports are
 * derived from it, so with hosts every host starts at the base ports again.
 */
function slotOnHost(hostNames: (string | undefined)[], index: number): number {
  const mine = hostNames[index];
  return hostNames.slice(0, index).filter((h) => h === mine).length;
}

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface PeerNode {
  kind: 'peer';
  host: HostSpec;
  name: string; // peer0.platform.dec.local
  id: string; // platform-peer0 (process and folder name)
  org: OrgSpec;
  index: number;
  port: number;
  chaincodePort: number;
  operationsPort: number;
  mspDir: string;
  tls: TlsFiles;
  dataDir: string;
  channels: string[];
}

export interface OrdererNode {
  kind: 'orderer';
  host: HostSpec;
  name: string; // orderer0.orderer.dec.local
  id: string; // orderer0
  index: number;
  port: number;
  adminPort: number;
  operationsPort: number;
  mspDir: string;
  tls: TlsFiles;
  dataDir: string;
}

export interface CaNode {
  kind: 'ca';
  host: HostSpec;
  id: string; // platform-ca
  caName: string; // ca-platform
  org: OrgSpec;
  port: number;
  operationsPort: number;
  homeDir: string;
  /** The org's signing CA (from cryptogen) that this fabric-ca-server issues under. */
  signingCert: string;
  signingKey: string;
  /** TLS root that clients trust for the CA's HTTPS endpoint (the org's TLS CA). */
  tlsCaCert: string;
}

export interface ChaincodeServer {
  kind: 'chaincode';
  host: HostSpec;
  id: string; // platform-energy
  org: OrgSpec;
  chaincode: ChaincodeSpec;
  channel: ChannelSpec;
  port: number;
}

export interface OrgModel {
  spec: OrgSpec;
  host: HostSpec;
  domain: string; // platform.dec.local
  mspDir: string; // org MSP (verifying: cacerts, tlscacerts, config.yaml)
  tlsCaCert: string;
  admin: { mspDir: string; cert: string; key: string; tls: TlsFiles };
  peers: PeerNode[];
  ca: CaNode;
  channels: ChannelSpec[];
}

export interface NetworkModel {
  topology: Topology;
  /** The topology's hosts; empty when everything runs on 127.0.0.1. */
  hosts: HostSpec[];
  runDir: string;
  cryptoDir: string;
  ordererOrg: {
    mspId: string;
    domain: string;
    mspDir: string;
    tlsCaCert: string;
    admin: { mspDir: string; tls: TlsFiles };
    nodes: OrdererNode[];
  };
  orgs: OrgModel[];
  chaincodeServers: ChaincodeServer[];
  channelBlock(channel: string): string;
}

export function resolveNetwork(topology: Topology, runDir: string): NetworkModel {
  const cryptoDir = path.join(runDir, 'crypto');
  const ordererDomain = `${topology.orderer.name}.${topology.domain}`;
  const ordererOrgDir = path.join(cryptoDir, 'ordererOrganizations', ordererDomain);
  const ordererAdmin = path.join(ordererOrgDir, 'users', `Admin@${ordererDomain}`);

  const ordererHosts = Array.from({ length: topology.orderer.nodes }, (_, j) => topology.orderer.hosts?.[j]);
  const nodes: OrdererNode[] = Array.from({ length: topology.orderer.nodes }, (_, j) => {
    const name = `orderer${j}.${ordererDomain}`;
    const base = ports.ordererBase(topology, slotOnHost(ordererHosts, j));
    const dir = path.join(ordererOrgDir, 'orderers', name);
    return {
      kind: 'orderer',
      host: hostOf(topology, ordererHosts[j]),
      name,
      id: `orderer${j}`,
      index: j,
      port: base,
      adminPort: base + 1,
      operationsPort: base + 2,
      mspDir: path.join(dir, 'msp'),
      tls: serverTls(dir),
      dataDir: path.join(runDir, 'data', `orderer${j}`),
    };
  });

  const allChaincodes = topology.channels.flatMap((channel) => channel.chaincodes.map((chaincode) => ({ channel, chaincode })));

  const orgHosts = topology.orgs.map((o) => o.host);
  const orgBaseOf = (i: number): number => ports.orgBase(topology, slotOnHost(orgHosts, i));
  const orgs: OrgModel[] = topology.orgs.map((org, i) => {
    const domain = `${org.name}.${topology.domain}`;
    const orgDir = path.join(cryptoDir, 'peerOrganizations', domain);
    const base = orgBaseOf(i);
    const host = hostOf(topology, org.host);
    const channels = topology.channels.filter((c) => c.orgs.includes(org.mspId));
    const adminDir = path.join(orgDir, 'users', `Admin@${domain}`);
    const peers: PeerNode[] = Array.from({ length: org.peers }, (_, p) => {
      const name = `peer${p}.${domain}`;
      const dir = path.join(orgDir, 'peers', name);
      const port = base + ports.PEER_OFFSET(p);
      return {
        kind: 'peer',
        host,
        name,
        id: `${org.name}-peer${p}`,
        org,
        index: p,
        port,
        chaincodePort: port + 1,
        operationsPort: port + 2,
        mspDir: path.join(dir, 'msp'),
        tls: serverTls(dir),
        dataDir: path.join(runDir, 'data', `${org.name}-peer${p}`),
        channels: channels.map((c) => c.name),
      };
    });
    return {
      spec: org,
      host,
      domain,
      mspDir: path.join(orgDir, 'msp'),
      tlsCaCert: path.join(orgDir, 'tlsca', `tlsca.${domain}-cert.pem`),
      admin: {
        mspDir: path.join(adminDir, 'msp'),
        cert: path.join(adminDir, 'msp', 'signcerts', `Admin@${domain}-cert.pem`),
        key: path.join(adminDir, 'msp', 'keystore', 'priv_sk'),
        tls: { ca: path.join(adminDir, 'tls', 'ca.crt'), cert: path.join(adminDir, 'tls', 'client.crt'), key: path.join(adminDir, 'tls', 'client.key') },
      },
      peers,
      ca: {
        kind: 'ca',
        host,
        id: `${org.name}-ca`,
        caName: `ca-${org.name}`,
        org,
        port: base + ports.CA_OFFSET,
        operationsPort: base + ports.CA_OPERATIONS_OFFSET,
        homeDir: path.join(runDir, 'ca', org.name),
        signingCert: path.join(orgDir, 'ca', `ca.${domain}-cert.pem`),
        signingKey: path.join(orgDir, 'ca', 'priv_sk'),
        tlsCaCert: path.join(orgDir, 'tlsca', `tlsca.${domain}-cert.pem`),
      },
      channels,
    };
  });

  const chaincodeServers: ChaincodeServer[] = orgs.flatMap((org, i) =>
    allChaincodes
      .map((entry, k) => ({ ...entry, k }))
      .filter(({ channel }) => channel.orgs.includes(org.spec.mspId))
      .map(({ channel, chaincode, k }) => ({
        kind: 'chaincode' as const,
        host: org.host,
        id: `${org.spec.name}-${chaincode.name}`,
        org: org.spec,
        chaincode,
        channel,
        port: orgBaseOf(i) + ports.CHAINCODE_SERVER_OFFSET(k),
      })),
  );

  return {
    topology,
    hosts: topology.hosts,
    runDir,
    cryptoDir,
    ordererOrg: {
      mspId: topology.orderer.mspId,
      domain: ordererDomain,
      mspDir: path.join(ordererOrgDir, 'msp'),
      tlsCaCert: path.join(ordererOrgDir, 'tlsca', `tlsca.${ordererDomain}-cert.pem`),
      admin: {
        mspDir: path.join(ordererAdmin, 'msp'),
        tls: { ca: path.join(ordererAdmin, 'tls', 'ca.crt'), cert: path.join(ordererAdmin, 'tls', 'client.crt'), key: path.join(ordererAdmin, 'tls', 'client.key') },
      },
      nodes,
    },
    orgs,
    chaincodeServers,
    channelBlock: (channel) => path.join(runDir, 'channels', `${channel}.block`),
  };
}

function serverTls(nodeDir: string): TlsFiles {
  return { ca: path.join(nodeDir, 'tls', 'ca.crt'), cert: path.join(nodeDir, 'tls', 'server.crt'), key: path.join(nodeDir, 'tls', 'server.key') };
}

export function orgByMsp(model: NetworkModel, mspId: string): OrgModel {
  const org = model.orgs.find((o) => o.spec.mspId === mspId);
  if (!org) throw new Error(`unknown org ${mspId}; the topology has ${model.orgs.map((o) => o.spec.mspId).join(', ')}`);
  return org;
}
