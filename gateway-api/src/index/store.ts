/**
 * Writes and reads of the index tables. A block is applied in one database
 * transaction together with the channel's checkpoint, so after a crash or a
 * restart the index resumes at the first block it does not hold: never a gap,
 * never a block twice. Every list is a keyset page (newest first, `before` a
 * position), so a page costs one indexed read however long the chain is.
 */
import { nowIso, type Db } from '../store/db';
import type { ExtractedBlock } from './extract';
import { applyActivity, readActivity, type ActivityItem } from './activity';
import { applyHoldings } from './holdings';
import { createIndexTables, dropChannel } from './schema';

export interface Page<T> { items: T[]; next?: string }
export interface BlockItem { number: string; transactionCount: number; invalidCount: number; time: string | null; dataHash: string; functions: string[]; creators: string[] }
export interface TxItem { transactionId: string; blockNumber: string; index: number; type: string; time: string | null; creatorMspId: string; chaincode: string | null; function: string | null; validationCode: string | null }
export interface StateItem { objectType: string; key: string; value: unknown; deleted?: boolean; transactionId: string; blockNumber: string; time: string | null }
export type { ActivityItem } from './activity';

export interface TxFilter { function?: string; eid?: string; creatorMspId?: string; type?: string }
/** `status`: only values whose JSON `status` field is this (receivables, clearings, meters). */
export interface StateFilter { first?: string; second?: string; status?: string }

const parse = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

interface TxDbRow { tx_id: string; block_number: number; tx_index: number; type: string; time: string | null; creator_msp: string; chaincode: string | null; function: string | null; validation: string | null }
const txItem = (r: TxDbRow): TxItem => ({
  transactionId: r.tx_id,
  blockNumber: String(r.block_number),
  index: r.tx_index,
  type: r.type,
  time: r.time,
  creatorMspId: r.creator_msp,
  chaincode: r.chaincode,
  function: r.function,
  validationCode: r.validation,
});

/** A transaction position `block.index` as a page cursor. */
export function parsePosition(cursor: string | undefined): [number, number] {
  if (!cursor) return [Number.MAX_SAFE_INTEGER, 0];
  const [block = '0', index = '0'] = cursor.split('.');
  return [Number(block), Number(index)];
}

interface StateDbRow { key: string; value: string | null; deleted?: number; block_number: number; tx_index: number; tx_id: string; time: string | null }
const stateItem = (objectType: string, r: StateDbRow, history: boolean): StateItem => ({
  objectType,
  key: r.key,
  value: parse(r.value),
  ...(history ? { deleted: r.deleted === 1 } : {}),
  transactionId: r.tx_id,
  blockNumber: String(r.block_number),
  time: r.time,
});

/** A write position `block:index:key` (the key may itself hold ':'). */
export function parseWritePosition(cursor: string | undefined): [number, number, string] {
  const [block = '0', index = '0', ...key] = (cursor ?? '').split(':');
  return [Number(block), Number(index), key.join(':')];
}

export class IndexStore {
  constructor(private readonly db: Db) {
    createIndexTables(db);
  }

  /** The next block the index needs for a channel (0 when it holds none). */
  nextBlock(channel: string): number {
    const row = this.db.prepare(`SELECT next_block FROM idx_checkpoint WHERE channel = ?`).get(channel) as { next_block: number } | undefined;
    return row?.next_block ?? 0;
  }

  reset(channel: string): void {
    dropChannel(this.db, channel);
  }

  /** Stores one block and moves the checkpoint past it; a block that is not the next one is ignored. */
  apply(channel: string, x: ExtractedBlock): boolean {
    return this.db.transaction(() => {
      if (x.block.number !== this.nextBlock(channel)) return false;
      const b = x.block;
      this.db.prepare(`INSERT INTO idx_blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(channel, b.number, b.txCount, b.invalidCount, b.time, b.dataHash, JSON.stringify(b.functions), JSON.stringify(b.creators));
      const tx = this.db.prepare(`INSERT INTO idx_txs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const t of x.txs) tx.run(channel, b.number, t.index, t.txId, t.type, t.time, t.creatorMsp, t.chaincode, t.function, t.validation);
      const who = this.db.prepare(`INSERT OR IGNORE INTO idx_participants VALUES (?, ?, ?, ?)`);
      for (const p of x.participants) who.run(channel, p.eid, b.number, p.txIndex);
      this.applyWrites(channel, x);
      applyHoldings(this.db, channel, x);
      applyActivity(this.db, channel, x);
      this.db
        .prepare(`INSERT INTO idx_checkpoint VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET next_block = excluded.next_block, updated_at = excluded.updated_at`)
        .run(channel, b.number + 1, nowIso());
      return true;
    })();
  }

  private applyWrites(channel: string, x: ExtractedBlock): void {
    const history = this.db.prepare(`INSERT OR REPLACE INTO idx_writes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const latest = this.db.prepare(`INSERT OR REPLACE INTO idx_latest VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const remove = this.db.prepare(`DELETE FROM idx_latest WHERE channel = ? AND object_type = ? AND key = ?`);
    for (const w of x.writes) {
      history.run(channel, w.objectType, w.key, w.firstAttr, w.secondAttr, w.value, w.deleted ? 1 : 0, x.block.number, w.txIndex, w.txId, w.time);
      if (w.deleted) remove.run(channel, w.objectType, w.key);
      else latest.run(channel, w.objectType, w.key, w.firstAttr, w.secondAttr, w.value, x.block.number, w.txId, w.time);
    }
  }

  blocks(channel: string, before: number | undefined, limit: number): Page<BlockItem> {
    const rows = this.db
      .prepare(`SELECT * FROM idx_blocks WHERE channel = ? AND number < ? ORDER BY number DESC LIMIT ?`)
      .all(channel, before ?? Number.MAX_SAFE_INTEGER, limit + 1) as { number: number; tx_count: number; invalid_count: number; time: string | null; data_hash: string; functions: string; creators: string }[];
    const items = rows.slice(0, limit).map((r) => ({
      number: String(r.number),
      transactionCount: r.tx_count,
      invalidCount: r.invalid_count,
      time: r.time,
      dataHash: r.data_hash,
      functions: JSON.parse(r.functions) as string[],
      creators: JSON.parse(r.creators) as string[],
    }));
    const last = items[items.length - 1];
    return { items, ...(rows.length > limit && last ? { next: last.number } : {}) };
  }

  transactions(channel: string, filter: TxFilter, before: string | undefined, limit: number): Page<TxItem> {
    const [block, index] = parsePosition(before);
    const where = ['t.channel = @channel', '(t.block_number < @block OR (t.block_number = @block AND t.tx_index < @index))'];
    if (filter.function) where.push('t.function = @function');
    if (filter.creatorMspId) where.push('t.creator_msp = @creatorMspId');
    if (filter.type) where.push('t.type = @type');
    const join = filter.eid ? 'JOIN idx_participants p ON p.channel = t.channel AND p.block_number = t.block_number AND p.tx_index = t.tx_index AND p.eid = @eid' : '';
    const rows = this.db
      .prepare(`SELECT t.* FROM idx_txs t ${join} WHERE ${where.join(' AND ')} ORDER BY t.block_number DESC, t.tx_index DESC LIMIT @limit`)
      .all({ channel, block, index: before ? index : Number.MAX_SAFE_INTEGER, limit: limit + 1, ...filter }) as TxDbRow[];
    const items = rows.slice(0, limit).map(txItem);
    const last = items[items.length - 1];
    return { items, ...(rows.length > limit && last ? { next: `${last.blockNumber}.${String(last.index)}` } : {}) };
  }

  /** The current value of each key of a type (or, with history, every version newest first). */
  state(channel: string, objectType: string, filter: StateFilter, history: boolean, before: string | undefined, limit: number): Page<StateItem> {
    const where = ['channel = @channel', 'object_type = @objectType'];
    if (filter.first !== undefined) where.push('first_attr = @first');
    if (filter.second !== undefined) where.push('second_attr = @second');
    if (filter.status !== undefined) where.push(`(CASE WHEN json_valid(value) THEN json_extract(value, '$.status') END) = @status`);
    if (before) where.push(history ? '(block_number < @block OR (block_number = @block AND (tx_index < @index OR (tx_index = @index AND key < @key))))' : 'key < @before');
    const [block, index, key] = parseWritePosition(before);
    const sql = history
      ? `SELECT * FROM idx_writes WHERE ${where.join(' AND ')} ORDER BY block_number DESC, tx_index DESC, key DESC LIMIT @limit`
      : `SELECT *, 0 AS tx_index FROM idx_latest WHERE ${where.join(' AND ')} ORDER BY key DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ channel, objectType, ...filter, before, block, index, key, limit: limit + 1 }) as StateDbRow[];
    const items = rows.slice(0, limit).map((r) => stateItem(objectType, r, history));
    const lastRow = rows.length > limit ? rows[limit - 1] : undefined;
    if (!lastRow) return { items };
    return { items, next: history ? `${String(lastRow.block_number)}:${String(lastRow.tx_index)}:${lastRow.key}` : lastRow.key };
  }

  /** Blocks and transactions per minute since `since` (ISO time), oldest minute first: kept per block (activity.ts), not counted here. */
  activity(channel: string, since: string): ActivityItem[] {
    return readActivity(this.db, channel, since);
  }
}
