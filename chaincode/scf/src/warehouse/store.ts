/**
 * Receipt storage. Key scheme: `receipt~<receiptId>`. State-based endorsement:
 * the owner's org (plus the pledgee bank's org while pledged) must endorse every change.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeReceipt, type Receipt } from './state';

/** The orgs whose peers must endorse any change to `r`. */
export function receiptEndorsers(r: Receipt): string[] {
  const orgs = [mspOf(r.owner)];
  if (r.status === 'financed' && r.pledge) orgs.push(mspOf(r.pledge.bank));
  return [...new Set(orgs)].sort();
}

export class ReceiptStore {
  constructor(private readonly ledger: Ledger) {}

  key(receiptId: string): string {
    return this.ledger.key('receipt', keyPart('receiptId', receiptId));
  }

  require(receiptId: string): Promise<Receipt> {
    return this.ledger.require(this.key(receiptId), decodeReceipt, 'warehouse receipt', receiptId);
  }

  exists(receiptId: string): Promise<boolean> {
    return this.ledger.exists(this.key(receiptId));
  }

  async put(r: Receipt): Promise<void> {
    const key = this.key(r.id);
    await this.ledger.put(key, r);
    await this.ledger.requireEndorsementFrom(key, receiptEndorsers(r));
  }
}
