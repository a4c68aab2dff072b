/**
 * Receivable storage. Key scheme: `receivable~<rootId>~<receivableId>`, so one
 * partial-key range lists a root and all its parts (receivables:Tree).
 * The root ID is the part ID before its first '.', so a part is found from its ID alone.
 *
 * State-based endorsement: every write sets the key's endorsement policy to the
 * holder's org (plus the pledgee bank's org while financed), so no change to a
 * part can commit without the holder's peer (and the bank's) endorsing it.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeReceivable, type Receivable } from './state';

export function rootOf(receivableId: string): string {
  return receivableId.split('.')[0] ?? receivableId;
}

/** The orgs whose peers must endorse any change to `r`. */
export function receivableEndorsers(r: Receivable): string[] {
  const orgs = [mspOf(r.holder)];
  if (r.status === 'financed' && r.pledge) orgs.push(mspOf(r.pledge.bank));
  return [...new Set(orgs)].sort();
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
    await this.ledger.requireEndorsementFrom(key, receivableEndorsers(r));
  }

  /** Root and every part, in key order. Range read: evaluate transactions only. */
  async tree(rootId: string): Promise<Receivable[]> {
    const entries = await this.ledger.list('receivable', [keyPart('rootId', rootId)], decodeReceivable);
    return entries.map((e) => e.value);
  }
}
