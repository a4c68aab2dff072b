/**
 * Reading the multi-host network's ledgers from the operator's workstation:
 * each peer's own height and last block hash (peer CLI as the org admin), the
 * Raft leader from the orderers' operations metrics, and every valid
 * transaction ID of a channel from its blocks (block events from one peer).
 */
import { decodeBlock, openGateway, orgAdminIdentity, peerClient } from '@dec/fabric-client';
import type { GatewayOrg, NetworkModel, OrdererNode } from '@dec/network';
import { httpsGet, peerChainInfo, sleep } from '@dec/test-network';

export interface PeerView {
  peer: string;
  height: number;
  currentBlockHash: string;
}

export async function peerViews(model: NetworkModel, channel: string): Promise<PeerView[]> {
  return Promise.all(model.orgs.flatMap((org) => org.peers.map(async (peer) => ({ peer: peer.id, ...(await peerChainInfo(org, peer, channel)) }))));
}

/** Waits until every peer reports the same height and last block hash; returns that view. */
export async function waitConverged(model: NetworkModel, channel: string, timeoutMs: number): Promise<PeerView[]> {
  const until = Date.now() + timeoutMs;
  let views: PeerView[] = [];
  while (Date.now() < until) {
    views = await peerViews(model, channel).catch(() => []);
    const first = views[0];
    if (first && views.every((v) => v.height === first.height && v.currentBlockHash === first.currentBlockHash)) return views;
    await sleep(500);
  }
  throw new Error(`peers did not converge on ${channel} within ${timeoutMs / 1000}s: ${JSON.stringify(views)}`);
}

/** 1 if the orderer says it leads the channel's Raft cluster, 0 if not, undefined if it does not answer. */
export async function isLeader(model: NetworkModel, node: OrdererNode, channel: string): Promise<boolean | undefined> {
  try {
    // /metrics wants a client certificate from the orderer org's TLS CA: the orderer admin's.
    const { body } = await httpsGet(`https://${node.host.address}:${node.operationsPort}/metrics`, node.tls.ca, 2000, model.ordererOrg.admin.tls);
    const line = body.split('\n').find((l) => l.startsWith('consensus_etcdraft_is_leader{') && l.includes(`channel="${channel}"`));
    return line === undefined ? undefined : line.trim().endsWith(' 1');
  } catch {
    return undefined;
  }
}

/** The orderer that leads the channel now, among those given. */
export async function leaderAmong(model: NetworkModel, nodes: OrdererNode[], channel: string): Promise<OrdererNode | undefined> {
  for (const node of nodes) if (await isLeader(model, node, channel)) return node;
  return undefined;
}

/** How many times each transaction ID occurs as a VALID transaction in the channel's blocks 0..height-1. */
export async function validTxCounts(org: GatewayOrg, channel: string, height: number): Promise<Map<string, number>> {
  const peer = org.peers[0];
  if (!peer) throw new Error(`${org.mspId} has no peer`);
  const client = peerClient(peer);
  const gateway = openGateway(client, orgAdminIdentity(org));
  const counts = new Map<string, number>();
  const events = await gateway.getNetwork(channel).getBlockEvents({ startBlock: 0n });
  try {
    for await (const block of events) {
      const decoded = decodeBlock(block);
      for (const tx of decoded.transactions) if (tx.validationCode === 'VALID') counts.set(tx.transactionId, (counts.get(tx.transactionId) ?? 0) + 1);
      if (Number(decoded.number) >= height - 1) break;
    }
  } finally {
    events.close();
    gateway.close();
    client.close();
  }
  return counts;
}
