/**
 * The store's rules as pure functions (white paper 4.1.4), with the stated
 * constants. An order's life: paid (escrow hold) → shipped (logistics hash) →
 * completed (buyer confirms, or anyone after the confirmation window) — or
 * cancelled before shipment (refund, stock back). After shipment the buyer may
 * open one after-sale request; the seller handles it within the handling
 * window or it fails; the buyer then rates the handling, which pays the seller
 * reward points or takes a penalty from its deposit.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import type { Change, EnergyEnv } from '../common/env';
import { ONE_DEC, ONE_DECC } from '../token/units';
import type { AfterSale, Order, Product, SellerRating } from './state';

const DAY_MS = 86_400_000;
/** DEC a seller must hold in its business deposit to list products (the deposit then backs the `store` obligation). */
export const SELLER_MIN_DEPOSIT = 10n * ONE_DEC;
/** Days after shipment before an unconfirmed order's payment may be released to the seller. */
export const CONFIRM_DAYS = 7;
/** Days after shipment during which the buyer may open an after-sale request. */
export const AFTER_SALE_DAYS = 30;
/** Days the seller has to handle an after-sale request; after that it counts as failed. */
export const HANDLE_DAYS = 7;
/** Stars at or above which handled after-sale service earns the reward; at or below which it is penalised. */
export const REWARD_STARS = 4;
export const PENALTY_STARS = 2;
/** DECC reward points from the reward pool for well-rated after-sale service (less if the pool holds less). */
export const AFTER_SALE_REWARD = 100n * ONE_DECC;
/** DEC taken from the seller's deposit for the buyer when after-sale service fails (at most what the deposit holds). */
export const AFTER_SALE_PENALTY = 5n * ONE_DEC;
/** The escrow hold's own expiry: far beyond every store window, so only the store settles it. */
export const HOLD_DAYS = 3650;

const plusDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
const reached = (env: EnergyEnv, iso: string): boolean => Date.parse(env.now) >= Date.parse(iso);

export function holdExpiry(env: EnergyEnv): string {
  return plusDays(env.now, HOLD_DAYS);
}

function requireStatus(o: Order, ...allowed: Order['status'][]): void {
  if (!allowed.includes(o.status)) throw new ConflictError(`order ${o.id} is ${o.status}, not ${allowed.join(' or ')}`);
}

export interface Placement {
  product: Product;
  amount: bigint;
}

/** Takes `quantity` from the stock of an active product of another seller; the amount is price × quantity exactly. */
export function place(p: Product, quantity: number, buyer: string, env: EnergyEnv): Placement {
  if (!p.active) throw new ConflictError(`product ${p.id} is not listed`);
  if (buyer === p.seller) throw new ValidationError('request.buyer', 'must not be the seller of the product');
  if (quantity > p.stock) throw new ValidationError('request.quantity', `exceeds the stock of ${p.id}: ${p.stock}`);
  return { product: { ...p, stock: p.stock - quantity, sold: p.sold + quantity, updatedAt: env.now }, amount: BigInt(p.price) * BigInt(quantity) };
}

export function ship(o: Order, logisticsHash: string, env: EnergyEnv): Change<Order> {
  requireStatus(o, 'paid');
  const state: Order = { ...o, status: 'shipped', logisticsHash, shippedAt: env.now, confirmBy: plusDays(env.now, CONFIRM_DAYS) };
  return { state, events: [{ name: 'store.Shipped', payload: { orderId: o.id, logisticsHash, confirmBy: state.confirmBy } }] };
}

function settle(o: Order, by: NonNullable<Order['settledBy']>, status: Order['status'], env: EnergyEnv): Change<Order> {
  const state: Order = { ...o, status, held: false, settledAt: env.now, settledBy: by };
  return { state, events: [{ name: 'store.Settled', payload: { orderId: o.id, by, status, amount: o.amount, asset: o.asset } }] };
}

/** The buyer accepts delivery: the held payment goes to the seller. */
export function confirm(o: Order, env: EnergyEnv): Change<Order> {
  requireStatus(o, 'shipped');
  return settle(o, 'buyer', 'completed', env);
}

/** After the confirmation window, unless an after-sale request is waiting for the seller. */
export function releaseOnTimeout(o: Order, env: EnergyEnv): Change<Order> {
  requireStatus(o, 'shipped');
  if (!o.confirmBy || !reached(env, o.confirmBy)) throw new ConflictError(`order ${o.id} awaits the buyer's confirmation until ${o.confirmBy}`);
  if (o.afterSale?.status === 'requested') throw new ConflictError(`order ${o.id} has an open after-sale request; its payment stays held`);
  return settle(o, 'timeout', 'completed', env);
}

/** Before shipment: the payment returns to the payer and the stock to the product. */
export function cancel(o: Order, env: EnergyEnv): Change<Order> {
  requireStatus(o, 'paid');
  return settle(o, 'cancel', 'cancelled', env);
}

export function requestAfterSale(o: Order, reason: string, evidenceHash: string, env: EnergyEnv): Change<Order> {
  requireStatus(o, 'shipped', 'completed');
  if (o.afterSale) throw new ConflictError(`order ${o.id} already has an after-sale request (${o.afterSale.status})`);
  const until = plusDays(o.shippedAt ?? env.now, AFTER_SALE_DAYS);
  if (reached(env, until)) throw new ConflictError(`the after-sale window of order ${o.id} ended at ${until}`);
  const afterSale: AfterSale = { reason, evidenceHash, requestedAt: env.now, handleBy: plusDays(env.now, HANDLE_DAYS), status: 'requested' };
  return { state: { ...o, afterSale }, events: [{ name: 'store.AfterSaleRequested', payload: { orderId: o.id, handleBy: afterSale.handleBy } }] };
}

function requireRequested(o: Order): AfterSale {
  if (o.afterSale?.status !== 'requested') throw new ConflictError(`order ${o.id} has no open after-sale request`);
  return o.afterSale;
}

/** The seller records how it handled the request, within the handling window. A refund returns the whole amount to the payer. */
export function handleAfterSale(o: Order, resolution: NonNullable<AfterSale['resolution']>, handlingHash: string, env: EnergyEnv): Change<Order> {
  const a = requireRequested(o);
  if (reached(env, a.handleBy)) throw new ConflictError(`the handling window of order ${o.id} ended at ${a.handleBy}; the request has failed`);
  const afterSale: AfterSale = { ...a, status: 'handled', resolution, handlingHash, handledAt: env.now };
  const refunded = resolution === 'refund';
  const state: Order = refunded ? { ...o, afterSale, status: 'refunded', held: false, settledAt: env.now, settledBy: 'refund' } : { ...o, afterSale };
  return { state, events: [{ name: 'store.AfterSaleHandled', payload: { orderId: o.id, resolution } }] };
}

export interface Outcome extends Change<Order> {
  reward: boolean;
  penalty: boolean;
}

/** An unhandled request past its window fails: the seller is penalised. */
export function failAfterSale(o: Order, env: EnergyEnv): Outcome {
  const a = requireRequested(o);
  if (!reached(env, a.handleBy)) throw new ConflictError(`the seller of order ${o.id} may handle the request until ${a.handleBy}`);
  const afterSale: AfterSale = { ...a, status: 'failed', outcome: 'penalised' };
  return { state: { ...o, afterSale }, reward: false, penalty: true, events: [{ name: 'store.AfterSaleFailed', payload: { orderId: o.id } }] };
}

/** The buyer rates handled service once: ≥ REWARD_STARS rewards, ≤ PENALTY_STARS penalises, in between neither. */
export function rateAfterSale(o: Order, stars: number): Outcome {
  if (o.afterSale?.status !== 'handled') throw new ConflictError(`order ${o.id} has no handled after-sale request to rate`);
  if (o.afterSale.stars !== undefined) throw new ConflictError(`the after-sale service of order ${o.id} is already rated`);
  const outcome = stars >= REWARD_STARS ? 'rewarded' : stars <= PENALTY_STARS ? 'penalised' : 'neutral';
  const state: Order = { ...o, afterSale: { ...o.afterSale, stars, outcome } };
  return { state, reward: outcome === 'rewarded', penalty: outcome === 'penalised', events: [{ name: 'store.AfterSaleRated', payload: { orderId: o.id, stars, outcome } }] };
}

/** The buyer rates the seller once per settled order (completed or refunded). */
export function rateSeller(o: Order, stars: number, reviewHash: string | undefined): Change<Order> {
  requireStatus(o, 'completed', 'refunded');
  if (o.stars !== undefined) throw new ConflictError(`order ${o.id} is already rated`);
  return { state: { ...o, stars, reviewHash }, events: [{ name: 'store.SellerRated', payload: { orderId: o.id, seller: o.seller, stars } }] };
}

export function addRating(r: SellerRating, stars: number, env: EnergyEnv): SellerRating {
  const histogram = r.histogram.map((n, i) => (i === stars - 1 ? n + 1 : n));
  return { ...r, count: r.count + 1, sum: r.sum + stars, histogram, updatedAt: env.now };
}

export function addAfterSaleOutcome(r: SellerRating, outcome: 'rewarded' | 'penalised', env: EnergyEnv): SellerRating {
  return outcome === 'rewarded' ? { ...r, afterSaleRewarded: r.afterSaleRewarded + 1, updatedAt: env.now } : { ...r, afterSalePenalised: r.afterSalePenalised + 1, updatedAt: env.now };
}

/** Up to `want`, never more than `available`. */
export const capped = (want: bigint, available: bigint): bigint => (want < available ? want : available);
