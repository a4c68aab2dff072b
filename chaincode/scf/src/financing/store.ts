/**
 * Financing storage.
 *
 * Public keys:
 *   `financing~<financingId>`            the financing record
 *   `finlock~<assetType>~<assetId>`      the double-financing lock of the asset's goods (a receipt
 *                                        for an order's goods: the order's key): written once, by the
 *                                        acceptance of the asset's first financing, never deleted.
 *                                        Every acceptance reads it, so two acceptances of one
 *                                        asset racing in the same block conflict (MVCC) and only
 *                                        one commits, whichever banks are involved.
 * Private keys (in the bank/counterparty pair collection named on the record),
 * each written with a salt from the transient map (common/salt.ts):
 *   `terms~<financingId>`                the agreed terms (the channel sees only their hash)
 *   `settlement~<financingId>`           how much of the advance came back
 *   `exposure~<bank>~<counterparty>`     outstanding advances, for the concentration limit
 */
import { ChaincodeError, keyPart, type Ledger } from '@dec/chaincode-kit';
import type { Goods } from '../common/financed';
import {
  decodeExposure,
  decodeFinancing,
  decodeLock,
  decodeSettlement,
  decodeTerms,
  type Financing,
  type FinancingLock,
  type PrivateTerms,
  type Settlement,
} from './state';

export class FinancingStore {
  constructor(private readonly ledger: Ledger) {}

  key(financingId: string): string {
    return this.ledger.key('financing', keyPart('financingId', financingId));
  }

  require(financingId: string): Promise<Financing> {
    return this.ledger.require(this.key(financingId), decodeFinancing, 'financing', financingId);
  }

  exists(financingId: string): Promise<boolean> {
    return this.ledger.exists(this.key(financingId));
  }

  put(f: Financing): Promise<void> {
    return this.ledger.put(this.key(f.id), f);
  }

  private lockKey(goods: Goods): string {
    return this.ledger.key('finlock', keyPart('assetType', goods.assetType), keyPart('assetId', goods.assetId));
  }

  /** The lock on `goods` (common/financed.ts Goods), whichever asset standing for them was financed. */
  lock(goods: Goods): Promise<FinancingLock | undefined> {
    return this.ledger.get(this.lockKey(goods), decodeLock);
  }

  putLock(l: FinancingLock, goods: Goods): Promise<void> {
    return this.ledger.put(this.lockKey(goods), l);
  }

  private termsKey(financingId: string): string {
    return this.ledger.key('terms', keyPart('financingId', financingId));
  }

  putTerms(collection: string, t: PrivateTerms): Promise<void> {
    return this.ledger.putPrivate(collection, this.termsKey(t.financingId), t, t.salt);
  }

  termsHash(f: Financing): Promise<string | undefined> {
    return this.ledger.privateHash(f.collection, this.termsKey(f.id));
  }

  /** The private terms; fails when this peer cannot read them (not a member of the collection). */
  async terms(f: Financing): Promise<PrivateTerms> {
    const t = await this.ledger.getPrivate(f.collection, this.termsKey(f.id), decodeTerms);
    if (!t) throw new ChaincodeError('NOT_FOUND', `the terms of financing ${f.id} are not readable here: endorse on a peer of the ${f.collection} collection`);
    return t;
  }

  private settlementKey(financingId: string): string {
    return this.ledger.key('settlement', keyPart('financingId', financingId));
  }

  settlement(f: Financing): Promise<Settlement | undefined> {
    return this.ledger.getPrivate(f.collection, this.settlementKey(f.id), decodeSettlement);
  }

  putSettlement(collection: string, s: Settlement, salt: string): Promise<void> {
    return this.ledger.putPrivate(collection, this.settlementKey(s.financingId), s, salt);
  }

  private exposureKey(bank: string, counterparty: string): string {
    return this.ledger.key('exposure', keyPart('bank', bank), keyPart('counterparty', counterparty));
  }

  async outstanding(collection: string, bank: string, counterparty: string): Promise<bigint> {
    const e = await this.ledger.getPrivate(collection, this.exposureKey(bank, counterparty), decodeExposure);
    return BigInt(e?.outstanding ?? '0');
  }

  putOutstanding(collection: string, bank: string, counterparty: string, outstanding: bigint, salt: string): Promise<void> {
    return this.ledger.putPrivate(collection, this.exposureKey(bank, counterparty), { bank, counterparty, outstanding: outstanding.toString() }, salt);
  }
}
