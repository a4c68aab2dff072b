/**
 * Fabric confirms a commit on the submitter's own peer only: another org's peer
 * may still be a block behind, and a transaction endorsed there meanwhile reads
 * the old state (its chaincode refuses, or its read set no longer matches). A
 * client that goes on with other orgs' endorsements waits until their peers hold
 * the block. The height is qscc GetChainInfo, evaluated on that org's peer only.
 */
import { common } from '@hyperledger/fabric-protos';
import type { Network } from '@hyperledger/fabric-gateway';
import { isTransient, sleep } from '../retry';

/** The channel's height (blocks held) on a peer of `mspId`. */
export async function peerHeight(network: Network, mspId: string): Promise<bigint> {
  const bytes = await network.getContract('qscc').evaluate('GetChainInfo', { arguments: [network.getName()], endorsingOrganizations: [mspId] });
  return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
}

/** -1 (no height known) for a failure that may pass; any other failure is thrown. */
function unlessTransient(e: unknown): bigint {
  if (isTransient(e)) return -1n;
  throw e;
}

/** Waits until a peer of each org holds block `blockNumber`; fails naming the orgs still behind after `timeoutMs`. */
export async function waitForBlock(network: Network, mspIds: readonly string[], blockNumber: bigint, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let behind = [...mspIds];
  for (;;) {
    // A peer the gateway cannot reach just now counts as behind: asked again until the deadline.
    const heights = await Promise.all(behind.map((m) => peerHeight(network, m).catch(unlessTransient)));
    behind = behind.filter((_, i) => (heights[i] ?? -1n) <= blockNumber);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`block ${String(blockNumber)} of ${network.getName()} not yet on the peers of ${behind.join(', ')} after ${String(timeoutMs)} ms`);
    await sleep(50);
  }
}
