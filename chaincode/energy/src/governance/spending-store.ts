/**
 * Spending approval state access. Key scheme:
 *
 *   gov.spend  ~<spendId>   Spend   one officers' approval and what used it
 *
 * Using an approval reads and writes its one key, so MVCC lets it be used once.
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { spendSchema, type Spend } from './spending-state';

const dSpend = decoder(spendSchema, 'spend approval');

export const SPENDING_KEYS = { spend: 'gov.spend' } as const;

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
}
