/**
 * Receipt storage. Key scheme: `receipt~<receiptId>`. State-based endorsement:
 * the owner's org, the issuing logistics party's org (whose act the release is),
 * the pledgee bank's while pledged, AND a channel majority in total
 * (common/endorsement.ts).
 */
import { keyPart, type KeyPolicySpec, type Ledger } from '@dec/chaincode-kit';
import { assetPolicy } from '../common/endorsement';
import { decodeReceipt, type Receipt } from './state';

/** Who must endorse any change to `r`. */
export function receiptPolicy(r: Receipt): KeyPolicySpec {
  return assetPolicy([r.owner, r.issuer], r.status === 'financed', r.pledge);
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
