/**
 * A large index for measuring the explorer's first view (not used by the
 * gateway itself): the blocks and transactions the real indexer stored for a
 * channel, copied `copies` more times above the chain's height with their
 * numbers shifted (and transaction IDs suffixed), so the index holds
 * thousands of blocks of real shape. The checkpoint moves past the copies, so
 * a gateway opened on it serves them and waits for a block that never comes.
 * Only for a throwaway data folder: it is not the ledger any more.
 */
import path from 'node:path';
import { openDb } from '../store/db';
import { readActivity, recountActivity } from './activity';

export function replicateIndex(dataDir: string, channel: string, copies: number): { blocks: number } {
  const db = openDb(path.join(dataDir, 'gateway.db'));
  try {
    const height = (db.prepare(`SELECT next_block FROM idx_checkpoint WHERE channel = ?`).get(channel) as { next_block: number } | undefined)?.next_block ?? 0;
    if (height === 0) return { blocks: 0 };
    db.transaction(() => {
      for (let k = 1; k <= copies; k++) {
        const shift = k * height;
        db.prepare(`INSERT INTO idx_blocks SELECT channel, number + ?, tx_count, invalid_count, time, data_hash, functions, creators FROM idx_blocks WHERE channel = ? AND number < ?`).run(shift, channel, height);
        db.prepare(`INSERT INTO idx_txs SELECT channel, block_number + ?, tx_index, tx_id || '-' || ?, type, time, creator_msp, chaincode, function, validation FROM idx_txs WHERE channel = ? AND block_number < ?`).run(shift, String(k), channel, height);
      }
      db.prepare(`UPDATE idx_checkpoint SET next_block = ? WHERE channel = ?`).run(height * (copies + 1), channel);
      recountActivity(db, channel);
    })();
    return { blocks: height * (copies + 1) };
  } finally {
    db.close();
  }
}

/**
 * For the same measurement: the per-minute activity counted on read from the
 * indexed transactions (as the gateway did before) against the counts kept
 * per block (activity.ts), on a channel's index, in milliseconds.
 */
export function timeActivityReads(dataDir: string, channel: string, since: string): { countedOnReadMs: number; keptMs: number } {
  const db = openDb(path.join(dataDir, 'gateway.db'));
  const ms = (run: () => unknown): number => {
    const t0 = performance.now();
    run();
    return Math.round((performance.now() - t0) * 10) / 10;
  };
  try {
    return {
      countedOnReadMs: ms(() => db.prepare(`SELECT substr(time, 1, 16) AS minute, COUNT(DISTINCT block_number), COUNT(*) FROM idx_txs WHERE channel = ? AND time >= ? GROUP BY minute`).all(channel, since)),
      keptMs: ms(() => readActivity(db, channel, since)),
    };
  } finally {
    db.close();
  }
}
