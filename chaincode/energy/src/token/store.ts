/**
 * Token state access. Key scheme (Fabric composite keys; `~` separates parts here):
 *
 *   token.genesis                                   Genesis (written once)
 *   token.vesting   ~team                           Vesting of the team pool
 *   token.rate                                      Rate: DECC per DEC posted by the platform
 *   token.fees                                      FeeSchedule
 *   token.balance   ~<asset>~<account>              { amount }  consolidated base balance
 *   token.credit\0<asset>\0<account>\0<rank>\0<txId>\0<n>\0  Credit { amount, from, op, at }  unconsolidated,
 *                                                   largest first (an ordered key: credit-book.ts)
 *   token.allowance ~<asset>~<owner>~<spender>      { amount }
 *   token.hold      ~<holdId>                       Hold
 *   token.hold-by   ~<account>~<holdId>             { id }  index: holds where account is payer or payee
 *   token.deposit   ~<account>                      Deposit (DEC only)
 *   token.supply    ~<asset>~<txId>                 { minted, burned } of one transaction
 *   token.entry     ~<account>~<asset>~<ms>~<txId>~<n>  history entry (ms = tx time, 15 digits)
 *   token.batch     ~<pool>~<batchId>               a pool release batch (refuses replays)
 *
 * Why it is shaped like this (MVCC): a key that every payment reads and writes
 * serialises the network to about one commit per block. So
 *   - crediting an account is a blind write of a new `token.credit` key named
 *     after the crediting transaction: it reads nothing of the payee, so any
 *     number of payers can pay one merchant (or the fee account) in one block;
 *   - debiting reads only the payer's own keys: its base balance, and only if
 *     that is not enough, its largest credits (at most MAX_FOLD, a range with an
 *     end key that leaves smaller credits unread: credit-book.ts), which it
 *     folds into the base (deleting them). A payer can never overspend, because
 *     every debit reads what it spends and MVCC rejects a second spend of it;
 *   - balance = base + sum of unconsolidated credits. `token:Consolidate`
 *     folds credits into the base; given explicit credit IDs it does point
 *     reads only, so it does not conflict with credits still arriving;
 *   - supply changes and history entries are blind writes of per-transaction
 *     keys, summed by queries (evaluate only);
 *   - the range read of a debit that must fold credits conflicts only with a
 *     credit to the same account, in the same block, at least as large as the
 *     smallest credit the debit may need (phantom check), which only ever
 *     delays the payer itself, never the payee.
 */
import { ConflictError, decoder, keyPart, sortableNumber, type Entry, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import type { Asset } from './accounts';
import type { Snapshot } from './audit';
import { CREDIT_TYPE, CreditBook, creditRange, dCredit as dCreditAmount, type Credit } from './credit-book';
export { creditId } from './credit-book';
import { depositSchema, type Deposit } from './deposits';
import { rateSchema, type Rate } from './exchange';
import { feeScheduleSchema, NO_FEES, type FeeSchedule } from './fees';
import { genesisSchema, type Genesis } from './genesis';
import { held, holdSchema, type Hold } from './holds';
import { Journal } from './journal';
import { sum } from './units';
import { vestingSchema, type Vesting } from './vesting';

export const TOKEN_KEYS = {
  genesis: 'token.genesis',
  vesting: 'token.vesting',
  rate: 'token.rate',
  fees: 'token.fees',
  balance: 'token.balance',
  credit: CREDIT_TYPE,
  allowance: 'token.allowance',
  hold: 'token.hold',
  holdBy: 'token.hold-by',
  deposit: 'token.deposit',
  supply: 'token.supply',
  entry: 'token.entry',
  batch: 'token.batch',
} as const;

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);
const amountRecord = z.object({ amount: amountString });
export type { Credit } from './credit-book';
const supplySchema = z.object({ minted: amountString, burned: amountString });
export const entrySchema = z.object({
  txId: z.string(),
  at: z.string(),
  op: z.string(),
  asset: z.enum(['DEC', 'DECC']),
  direction: z.enum(['in', 'out']),
  amount: amountString,
  counterparties: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof entrySchema>;
const refSchema = z.object({ id: z.string() });
const batchSchema = z.object({ pool: z.string(), batchId: z.string(), total: amountString, count: z.number().int(), at: z.string(), txId: z.string() });

const dAmount = decoder(amountRecord, 'amount');
const dSupply = decoder(supplySchema, 'supply');
const dEntry = decoder(entrySchema, 'history entry');
const dRef = decoder(refSchema, 'index entry');
const dHold = decoder(holdSchema, 'hold');
const dDeposit = decoder(depositSchema, 'deposit');
const dGenesis = decoder(genesisSchema, 'genesis');
const dVesting = decoder(vestingSchema, 'vesting');
const dRate = decoder(rateSchema, 'rate');
const dFees = decoder(feeScheduleSchema, 'fee schedule');
const dBatch = decoder(batchSchema, 'batch');

export interface AccountBalance {
  base: bigint;
  pending: bigint;
  credits: number;
}

/**
 * One transaction's access to token state. Create one per transaction (it
 * holds the transaction's journal and credit counter) and call `finish` last.
 */
export class TokenStore {
  readonly journal = new Journal();
  private readonly credits: CreditBook;

  constructor(private readonly ledger: Ledger) {
    this.credits = new CreditBook(ledger);
  }

  // --- balances -------------------------------------------------------------

  private balanceKey(asset: Asset, account: string): string {
    return this.ledger.key(TOKEN_KEYS.balance, asset, keyPart('account', account));
  }

  private async base(asset: Asset, account: string): Promise<bigint> {
    const rec = await this.ledger.get(this.balanceKey(asset, account), dAmount);
    return rec ? BigInt(rec.amount) : 0n;
  }

  private async putBase(asset: Asset, account: string, amount: bigint): Promise<void> {
    await this.ledger.put(this.balanceKey(asset, account), { amount: amount.toString() });
  }

  /** Blind write: reads nothing of the payee, so concurrent credits never conflict. */
  async credit(asset: Asset, account: string, amount: bigint, from: string, op: string): Promise<void> {
    if (amount === 0n) return;
    if (amount < 0n) throw new RangeError('negative credit');
    await this.credits.add(asset, account, amount, { from, op, at: this.ledger.txTime });
    this.journal.post(asset, account, amount);
  }

  /** Spends from the base; folds the account's largest credits into it only when the base is short. */
  async debit(asset: Asset, account: string, amount: bigint): Promise<void> {
    if (amount === 0n) return;
    if (amount < 0n) throw new RangeError('negative debit');
    const base = await this.base(asset, account);
    let folded = 0n;
    if (base < amount) {
      const cover = await this.credits.cover(asset, account, amount - base, base);
      await this.credits.fold(cover.entries);
      folded = cover.sum;
    }
    await this.putBase(asset, account, base + folded - amount);
    this.journal.post(asset, account, -amount);
  }

  async mint(asset: Asset, account: string, amount: bigint, op: string): Promise<void> {
    this.journal.mint(asset, amount);
    await this.credit(asset, account, amount, '(mint)', op);
  }

  async burn(asset: Asset, account: string, amount: bigint): Promise<void> {
    await this.debit(asset, account, amount);
    this.journal.burn(asset, amount);
  }

  /**
   * Folds credits into the base. With `ids`, exactly those credits (point
   * reads: no phantom conflict with credits arriving meanwhile; IDs already
   * folded or unknown are skipped); without, the account's MAX_FOLD largest
   * credits (a bounded range read: call again while it folds MAX_FOLD).
   */
  async consolidate(asset: Asset, account: string, ids?: string[]): Promise<{ folded: number; amount: bigint; skipped: string[] }> {
    const { entries, skipped } = ids ? await this.credits.named(asset, account, ids) : { entries: await this.credits.largest(asset, account), skipped: [] };
    const amount = sum(entries.map((e) => e.amount));
    if (entries.length > 0) {
      const base = await this.base(asset, account);
      await this.credits.fold(entries);
      await this.putBase(asset, account, base + amount);
    }
    return { folded: entries.length, amount, skipped };
  }

  /** Base + pending credits. An unbounded range read: queries and audits only. */
  async balance(asset: Asset, account: string): Promise<AccountBalance> {
    const base = await this.base(asset, account);
    const credits = await this.credits.all(asset, account);
    return { base, pending: sum(credits.map((c) => BigInt(c.value.amount))), credits: credits.length };
  }

  /**
   * Base + at most `bound` pending credits (a bounded read for write paths);
   * `complete` is false when the account has more credits than that.
   */
  async boundedBalance(asset: Asset, account: string, bound: number): Promise<{ amount: bigint; complete: boolean }> {
    const base = await this.base(asset, account);
    const range = creditRange(asset, account);
    const read = await this.ledger.readRange(range.start, range.end, bound, dCreditAmount);
    return { amount: base + sum(read.items.map((c) => BigInt(c.value.amount))), complete: read.exhausted };
  }

  async pageCredits(asset: Asset, account: string, pageSize: number, bookmark: string): Promise<Page<Credit>> {
    return this.credits.page(asset, account, pageSize, bookmark);
  }

  // --- allowances -------------------------------------------------------------

  private allowanceKey(asset: Asset, owner: string, spender: string): string {
    return this.ledger.key(TOKEN_KEYS.allowance, asset, keyPart('owner', owner), keyPart('spender', spender));
  }

  async allowance(asset: Asset, owner: string, spender: string): Promise<bigint> {
    const rec = await this.ledger.get(this.allowanceKey(asset, owner, spender), dAmount);
    return rec ? BigInt(rec.amount) : 0n;
  }

  async setAllowance(asset: Asset, owner: string, spender: string, amount: bigint): Promise<void> {
    const key = this.allowanceKey(asset, owner, spender);
    if (amount === 0n) await this.ledger.delete(key);
    else await this.ledger.put(key, { amount: amount.toString() });
  }

  // --- holds ------------------------------------------------------------------

  private holdKey(id: string): string {
    return this.ledger.key(TOKEN_KEYS.hold, keyPart('holdId', id));
  }

  async hold(id: string): Promise<Hold | undefined> {
    return this.ledger.get(this.holdKey(id), dHold);
  }

  async requireHold(id: string): Promise<Hold> {
    return this.ledger.require(this.holdKey(id), dHold, 'hold', id);
  }

  /** Writes the hold and posts the change in what it holds to the journal. */
  async putHold(next: Hold, previous?: Hold): Promise<void> {
    await this.ledger.put(this.holdKey(next.id), next);
    this.journal.post(next.asset, `hold:${next.id}`, held(next) - held(previous));
    if (!previous) {
      for (const account of [next.payer, next.payee]) {
        await this.ledger.put(this.ledger.key(TOKEN_KEYS.holdBy, keyPart('account', account), next.id), { id: next.id });
      }
    }
  }

  async pageHolds(account: string, pageSize: number, bookmark: string): Promise<Page<Hold>> {
    const page = await this.ledger.page(TOKEN_KEYS.holdBy, [keyPart('account', account)], pageSize, bookmark, dRef);
    const items = [];
    for (const e of page.items) items.push({ ...e, value: await this.requireHold(e.value.id) });
    return { items, bookmark: page.bookmark };
  }

  // --- deposits ---------------------------------------------------------------

  private depositKey(account: string): string {
    return this.ledger.key(TOKEN_KEYS.deposit, keyPart('account', account));
  }

  async deposit(account: string): Promise<Deposit | undefined> {
    return this.ledger.get(this.depositKey(account), dDeposit);
  }

  async putDeposit(next: Deposit, previous: Deposit | undefined): Promise<void> {
    await this.ledger.put(this.depositKey(next.account), next);
    this.journal.post('DEC', `deposit:${next.account}`, BigInt(next.amount) - BigInt(previous?.amount ?? '0'));
  }

  // --- parameters and one-off records -------------------------------------------

  async genesis(): Promise<Genesis | undefined> {
    return this.ledger.get(this.ledger.key(TOKEN_KEYS.genesis), dGenesis);
  }

  async putGenesis(g: Genesis): Promise<void> {
    await this.ledger.put(this.ledger.key(TOKEN_KEYS.genesis), g);
  }

  async vesting(): Promise<Vesting | undefined> {
    return this.ledger.get(this.ledger.key(TOKEN_KEYS.vesting, 'team'), dVesting);
  }

  async putVesting(v: Vesting): Promise<void> {
    await this.ledger.put(this.ledger.key(TOKEN_KEYS.vesting, 'team'), v);
  }

  async rate(): Promise<Rate | undefined> {
    return this.ledger.get(this.ledger.key(TOKEN_KEYS.rate), dRate);
  }

  async putRate(r: Rate): Promise<void> {
    await this.ledger.put(this.ledger.key(TOKEN_KEYS.rate), r);
  }

  async fees(): Promise<FeeSchedule> {
    return (await this.ledger.get(this.ledger.key(TOKEN_KEYS.fees), dFees)) ?? NO_FEES;
  }

  async putFees(f: FeeSchedule): Promise<void> {
    await this.ledger.put(this.ledger.key(TOKEN_KEYS.fees), f);
  }

  /** Records a pool release batch; a batch ID can be used once per pool. */
  async recordBatch(pool: string, batchId: string, total: bigint, count: number): Promise<void> {
    const key = this.ledger.key(TOKEN_KEYS.batch, keyPart('pool', pool), keyPart('batchId', batchId));
    const existing = await this.ledger.get(key, dBatch);
    if (existing) throw new ConflictError(`batch ${batchId} of ${pool} was already released in ${existing.txId}`);
    await this.ledger.put(key, { pool, batchId, total: total.toString(), count, at: this.ledger.txTime, txId: this.ledger.txId });
  }

  // --- history, supply, audit (queries) --------------------------------------------

  async pageHistory(account: string, asset: Asset, pageSize: number, bookmark: string): Promise<Page<HistoryEntry>> {
    return this.ledger.page(TOKEN_KEYS.entry, [keyPart('account', account), asset], pageSize, bookmark, dEntry);
  }

  async issued(asset: Asset): Promise<{ minted: bigint; burned: bigint }> {
    const rows = await this.ledger.list(TOKEN_KEYS.supply, [asset], dSupply);
    return { minted: sum(rows.map((r) => BigInt(r.value.minted))), burned: sum(rows.map((r) => BigInt(r.value.burned))) };
  }

  /** Every token record, for token:Audit (evaluate only: a full scan). */
  async snapshot(): Promise<Snapshot> {
    const asAmount = (e: Entry<{ amount: string }>) => ({ asset: e.attributes[0] as Asset, account: e.attributes[1] ?? '', amount: e.value.amount });
    return {
      genesis: await this.genesis(),
      vesting: await this.vesting(),
      balances: (await this.ledger.list(TOKEN_KEYS.balance, [], dAmount)).map(asAmount),
      credits: (await this.credits.all()).map(asAmount),
      holds: (await this.ledger.list(TOKEN_KEYS.hold, [], dHold)).map((e) => e.value),
      deposits: (await this.ledger.list(TOKEN_KEYS.deposit, [], dDeposit)).map((e) => e.value),
      supply: (await this.ledger.list(TOKEN_KEYS.supply, [], dSupply)).map((e) => ({ asset: e.attributes[0] as Asset, ...e.value })),
    };
  }

  // --- end of transaction --------------------------------------------------------

  /**
   * Checks conservation, then writes the per-transaction supply record and one
   * history entry per account whose balance changed. All blind writes.
   */
  async finish(op: string): Promise<void> {
    this.journal.assertConserved();
    for (const s of this.journal.supplyChanges()) {
      await this.ledger.put(this.ledger.key(TOKEN_KEYS.supply, s.asset, this.ledger.txId), { minted: s.minted.toString(), burned: s.burned.toString() });
    }
    const net = this.journal.net().filter((p) => p.delta !== 0n);
    const accounts = net.filter((p) => p.place.startsWith('eid:') || p.place.startsWith('sys:'));
    let n = 0;
    for (const p of accounts) {
      const counterparties = accounts.filter((o) => o.asset === p.asset && o.place !== p.place && o.delta < 0n !== p.delta < 0n).map((o) => o.place);
      const key = this.ledger.key(TOKEN_KEYS.entry, keyPart('account', p.place), p.asset, sortableNumber(this.ledger.txTimeMs, 15), this.ledger.txId, String(n++));
      await this.ledger.put(key, {
        txId: this.ledger.txId,
        at: this.ledger.txTime,
        op,
        asset: p.asset,
        direction: p.delta < 0n ? 'out' : 'in',
        amount: (p.delta < 0n ? -p.delta : p.delta).toString(),
        counterparties,
      });
    }
  }
}
