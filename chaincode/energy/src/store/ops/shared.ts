/**
 * What the store operations share: IDs, who may act for a seller or a buyer,
 * the seller's DEC deposit (it backs the `store` obligation while the shop is
 * open), and the order's escrow: a token hold only the store settles (nominal
 * payee the fee account, so token:CaptureHold/ReleaseHold refuse it), paid out
 * to the seller or back to the payer.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import { requireHolder, requireRole } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { deriveHex, holdId } from '../../common/ids';
import type { Participant } from '../../identity/state';
import { IdentityStore } from '../../identity/store';
import { SYS } from '../../token/accounts';
import * as deposits from '../../token/deposits';
import * as holds from '../../token/holds';
import type { TokenStore } from '../../token/store';
import { holdExpiry, SELLER_MIN_DEPOSIT } from '../logic';
import type { Order, Seller } from '../state';
import type { StoreLedger } from '../store';

export const STORE_OBLIGATION = 'store';

export function storeId(kind: 'prod' | 'ord', txId: string): string {
  return `${kind}:${deriveHex(`store-${kind}`, txId)}`;
}

/** The caller holds `eid`, an active participant. */
export async function holderOf(ctx: DecContext, env: EnergyEnv, eid: string): Promise<Participant> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  return p;
}

/** The caller holds `eid`, granted role seller. */
export async function sellerHolder(ctx: DecContext, env: EnergyEnv, eid: string): Promise<Participant> {
  const p = await holderOf(ctx, env, eid);
  requireRole(p, ['seller'], 'selling in the store');
  return p;
}

export function emptySeller(eid: string, env: EnergyEnv): Seller {
  return { eid, activeProducts: 0, openOrders: 0, open: false, updatedAt: env.now };
}

/** A seller's deposit holds at least SELLER_MIN_DEPOSIT; the first listing opens the `store` obligation on it (locked until the shop closes). */
export async function requireSellerDeposit(ctx: DecContext, tokens: TokenStore, eid: string, env: EnergyEnv): Promise<void> {
  const d = await tokens.deposit(eid);
  const has = d ? BigInt(d.amount) : 0n;
  if (!d || has < SELLER_MIN_DEPOSIT) throw new ConflictError(`${eid} needs a DEC business deposit of at least ${SELLER_MIN_DEPOSIT} to sell; it has ${has}`);
  if (d.obligations.includes(STORE_OBLIGATION)) return;
  const change = deposits.openObligation(d, STORE_OBLIGATION, 'store seller', env);
  await tokens.putDeposit(change.state, d);
  ctx.emitAll(change.events);
}

/** Moves `amount` of `payer` into a new hold for order `orderId`. */
export async function escrow(ctx: DecContext, env: EnergyEnv, tokens: TokenStore, o: { id: string; payer: string; asset: 'DEC' | 'DECC' }, amount: bigint): Promise<string> {
  const id = holdId(env.txId);
  if (await tokens.hold(id)) throw new ConflictError(`hold ${id} already exists`);
  const change = holds.createHold({ id, asset: o.asset, payer: o.payer, payee: SYS.fees, amount, expiresAt: holdExpiry(env), ref: `store:${o.id}` }, env);
  await tokens.debit(o.asset, o.payer, amount);
  await tokens.putHold(change.state);
  ctx.emitAll(change.events);
  return id;
}

/** Closes the order's hold: the whole amount to the seller (`toSeller`) or back to the payer. */
export async function settleHold(ctx: DecContext, env: EnergyEnv, tokens: TokenStore, o: Order, toSeller: boolean, op: string): Promise<void> {
  const h = await tokens.requireHold(o.holdId);
  const closed = toSeller ? holds.captureHold(h, BigInt(h.amount), env) : holds.releaseHold(h, env);
  await tokens.putHold(closed.state, h);
  await tokens.credit(o.asset, toSeller ? o.seller : o.payer, BigInt(h.amount), h.id, op);
  ctx.emitAll(closed.events);
}

/** One fewer open order for the seller. */
export async function orderClosed(store: StoreLedger, seller: string, env: EnergyEnv): Promise<void> {
  const s = (await store.seller(seller)) ?? emptySeller(seller, env);
  await store.putSeller({ ...s, openOrders: Math.max(0, s.openOrders - 1), updatedAt: env.now });
}
