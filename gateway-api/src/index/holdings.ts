/**
 * Token holders and movements from the index. Every token transaction writes
 * one journal entry (`token.entry`) per account whose balance it changed
 * (direction in/out, amount); summing them per account gives its balance
 * without reading the ledger, and the `out` entries are its movements (the
 * counterparties name who received). Sums are bigint in JS (DEC has 18
 * decimals, beyond SQLite's 64-bit integers); the table keeps a zero-padded
 * rank so "largest first" is one indexed read.
 */
import type { Db } from '../store/db';
import type { ExtractedBlock } from './extract';
import { parseWritePosition, type Page } from './store';

export const TOKEN_ASSETS = ['DEC', 'DECC'] as const;
export type TokenAsset = (typeof TOKEN_ASSETS)[number];

export interface HolderItem { account: string; asset: string; balance: string; transactionId: string; blockNumber: string; time: string | null }
export interface MovementItem { account: string; asset: string; op: string; direction: string; amount: string; counterparties: string[]; transactionId: string; blockNumber: string; time: string | null }
export interface MovementFilter { asset?: TokenAsset; op?: string; account?: string }

const RANK_DIGITS = 40;
const rankOf = (amount: bigint): string => (amount > 0n ? amount : 0n).toString().padStart(RANK_DIGITS, '0');

interface Entry { asset: string; direction: string; amount: string }
function entryOf(value: string | null): Entry | undefined {
  if (value === null) return undefined;
  try {
    const v = JSON.parse(value) as Partial<Entry>;
    if (typeof v.asset === 'string' && (v.direction === 'in' || v.direction === 'out') && typeof v.amount === 'string' && /^\d{1,40}$/.test(v.amount)) return v as Entry;
  } catch {
    /* not an entry: skipped */
  }
  return undefined;
}

/** Adds a block's journal entries to the balances (called inside the block's database transaction). */
export function applyHoldings(db: Db, channel: string, x: ExtractedBlock): void {
  const read = db.prepare(`SELECT amount FROM idx_holdings WHERE channel = ? AND asset = ? AND account = ?`);
  const write = db.prepare(`INSERT OR REPLACE INTO idx_holdings VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const w of x.writes) {
    if (w.objectType !== 'token.entry' || w.deleted) continue;
    const e = entryOf(w.value);
    if (!e) continue;
    const account = w.firstAttr;
    const row = read.get(channel, e.asset, account) as { amount: string } | undefined;
    const delta = e.direction === 'in' ? BigInt(e.amount) : -BigInt(e.amount);
    const amount = BigInt(row?.amount ?? '0') + delta;
    write.run(channel, e.asset, account, amount.toString(), rankOf(amount), x.block.number, w.txId, w.time);
  }
}

/** A holder position `rank:account` as a page cursor. */
const parseRank = (cursor: string | undefined): [string, string] => {
  const [rank = '', ...account] = (cursor ?? '').split(':');
  return [rank, account.join(':')];
};

export class TokenIndex {
  constructor(private readonly db: Db) {}

  /** Accounts by balance of one asset, largest first (accounts at zero left out). */
  holders(channel: string, asset: TokenAsset, before: string | undefined, limit: number): Page<HolderItem> {
    const [rank, account] = parseRank(before);
    const rows = this.db
      .prepare(
        `SELECT * FROM idx_holdings WHERE channel = @channel AND asset = @asset AND rank > @zero
         ${before ? 'AND (rank < @rank OR (rank = @rank AND account < @account))' : ''}
         ORDER BY rank DESC, account DESC LIMIT @limit`,
      )
      .all({ channel, asset, zero: rankOf(0n), rank, account, limit: limit + 1 }) as { account: string; asset: string; amount: string; rank: string; block_number: number; tx_id: string; time: string | null }[];
    const items = rows.slice(0, limit).map((r) => ({ account: r.account, asset: r.asset, balance: r.amount, transactionId: r.tx_id, blockNumber: String(r.block_number), time: r.time }));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, ...(last ? { next: `${last.rank}:${last.account}` } : {}) };
  }

  /** Outgoing journal entries (transfers, payments, holds, burns), newest first. */
  movements(channel: string, filter: MovementFilter, before: string | undefined, limit: number): Page<MovementItem> {
    const where = [`channel = @channel`, `object_type = 'token.entry'`, `(CASE WHEN json_valid(value) THEN json_extract(value, '$.direction') END) = 'out'`];
    if (filter.asset) where.push('second_attr = @asset');
    if (filter.op) where.push(`(CASE WHEN json_valid(value) THEN json_extract(value, '$.op') END) = @op`);
    if (filter.account) where.push('first_attr = @account');
    if (before) where.push('(block_number < @block OR (block_number = @block AND (tx_index < @index OR (tx_index = @index AND key < @key))))');
    const [block, index, key] = parseWritePosition(before);
    const rows = this.db
      .prepare(`SELECT * FROM idx_writes WHERE ${where.join(' AND ')} ORDER BY block_number DESC, tx_index DESC, key DESC LIMIT @limit`)
      .all({ channel, ...filter, block, index, key, limit: limit + 1 }) as { key: string; first_attr: string; value: string; block_number: number; tx_index: number; tx_id: string; time: string | null }[];
    const items = rows.slice(0, limit).map((r) => {
      const v = JSON.parse(r.value) as { asset: string; op: string; direction: string; amount: string; counterparties?: string[] };
      return { account: r.first_attr, asset: v.asset, op: v.op, direction: v.direction, amount: v.amount, counterparties: v.counterparties ?? [], transactionId: r.tx_id, blockNumber: String(r.block_number), time: r.time };
    });
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, ...(last ? { next: `${String(last.block_number)}:${String(last.tx_index)}:${last.key}` } : {}) };
  }
}
