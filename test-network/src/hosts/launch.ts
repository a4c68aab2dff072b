/**
 * How each kind of node is started. On one host (no hosts in the topology) the
 * test network starts the binaries itself from the run folder; with hosts,
 * every node starts inside its host's namespace through the run-node.sh of the
 * bundle unpacked in the host's folder, so the multi-host network runs exactly
 * what an org admin would run on their own server.
 */
import type { ChaincodeServer, NetworkModel, OrdererNode, OrgModel, PeerNode } from '@dec/network';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, FABRIC_BIN, runPath } from '../paths';
import { start, type ProcessRecord, type StartSpec } from '../processes';
import { caEndpoints, startCa } from '../steps/cas';
import { startChaincodeServer } from '../steps/chaincode';
import { ordererEndpoints, startOrderer } from '../steps/orderers';
import { peerEndpoints, startPeer } from '../steps/peers';
import { makeBundle, unpackBundle } from './bundle';
import { hostDir, isMultiHost, netnsName } from './layout';
import { createHosts } from './netns';

export interface Starters {
  ca(org: OrgModel): ProcessRecord;
  orderer(node: OrdererNode): ProcessRecord;
  peer(peer: PeerNode): ProcessRecord;
  chaincode(server: ChaincodeServer, packageId: string): ProcessRecord;
}

type Placed = Pick<StartSpec, 'name' | 'kind' | 'command' | 'ports' | 'health' | 'address'>;

function onHost(host: OrgModel['host'], spec: Placed, env: NodeJS.ProcessEnv = {}): ProcessRecord {
  const dir = hostDir(host);
  return start({
    ...spec,
    args: [spec.name],
    launcher: path.join(dir, 'run-node.sh'),
    netns: netnsName(host),
    cwd: dir,
    env: { FABRIC_BIN, NODE: process.execPath, ...env },
  });
}

function hostStarters(): Starters {
  return {
    ca: (org) => onHost(org.host, { name: org.ca.id, kind: 'ca', command: bin('fabric-ca-server'), ...caEndpoints(org) }),
    orderer: (node) => onHost(node.host, { name: node.id, kind: 'orderer', command: bin('orderer'), ...ordererEndpoints(node) }),
    peer: (peer) => onHost(peer.host, { name: peer.id, kind: 'peer', command: bin('peer'), ...peerEndpoints(peer) }),
    chaincode: (server, packageId) => {
      // What the host's admin would write after installing the package.
      const ids = path.join(hostDir(server.host), 'chaincode-ids');
      mkdirSync(ids, { recursive: true });
      writeFileSync(path.join(ids, server.id), packageId);
      return onHost(server.host, { name: server.id, kind: 'chaincode', command: process.execPath, ports: { grpc: server.port }, address: server.host.address });
    },
  };
}

export function startersFor(model: NetworkModel): Starters {
  if (isMultiHost(model)) return hostStarters();
  return {
    ca: (org) => startCa(model, org),
    orderer: (node) => startOrderer(model, node),
    peer: (peer) => startPeer(peer),
    chaincode: (server, packageId) => startChaincodeServer(model, server, packageId),
  };
}

/** Makes the hosts (namespaces on the bridge) and gives each its folder, unpacked from its bundle. */
export async function prepareHosts(model: NetworkModel): Promise<void> {
  await createHosts(model);
  for (const host of model.hosts) {
    if (existsSync(hostDir(host))) continue;
    const bundle = runPath('bundles', host.name);
    await makeBundle(model, host, bundle);
    await unpackBundle(`${bundle}.tar.gz`, hostDir(host));
  }
}
