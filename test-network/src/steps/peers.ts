/** Peers: started with their org identity and joined to their org's channels. */
import { endpoint, type NetworkModel, type OrgModel, type PeerNode } from '@dec/network';
import { mkdirSync } from 'node:fs';
import { orgAdminEnv, peerEnv } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { start, type ProcessRecord, type StartSpec } from '../processes';

/** Where the peer answers and how its health is checked (the same with or without hosts). */
export function peerEndpoints(peer: PeerNode): Pick<StartSpec, 'ports' | 'health' | 'address'> {
  return {
    ports: { grpc: peer.port, chaincode: peer.chaincodePort, operations: peer.operationsPort },
    health: { url: `https://${endpoint(peer, peer.operationsPort)}/healthz`, ca: peer.tls.ca },
    address: peer.host.address,
  };
}

export function startPeer(peer: PeerNode): ProcessRecord {
  mkdirSync(peer.dataDir, { recursive: true });
  return start({ name: peer.id, kind: 'peer', command: bin('peer'), args: ['node', 'start'], env: peerEnv(peer), ...peerEndpoints(peer) });
}

export async function peerChannels(org: OrgModel, peer: PeerNode): Promise<string[]> {
  const out = await run(bin('peer'), ['channel', 'list'], { env: orgAdminEnv(org, peer) });
  return out.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes(':'));
}

export async function joinPeer(model: NetworkModel, org: OrgModel, peer: PeerNode, channel: string): Promise<void> {
  if ((await peerChannels(org, peer)).includes(channel)) return;
  await run(bin('peer'), ['channel', 'join', '-b', model.channelBlock(channel)], { env: orgAdminEnv(org, peer) });
}

export async function channelHeight(org: OrgModel, channel: string): Promise<number> {
  const out = await run(bin('peer'), ['channel', 'getinfo', '-c', channel], { env: orgAdminEnv(org) });
  const json = JSON.parse(out.slice(out.indexOf('{'))) as { height: number };
  return json.height;
}

/** A peer's own view of a channel: its height and the hash of its last block (two peers agree iff both match). */
export async function peerChainInfo(org: OrgModel, peer: PeerNode, channel: string): Promise<{ height: number; currentBlockHash: string }> {
  const out = await run(bin('peer'), ['channel', 'getinfo', '-c', channel], { env: orgAdminEnv(org, peer) });
  return JSON.parse(out.slice(out.indexOf('{'))) as { height: number; currentBlockHash: string };
}
