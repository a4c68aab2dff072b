/**
 * Financing storage.
 *
 * Public keys:
 *   `financing~<financingId>`            the financing record
 *   `finlock~<assetType>~<assetId>`      the double-financing lock: written once, by the
 *                                        acceptance of the asset's first financing, never deleted.
 *                                        Every acceptance reads it, so two acceptances of one
 *                                        asset racing in the same block conflict (MVCC) and only
 *                                        one commits, whichever banks are involved.
 * Private keys (in the bank/counterparty pair collection named on the record):
 *   `terms~<financingId>`                the agreed terms (the channel sees only their hash)
 *   `settlement~<financingId>`           how much of the advance came back
 *   `exposure~<bank>~<counterparty>`     outstanding advances, for the concentration limit
 */
import { ChaincodeError, keyPart, type DecContext } from '@dec/chaincode-kit';
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

export const financingKey = (ctx: DecContext, financingId: string): string => ctx.ledger.key('financing', keyPart('financingId', financingId));
export const lockKey = (ctx: DecContext, assetType: string, assetId: string): string =>
  ctx.ledger.key('finlock', keyPart('assetType', assetType), keyPart('assetId', assetId));
export const termsKey = (ctx: DecContext, financingId: string): string => ctx.ledger.key('terms', keyPart('financingId', financingId));
export const settlementKey = (ctx: DecContext, financingId: string): string => ctx.ledger.key('settlement', keyPart('financingId', financingId));
export const exposureKey = (ctx: DecContext, bank: string, counterparty: string): string =>
  ctx.ledger.key('exposure', keyPart('bank', bank), keyPart('counterparty', counterparty));

export async function getFinancing(ctx: DecContext, financingId: string): Promise<Financing> {
  return ctx.ledger.require(financingKey(ctx, financingId), decodeFinancing, 'financing', financingId);
}
export const financingExists = (ctx: DecContext, financingId: string): Promise<boolean> => ctx.ledger.exists(financingKey(ctx, financingId));
export const putFinancing = (ctx: DecContext, f: Financing): Promise<void> => ctx.ledger.put(financingKey(ctx, f.id), f);

export const getLock = (ctx: DecContext, assetType: string, assetId: string): Promise<FinancingLock | undefined> =>
  ctx.ledger.get(lockKey(ctx, assetType, assetId), decodeLock);
export const putLock = (ctx: DecContext, l: FinancingLock): Promise<void> => ctx.ledger.put(lockKey(ctx, l.assetType, l.assetId), l);

export const putTerms = (ctx: DecContext, collection: string, t: PrivateTerms): Promise<void> => ctx.ledger.putPrivate(collection, termsKey(ctx, t.financingId), t);
export const termsHash = (ctx: DecContext, f: Financing): Promise<string | undefined> => ctx.ledger.privateHash(f.collection, termsKey(ctx, f.id));

/** The private terms; fails when this peer cannot read them (not a member of the collection). */
export async function getTerms(ctx: DecContext, f: Financing): Promise<PrivateTerms> {
  const t = await ctx.ledger.getPrivate(f.collection, termsKey(ctx, f.id), decodeTerms);
  if (!t) throw new ChaincodeError('NOT_FOUND', `the terms of financing ${f.id} are not readable here: endorse on a peer of the ${f.collection} collection`);
  return t;
}

export const getSettlement = (ctx: DecContext, f: Financing): Promise<Settlement | undefined> =>
  ctx.ledger.getPrivate(f.collection, settlementKey(ctx, f.id), decodeSettlement);
export const putSettlement = (ctx: DecContext, collection: string, s: Settlement): Promise<void> =>
  ctx.ledger.putPrivate(collection, settlementKey(ctx, s.financingId), s);

export async function getOutstanding(ctx: DecContext, collection: string, bank: string, counterparty: string): Promise<bigint> {
  const e = await ctx.ledger.getPrivate(collection, exposureKey(ctx, bank, counterparty), decodeExposure);
  return BigInt(e?.outstanding ?? '0');
}
export async function putOutstanding(ctx: DecContext, collection: string, bank: string, counterparty: string, outstanding: bigint): Promise<void> {
  await ctx.ledger.putPrivate(collection, exposureKey(ctx, bank, counterparty), { bank, counterparty, outstanding: outstanding.toString() });
}
