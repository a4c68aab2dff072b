/**
 * An account's unconsolidated credits, and how a debit folds them (issue 13,
 * item 5: a stranger's dust must not make an account's own spending expensive
 * or make it conflict).
 *
 *   token.credit\0<asset>\0<account>\0<rank>\0<txId>\0<n>\0   Credit   (an ordered key, ordered-keys.ts)
 *
 * `rank` sorts the amounts from the largest down, so an account's credits are
 * read largest first. A debit whose base balance is short of `short` folds the
 * fewest largest credits that cover it, and at most MAX_FOLD:
 *   1. it reads only credits of at least ceil(short / MAX_FOLD), a range with an
 *      end key: smaller credits are neither read nor re-checked at commit, so
 *      any number of them, arriving any time, neither slow nor conflict with
 *      it; and MAX_FOLD credits of that size always cover `short`;
 *   2. only when fewer such credits exist does it read on into smaller ones
 *      (still at most MAX_FOLD in all);
 *   3. if MAX_FOLD credits still do not cover, it refuses (CONFLICT) and the
 *      holder consolidates named credits first (token:Consolidate with IDs).
 * Nothing is lost or created: the folded credits are deleted and their sum
 * added to the base in the same transaction.
 */
import { ConflictError, decoder, descendingRank, fromDescendingRank, keyPart, orderedKey, orderedPrefixRange, type Entry, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import type { Asset } from './accounts';

/** At most this many credits are folded by one debit or one consolidation without credit IDs. */
export const MAX_FOLD = 50;

export const CREDIT_TYPE = 'token.credit';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);
export const creditSchema = z.object({ amount: amountString, from: z.string(), op: z.string(), at: z.string() });
export type Credit = z.infer<typeof creditSchema>;
export const dCredit = decoder(creditSchema, 'credit');

/** A credit to fold: its key and amount. */
export interface Foldable {
  key: string;
  amount: bigint;
}

function creditKey(asset: Asset, account: string, amount: bigint, txId: string, n: string): string {
  return orderedKey(CREDIT_TYPE, asset, keyPart('account', account), descendingRank(amount), keyPart('credits', txId), keyPart('credits', n));
}

/** Every credit of the account, or of every account when none is named. */
export function creditRange(asset?: Asset, account?: string): { start: string; end: string } {
  if (asset === undefined) return orderedPrefixRange(CREDIT_TYPE);
  return orderedPrefixRange(CREDIT_TYPE, asset, keyPart('account', account ?? ''));
}

/** The key before which exactly the account's credits of at least `floor` lie. */
function creditBound(asset: Asset, account: string, floor: bigint): string {
  return orderedPrefixRange(CREDIT_TYPE, asset, account, descendingRank(floor)).end;
}

/** The leading entries (largest first) until their sum reaches `short` (all of them if it never does). */
function takeUntil(items: Entry<Credit>[], short: bigint): { entries: Foldable[]; sum: bigint } {
  const entries: Foldable[] = [];
  let total = 0n;
  for (const c of items) {
    if (total >= short) break;
    const amount = BigInt(c.value.amount);
    entries.push({ key: c.key, amount });
    total += amount;
  }
  return { entries, sum: total };
}

/** A credit's public ID: `<txId>/<n>/<amount>`, what token:Consolidate accepts (the amount places the key). */
export function creditId(attributes: string[]): string {
  return `${attributes[3] ?? ''}/${attributes[4] ?? ''}/${fromDescendingRank(attributes[2] ?? '').toString()}`;
}

/** One transaction's access to credits. Keeps the keys it folded: range reads do not see the transaction's own deletes. */
export class CreditBook {
  private readonly folded = new Set<string>();
  private seq = 0;

  constructor(private readonly ledger: Ledger) {}

  /** A blind write of a new key named after this transaction: reads nothing of the payee. */
  async add(asset: Asset, account: string, amount: bigint, credit: Omit<Credit, 'amount'>): Promise<void> {
    const key = creditKey(asset, account, amount, this.ledger.txId, String(this.seq++));
    await this.ledger.put(key, { amount: amount.toString(), ...credit });
  }

  /** Deletes credits being folded into the base (the caller adds their sum to it). */
  async fold(entries: Foldable[]): Promise<void> {
    for (const e of entries) {
      await this.ledger.delete(e.key);
      this.folded.add(e.key);
    }
  }

  /** The fewest largest credits that cover `short` (module comment); refuses when MAX_FOLD do not. */
  async cover(asset: Asset, account: string, short: bigint, base: bigint): Promise<{ entries: Foldable[]; sum: bigint }> {
    const all = creditRange(asset, account);
    const bound = creditBound(asset, account, (short + BigInt(MAX_FOLD) - 1n) / BigInt(MAX_FOLD));
    const large = await this.unfolded(all.start, bound, MAX_FOLD);
    let picked = takeUntil(large.items, short);
    if (picked.sum < short && large.exhausted) {
      const small = await this.unfolded(bound, all.end, MAX_FOLD - large.items.length);
      picked = takeUntil([...large.items, ...small.items], short);
      if (picked.sum < short && small.exhausted) {
        throw new ConflictError(`insufficient ${asset} in ${account}: has ${(base + picked.sum).toString()}, needs ${(base + short).toString()}`);
      }
    }
    if (picked.sum < short) {
      throw new ConflictError(`${account} needs more than its ${MAX_FOLD} largest credits to pay ${(base + short).toString()} ${asset}: consolidate them first (token:Consolidate with credit IDs from token:Credits)`);
    }
    return picked;
  }

  /** The account's MAX_FOLD largest credits (a bounded range read). */
  async largest(asset: Asset, account: string): Promise<Foldable[]> {
    const all = creditRange(asset, account);
    const read = await this.unfolded(all.start, all.end, MAX_FOLD);
    return read.items.map((c) => ({ key: c.key, amount: BigInt(c.value.amount) }));
  }

  /** Credits named by ID (point reads); IDs not found (folded, or never there) are returned as skipped. */
  async named(asset: Asset, account: string, ids: string[]): Promise<{ entries: Foldable[]; skipped: string[] }> {
    const entries: Foldable[] = [];
    const skipped: string[] = [];
    for (const id of [...new Set(ids)].sort()) {
      const [txId = '', n = '', amount = '0'] = id.split('/');
      const key = creditKey(asset, account, BigInt(amount), txId, n);
      const c = await this.ledger.get(key, dCredit);
      if (c) entries.push({ key, amount: BigInt(c.amount) });
      else skipped.push(id);
    }
    return { entries, skipped };
  }

  /** Every credit of the account, or of every account. An unbounded read: queries and audits only. */
  async all(asset?: Asset, account?: string): Promise<Entry<Credit>[]> {
    const range = creditRange(asset, account);
    return (await this.ledger.readRange(range.start, range.end, Number.MAX_SAFE_INTEGER, dCredit)).items;
  }

  async page(asset: Asset, account: string, pageSize: number, bookmark: string): Promise<Page<Credit>> {
    const range = creditRange(asset, account);
    return this.ledger.pageRange(range.start, range.end, pageSize, bookmark, dCredit);
  }

  /** A bounded read of credits in [start, end), without those folded earlier in this transaction. */
  private async unfolded(start: string, end: string, limit: number): Promise<{ items: Entry<Credit>[]; exhausted: boolean }> {
    const read = await this.ledger.readRange(start, end, limit + this.folded.size, dCredit);
    return { items: read.items.filter((c) => !this.folded.has(c.key)).slice(0, limit), exhausted: read.exhausted };
  }
}
