/**
 * Receipt storage. Key scheme: `receipt~<receiptId>`. State-based endorsement:
 * the owner's org (plus the pledgee bank's while pledged) AND a channel majority
 * in total (common/endorsement.ts); the issuing logistics party's org counts
 * toward that majority when it releases the goods. It cannot be required by
 * name: accepting a financing reads the bank/owner collection, so its members
 * (bank, owner's org, regulator) must be able to endorse a pledge on their own.
 */
import { keyPart, type KeyPolicySpec, type Ledger } from '@dec/chaincode-kit';
import { assetPolicy } from '../common/endorsement';
import { decodeReceipt, type Receipt } from './state';

/** Who must endorse any change to `r`. */
export function receiptPolicy(r: Receipt): KeyPolicySpec {
  return assetPolicy([r.owner], r.status === 'financed', r.pledge);
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
    await this.ledger.requireEndorsement(key, receiptPolicy(r));
  }
}
