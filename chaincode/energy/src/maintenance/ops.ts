/**
 * Maintenance orders (white paper process 3): a user reports a breakdown
 * (description, photo hash) -> the connector goes out of service -> the order
 * is dispatched to the nearest available maintainer (dispatch.ts) -> the
 * maintainer accepts (connector in maintenance) -> uploads completion evidence
 * -> the provider confirms, or CONFIRM_TIMEOUT_MS passes -> the maintenance
 * charge moves from the provider's DECC account to the maintainer, the
 * connector is available again, the maintainer free for the next order.
 */
import { ConflictError, RuleViolationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireHolder, requireHolderOrOperator, requireReader, requireRole } from '../access/object-rules';
import { isBoundTo } from '../access/principals';
import { requireConnector } from '../charging/ops/points';
import { ChargingStore } from '../charging/store';
import type { EnergyEnv } from '../common/env';
import { deriveHex } from '../common/ids';
import { recordCreditFact } from '../credit/facts';
import { IdentityStore } from '../identity/store';
import { RatingStore, type Rating } from '../ratings/ratings';
import { TokenStore } from '../token/store';
import { chooseMaintainer } from './dispatch';
import type * as inputs from './inputs';
import type { Maintainer, Order } from './state';
import { MaintenanceStore } from './store';

/** After completion, the provider has this long to confirm; then the maintainer (or the operator) settles. */
export const CONFIRM_TIMEOUT_MS = 72 * 3_600_000;

export async function registerMaintainer(ctx: DecContext, input: z.output<typeof inputs.registerMaintainerInput>, env: EnergyEnv): Promise<Maintainer> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(input.maintainer);
  requireHolder(env.actor, p);
  requireRole(p, ['maintainer'], 'maintenance orders');
  const store = new MaintenanceStore(ctx.ledger);
  const previous = await store.maintainer(input.maintainer);
  if (previous?.status === 'busy') throw new ConflictError(`maintainer ${input.maintainer} is busy with order ${previous.orderId ?? ''}`);
  const m: Maintainer = { eid: input.maintainer, zone: input.zone, latE6: input.latE6, lonE6: input.lonE6, charge: input.charge, status: 'available', updatedAt: env.now };
  await store.putMaintainer(m, previous);
  ctx.emit('MaintainerRegistered', m);
  return m;
}

export async function setAvailability(ctx: DecContext, input: z.output<typeof inputs.availabilityInput>, env: EnergyEnv): Promise<Maintainer> {
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.maintainer));
  const store = new MaintenanceStore(ctx.ledger);
  const m = await store.requireMaintainer(input.maintainer);
  if (m.status === 'busy') throw new ConflictError(`maintainer ${m.eid} is busy with order ${m.orderId ?? ''}`);
  const next: Maintainer = { ...m, status: input.available ? 'available' : 'off', updatedAt: env.now };
  await store.putMaintainer(next, m);
  return next;
}

/** Picks the maintainer and makes it busy; leaves the order unassigned when none is available. */
async function dispatch(ctx: DecContext, env: EnergyEnv, o: Order): Promise<Order> {
  const store = new MaintenanceStore(ctx.ledger);
  const point = await new ChargingStore(ctx.ledger).requirePoint(o.pointId);
  const candidates = await store.availableIn(point.zone);
  const ratingStore = new RatingStore(ctx.ledger);
  const ratings = new Map<string, Rating>();
  for (const c of candidates) ratings.set(c.eid, await ratingStore.of(c.eid));
  const chosen = chooseMaintainer(candidates, ratings, point, [o.provider, o.reporter]);
  if (!chosen) {
    ctx.emit('MaintenanceUnassigned', o);
    return { ...o, status: 'unassigned' };
  }
  const m = await store.requireMaintainer(chosen.eid);
  await store.putMaintainer({ ...m, status: 'busy', orderId: o.id, updatedAt: env.now }, m);
  const next: Order = { ...o, status: 'dispatched', maintainer: m.eid, charge: m.charge, distance2: chosen.distance2.toString(), dispatchedAt: env.now };
  ctx.emit('MaintenanceDispatched', next);
  return next;
}

export async function report(ctx: DecContext, input: z.output<typeof inputs.reportInput>, env: EnergyEnv): Promise<Order> {
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.reporter));
  const charging = new ChargingStore(ctx.ledger);
  const point = await charging.requirePoint(input.pointId);
  const connector = await requireConnector(charging, point, input.connectorId);
  if (connector.state === 'in-use') throw new ConflictError(`connector ${input.connectorId} of ${point.id} is in use by session ${connector.sessionId ?? ''}: stop it first`);
  const store = new MaintenanceStore(ctx.ledger);
  const open = await store.openOrder(point.id, input.connectorId);
  if (open) throw new ConflictError(`connector ${input.connectorId} of ${point.id} already has maintenance order ${open}`);
  const id = `mo:${deriveHex('maintenance-order', env.txId)}`;
  if (await store.order(id)) throw new ConflictError(`maintenance order ${id} already exists`);
  const reported: Order = {
    id,
    pointId: point.id,
    connectorId: input.connectorId,
    provider: point.provider,
    zone: point.zone,
    reporter: input.reporter,
    description: input.description,
    photoHash: input.photoHash,
    status: 'unassigned',
    reportedAt: env.now,
  };
  ctx.emit('BreakdownReported', reported);
  const o = await dispatch(ctx, env, reported);
  await store.putOrder(o);
  await store.setOpen(point.id, input.connectorId, o.id);
  await charging.putConnector({ pointId: point.id, connectorId: input.connectorId, state: 'out-of-service', updatedAt: env.now });
  return o;
}

/** Retries the dispatch of an unassigned order (the provider's holder or the platform operator). */
export async function redispatch(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new MaintenanceStore(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(o.provider));
  if (o.status !== 'unassigned') throw new ConflictError(`maintenance order ${o.id} is ${o.status}`);
  const next = await dispatch(ctx, env, o);
  if (next.status === 'unassigned') throw new ConflictError(`no maintainer is available in zone ${o.zone}`);
  await store.putOrder(next);
  return next;
}

async function assigned(ctx: DecContext, env: EnergyEnv, id: string, status: Order['status']): Promise<{ o: Order; store: MaintenanceStore }> {
  const store = new MaintenanceStore(ctx.ledger);
  const o = await store.requireOrder(id);
  if (!o.maintainer) throw new ConflictError(`maintenance order ${o.id} has no maintainer yet`);
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(o.maintainer));
  if (o.status !== status) throw new ConflictError(`maintenance order ${o.id} is ${o.status}`);
  return { o, store };
}

export async function accept(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const { o, store } = await assigned(ctx, env, input.orderId, 'dispatched');
  const next: Order = { ...o, status: 'accepted', acceptedAt: env.now };
  await store.putOrder(next);
  await new ChargingStore(ctx.ledger).putConnector({ pointId: o.pointId, connectorId: o.connectorId, state: 'maintenance', updatedAt: env.now });
  ctx.emit('MaintenanceAccepted', next);
  return next;
}

export async function complete(ctx: DecContext, input: z.output<typeof inputs.completeInput>, env: EnergyEnv): Promise<Order> {
  const { o, store } = await assigned(ctx, env, input.orderId, 'accepted');
  const next: Order = { ...o, status: 'completed', evidenceHash: input.evidenceHash, completedAt: env.now };
  await store.putOrder(next);
  ctx.emit('MaintenanceCompleted', next);
  return next;
}

/** The charge moves provider -> maintainer (no platform fee), the connector and the maintainer are free again. */
async function pay(ctx: DecContext, env: EnergyEnv, o: Order, how: NonNullable<Order['paidHow']>): Promise<Order> {
  const token = new TokenStore(ctx.ledger);
  const charge = BigInt(o.charge ?? '0');
  const maintainer = o.maintainer ?? '';
  await token.debit('DECC', o.provider, charge);
  await token.credit('DECC', maintainer, charge, o.id, 'MaintenancePay');
  await token.finish('MaintenancePay');
  const store = new MaintenanceStore(ctx.ledger);
  const m = await store.requireMaintainer(maintainer);
  await store.putMaintainer({ ...m, status: 'available', orderId: undefined, updatedAt: env.now }, m);
  await store.setOpen(o.pointId, o.connectorId, undefined);
  await new ChargingStore(ctx.ledger).putConnector({ pointId: o.pointId, connectorId: o.connectorId, state: 'available', updatedAt: env.now });
  const next: Order = { ...o, status: 'paid', paidAt: env.now, paidHow: how };
  await store.putOrder(next);
  ctx.emit('MaintenancePaid', next);
  return next;
}

/** The provider's holder confirms the repair; the maintainer can never confirm its own work. */
export async function confirm(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new MaintenanceStore(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  const identities = new IdentityStore(ctx.ledger);
  if (o.maintainer && (o.maintainer === o.provider || isBoundTo(env.actor, await identities.requireParticipant(o.maintainer)))) {
    throw new RuleViolationError('maintenance.self-confirmation', 'a provider cannot confirm its own maintenance: the maintainer is paid on the provider\'s confirmation or the timeout only');
  }
  requireHolder(env.actor, await identities.requireParticipant(o.provider));
  if (o.status !== 'completed') throw new ConflictError(`maintenance order ${o.id} is ${o.status}`);
  return pay(ctx, env, o, 'confirmed');
}

/** After the confirmation timeout the maintainer's holder (or the platform operator) settles. */
export async function settleTimeout(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const o = await new MaintenanceStore(ctx.ledger).requireOrder(input.orderId);
  if (!o.maintainer) throw new ConflictError(`maintenance order ${o.id} has no maintainer`);
  requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(o.maintainer));
  if (o.status !== 'completed') throw new ConflictError(`maintenance order ${o.id} is ${o.status}`);
  const due = Date.parse(o.completedAt ?? '') + CONFIRM_TIMEOUT_MS;
  if (ctx.ledger.txTimeMs < due) throw new ConflictError(`the provider may confirm until ${new Date(due).toISOString()}`);
  return pay(ctx, env, o, 'timeout');
}

/** The provider's holder rates the maintainer of a paid order, once. */
export async function rateRepair(ctx: DecContext, input: z.output<typeof inputs.rateRepairInput>, env: EnergyEnv): Promise<Rating> {
  const o = await new MaintenanceStore(ctx.ledger).requireOrder(input.orderId);
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(o.provider));
  if (o.status !== 'paid' || !o.maintainer) throw new ConflictError(`maintenance order ${o.id} is ${o.status}: only a paid repair is rated`);
  const r = await new RatingStore(ctx.ledger).rate(o.maintainer, o.id, o.provider, input.stars, 'repairs', env.now);
  ctx.emit('Rated', { eid: o.maintainer, subject: o.id, stars: input.stars });
  await recordCreditFact(ctx, { subject: o.maintainer, kind: 'ratings', value: input.stars, ref: { maintenanceOrder: o.id } });
  return r;
}

export async function getOrder(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const o = await new MaintenanceStore(ctx.ledger).requireOrder(input.orderId);
  const ids = new IdentityStore(ctx.ledger);
  const parties = [await ids.requireParticipant(o.provider), await ids.requireParticipant(o.reporter)];
  if (o.maintainer) parties.push(await ids.requireParticipant(o.maintainer));
  requireReader(env.actor, ...parties);
  return o;
}

export async function ordersOf(ctx: DecContext, input: z.output<typeof inputs.ordersOfInput>, env: EnergyEnv): Promise<{ items: Order[]; bookmark: string }> {
  requireReader(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.provider));
  return new MaintenanceStore(ctx.ledger).ordersOf(input.provider, input.pageSize, input.bookmark);
}

export async function getMaintainer(ctx: DecContext, input: z.output<typeof inputs.maintainerInput>): Promise<Maintainer> {
  return new MaintenanceStore(ctx.ledger).requireMaintainer(input.maintainer);
}

export async function rating(ctx: DecContext, input: z.output<typeof inputs.ratingInput>): Promise<Rating> {
  return new RatingStore(ctx.ledger).of(input.eid);
}
