/**
 * Decommissioning a meter revokes its broker certificates. The watcher follows
 * the energy chaincode's events from a checkpoint (a file beside the meter
 * CA) and, for every `MeterDecommissioned` (alone or inside a `Batch` event),
 * revokes the meter at the meter CA and has the broker reload its CRL and ACL.
 *
 * Why events and not the gateway route: a meter may be decommissioned through
 * any door (the REST route, a Fabric client, the grid operator's tools); the
 * ledger is the one place every decommission passes, so following it misses
 * none. The checkpoint is written after a block's revocations are done; a
 * restart replays at most that block again, and revoking twice is a no-op.
 * The first run starts at block 0, so decommissions from before the watcher
 * existed are revoked too. Revocation is also enforced without the broker:
 * the chaincode refuses readings of a decommissioned meter.
 */
import type { ChaincodeEvent, CloseableAsyncIterable, Network } from '@dec/fabric-client';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeterCa } from './meter-ca';

export interface DecommissionWatcherOptions {
  network: Network;
  ca: MeterCa;
  /** Makes the broker read the new CRL and ACL (SIGHUP). */
  reloadBroker(): void;
  chaincode?: string;
  /** Default <CA folder>/decommission-checkpoint.json. */
  checkpointFile?: string;
  log?: (line: string) => void;
}

export interface DecommissionWatcher {
  close(): void;
  /** Resolves when the event stream ends (closed, or failed: then with the error logged). */
  readonly done: Promise<void>;
}

/** The meters a chaincode event says were decommissioned. */
export function decommissionedMeters(event: { eventName: string; payload: Uint8Array }): string[] {
  const parse = (): unknown => JSON.parse(Buffer.from(event.payload).toString('utf8'));
  if (event.eventName === 'MeterDecommissioned') {
    const meter = (parse() as { meter?: unknown }).meter;
    return typeof meter === 'string' ? [meter] : [];
  }
  if (event.eventName !== 'Batch') return [];
  const events = (parse() as { events?: { name?: unknown; payload?: { meter?: unknown } }[] }).events ?? [];
  return events.filter((e) => e.name === 'MeterDecommissioned' && typeof e.payload?.meter === 'string').map((e) => e.payload?.meter as string);
}

function readCheckpoint(file: string): bigint {
  if (!existsSync(file)) return 0n;
  return BigInt((JSON.parse(readFileSync(file, 'utf8')) as { nextBlock: string }).nextBlock);
}

function writeCheckpoint(file: string, nextBlock: bigint): void {
  writeFileSync(`${file}.tmp`, JSON.stringify({ nextBlock: nextBlock.toString() }));
  renameSync(`${file}.tmp`, file);
}

/** Starts following decommissions from the checkpoint; revokes each decommissioned meter once its event arrives. */
export async function watchDecommissions(o: DecommissionWatcherOptions): Promise<DecommissionWatcher> {
  const file = o.checkpointFile ?? path.join(o.ca.dir, 'decommission-checkpoint.json');
  const log = o.log ?? ((): void => undefined);
  const events: CloseableAsyncIterable<ChaincodeEvent> = await o.network.getChaincodeEvents(o.chaincode ?? 'energy', { startBlock: readCheckpoint(file) });
  const follow = async (): Promise<void> => {
    for await (const event of events) {
      const meters = decommissionedMeters(event);
      for (const meter of meters) log(`meter ${meter} decommissioned (block ${event.blockNumber}): ${o.ca.revoke(meter)} certificate(s) revoked`);
      if (meters.length > 0) o.reloadBroker();
      // Events of later transactions of this block may follow: the block counts as done only when the next begins.
      writeCheckpoint(file, event.blockNumber);
    }
  };
  const done = follow().catch((e: unknown) => {
    log(`decommission watcher stopped: ${e instanceof Error ? e.message : String(e)}`);
  });
  return { close: () => { events.close(); }, done };
}
