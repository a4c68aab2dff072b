/**
 * Spending approval state access. Key scheme:
 *
 *   gov.spend  ~<spendId>   Spend   one officers' approval and what used it
 *   gov.alone  ~current     { day, value }  the operator's unapproved spending of the day
 *
 * Using an approval reads and writes its one key, so MVCC lets it be used once;
 * every operator-alone spend reads and writes the day counter (they are the
 * platform's own, rare transactions, so they may conflict with each other).
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { aloneTodaySchema, spendSchema, type Spend } from './spending-state';

const dSpend = decoder(spendSchema, 'spend approval');
const dAlone = decoder(aloneTodaySchema, 'operator spending of the day');

export const SPENDING_KEYS = { spend: 'gov.spend', alone: 'gov.alone' } as const;

export class SpendingStore {
  constructor(private readonly ledger: Ledger) {}

  private spendKey(id: string): string {
    return this.ledger.key(SPENDING_KEYS.spend, keyPart('spendId', id));
  }

  requireSpend(id: string): Promise<Spend> {
    return this.ledger.require(this.spendKey(id), dSpend, 'spend approval', id);
  }

  spend(id: string): Promise<Spend | undefined> {
    return this.ledger.get(this.spendKey(id), dSpend);
  }

  async putSpend(s: Spend): Promise<void> {
    await this.ledger.put(this.spendKey(s.spendId), s);
  }

  pageSpends(pageSize: number, bookmark: string): Promise<Page<Spend>> {
    return this.ledger.page(SPENDING_KEYS.spend, [], pageSize, bookmark, dSpend);
  }

  /** The operator's unapproved spending on `day` (0 on a new day). */
  async aloneOn(day: string): Promise<bigint> {
    const rec = await this.ledger.get(this.ledger.key(SPENDING_KEYS.alone, 'current'), dAlone);
    return rec?.day === day ? BigInt(rec.value) : 0n;
  }

  async putAlone(day: string, value: bigint): Promise<void> {
    await this.ledger.put(this.ledger.key(SPENDING_KEYS.alone, 'current'), { day, value: value.toString() });
  }
}
