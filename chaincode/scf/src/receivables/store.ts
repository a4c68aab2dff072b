/**
 * Receivable storage. Key scheme: `receivable~<rootId>~<receivableId>`, so one
 * partial-key range lists a root and all its parts (receivables:Tree).
 * The root ID is the part ID before its first '.', so a part is found from its ID alone.
 *
 * State-based endorsement: every write sets the key's policy to the holder's org
 * (plus the pledgee bank's while financed) AND a channel majority in total
 * (common/endorsement.ts), so no change to a part commits without the holder's
 * peer (and the bank's), nor with only theirs.
 */
import { keyPart, type KeyPolicySpec, type Ledger } from '@dec/chaincode-kit';
import { assetPolicy } from '../common/endorsement';
import { decodeReceivable, type Receivable } from './state';

export function rootOf(receivableId: string): string {
  return receivableId.split('.')[0] ?? receivableId;
}

/** Who must endorse any change to `r`. */
export function receivablePolicy(r: Receivable): KeyPolicySpec {
  return assetPolicy([r.holder], r.status === 'financed', r.pledge);
}

export class ReceivableStore {
  constructor(private readonly ledger: Ledger) {}

  key(receivableId: string): string {
    return this.ledger.key('receivable', keyPart('rootId', rootOf(receivableId)), keyPart('receivableId', receivableId));
  }

  require(receivableId: string): Promise<Receivable> {
    return this.ledger.require(this.key(receivableId), decodeReceivable, 'receivable', receivableId);
  }

  exists(receivableId: string): Promise<boolean> {
    return this.ledger.exists(this.key(receivableId));
  }

  async put(r: Receivable): Promise<void> {
    const key = this.key(r.id);
    await this.ledger.put(key, r);
    await this.ledger.requireEndorsement(key, receivablePolicy(r));
  }

  /** Root and every part, in key order. Range read: evaluate transactions only. */
  async tree(rootId: string): Promise<Receivable[]> {
    const entries = await this.ledger.list('receivable', [keyPart('rootId', rootId)], decodeReceivable);
    return entries.map((e) => e.value);
  }
}
