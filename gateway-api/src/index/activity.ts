/**
 * Blocks and transactions per minute, kept as the blocks are indexed instead
 * of counted on read: the dashboard's chart then costs one indexed read of at
 * most `minutes` rows, however many blocks the chain holds. A minute is that
 * of a transaction's time (UTC, `YYYY-MM-DDTHH:MM`); a block counts once in
 * each minute its transactions fall in, as COUNT(DISTINCT block) would.
 */
import type { Db } from '../store/db';
import type { ExtractedBlock } from './extract';

export interface ActivityItem { minute: string; blocks: number; transactions: number }

export const ACTIVITY_TABLE = `CREATE TABLE IF NOT EXISTS idx_activity (
  channel TEXT NOT NULL,
  minute TEXT NOT NULL,
  blocks INTEGER NOT NULL,
  transactions INTEGER NOT NULL,
  PRIMARY KEY (channel, minute)
)`;

/** The per-minute counts of one block's transactions (transactions without a time are left out). */
export function minutesOf(x: ExtractedBlock): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of x.txs) {
    if (!t.time) continue;
    const minute = t.time.slice(0, 16);
    out.set(minute, (out.get(minute) ?? 0) + 1);
  }
  return out;
}

/** Adds a block to the counts (inside the block's database transaction). */
export function applyActivity(db: Db, channel: string, x: ExtractedBlock): void {
  const add = db.prepare(
    `INSERT INTO idx_activity VALUES (?, ?, 1, ?) ON CONFLICT (channel, minute) DO UPDATE SET blocks = blocks + 1, transactions = transactions + excluded.transactions`,
  );
  for (const [minute, count] of minutesOf(x)) add.run(channel, minute, count);
}

/** Counts the whole channel again from its indexed transactions (an index made before this table, or a copied one). */
export function recountActivity(db: Db, channel: string): void {
  db.prepare(`DELETE FROM idx_activity WHERE channel = ?`).run(channel);
  db.prepare(
    `INSERT INTO idx_activity SELECT channel, substr(time, 1, 16), COUNT(DISTINCT block_number), COUNT(*) FROM idx_txs
     WHERE channel = ? AND time IS NOT NULL GROUP BY substr(time, 1, 16)`,
  ).run(channel);
}

/** Fills the table once for channels indexed before it existed. */
export function backfillActivity(db: Db): void {
  const channels = db.prepare(`SELECT channel FROM idx_checkpoint WHERE channel NOT IN (SELECT DISTINCT channel FROM idx_activity)`).all() as { channel: string }[];
  for (const { channel } of channels) recountActivity(db, channel);
}

/** Per-minute counts since `since` (ISO time), oldest minute first. */
export function readActivity(db: Db, channel: string, since: string): ActivityItem[] {
  return db
    .prepare(`SELECT minute, blocks, transactions FROM idx_activity WHERE channel = ? AND minute >= ? ORDER BY minute`)
    .all(channel, since.slice(0, 16)) as ActivityItem[];
}
