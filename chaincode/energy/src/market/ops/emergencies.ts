/**
 * Grid emergencies: the grid operator (holder of a `grid` eID) posts a need
 * with DECC in escrow, storage owners offer capacity, the grid dispatches the
 * nearest offers, and dispatched offers are paid for metered export.
 */
import { big, ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { EmergencyWithOffers } from './results';
import type { z } from 'zod';
import { requireGridParticipant, requireHolder, requireRole } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { holdId as deriveHoldId } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import { TokenStore } from '../../token/store';
import { dispatch } from '../emergency';
import type * as inputs from '../inputs';
import type { Emergency, Offer } from '../state';
import { MarketStore } from '../store';
import { maxCost, settleObligation } from '../settlement';
import { iso, requireAligned, slotTimes } from '../slots';
import { SettlementRun, UNFUNDED } from './settlement-run';
import { escrow, marketIds, now, requireDepositFor, tradingMeter, zoneFor } from './shared';

export async function postEmergency(ctx: DecContext, input: z.output<typeof inputs.postEmergencyInput>, env: EnergyEnv): Promise<Emergency> {
  requireGridParticipant(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.grid));
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  const t = slotTimes(input.slot, zone);
  if (now(ctx) >= t.end) throw new ValidationError('request.slot', 'has already ended');
  const token = new TokenStore(ctx.ledger);
  const id = marketIds('emg', ctx);
  const cost = maxCost(big(input.quantityWh), big(input.price));
  const hold = deriveHoldId(env.txId);
  await escrow(ctx, env, token, hold, input.grid, cost, t.holdExpiry, `market:${id}`);
  const e: Emergency = { id, zone: input.zone, slot: input.slot, grid: input.grid, quantityWh: input.quantityWh, price: input.price, latE6: input.latE6, lonE6: input.lonE6, holdId: hold, maxCost: cost.toString(), status: 'open', dispatchedWh: '0', postedAt: env.now, postedTxId: env.txId };
  await store.saveEmergency(e);
  await token.finish('MarketPostEmergency');
  ctx.emit('EmergencyPosted', e);
  return e;
}

export async function offerEmergency(ctx: DecContext, input: z.output<typeof inputs.offerEmergencyInput>, env: EnergyEnv): Promise<Offer> {
  const owner = await new IdentityStore(ctx.ledger).requireParticipant(input.eid);
  requireHolder(env.actor, owner);
  requireRole(owner, ['storage-owner'], 'an emergency offer');
  const store = new MarketStore(ctx.ledger);
  const e = await store.requireEmergency(input.emergencyId);
  if (e.status !== 'open') throw new ConflictError(`emergency ${e.id} is ${e.status}`);
  const zone = await zoneFor(store, e.zone);
  if (now(ctx) >= slotTimes(e.slot, zone).end) throw new ConflictError(`emergency ${e.id}'s slot has ended`);
  // One offer per storage owner: DispatchEmergency reads every offer, so their number is bounded by the KYC'd storage owners (issue 13, item 5).
  const earlier = await store.offerOf(e.id, input.eid);
  if (earlier) throw new ConflictError(`${input.eid} already offered on emergency ${e.id} (offer ${earlier}); one offer per storage owner`);
  const meter = await tradingMeter(ctx, input.meter, input.eid, zone, 'request.meter');
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.eid, zone, env);
  const offer: Offer = { id: marketIds('off', ctx), emergencyId: e.id, owner: input.eid, meter: input.meter, meterSlotMinutes: meter.slotMinutes, quantityWh: input.quantityWh, latE6: input.latE6, lonE6: input.lonE6, postedAt: env.now, status: 'offered', dispatchedWh: '0' };
  await store.saveOffer(offer);
  await token.finish('MarketOfferEmergency');
  ctx.emit('EmergencyOffered', offer);
  return offer;
}

async function gridOfEmergency(ctx: DecContext, env: EnergyEnv, store: MarketStore, id: string): Promise<Emergency> {
  const e = await store.requireEmergency(id);
  requireGridParticipant(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(e.grid));
  return e;
}

export async function dispatchEmergency(ctx: DecContext, input: z.output<typeof inputs.emergencyIdInput>, env: EnergyEnv): Promise<EmergencyWithOffers> {
  const store = new MarketStore(ctx.ledger);
  const e = await gridOfEmergency(ctx, env, store, input.emergencyId);
  if (e.status !== 'open') throw new ConflictError(`emergency ${e.id} is ${e.status}`);
  const zone = await zoneFor(store, e.zone);
  const offers = await store.offers(e.id);
  const d = dispatch({ quantityWh: BigInt(e.quantityWh), latE6: e.latE6, lonE6: e.lonE6 }, offers.map((o) => ({ ...o, quantityWh: BigInt(o.quantityWh) })), zone.lonScalePpm);
  const byId = new Map(d.dispatches.map((x) => [x.id, x]));
  const out: Offer[] = [];
  for (const o of offers) {
    const x = byId.get(o.id);
    const next: Offer = { ...o, status: x && x.dispatchedWh > 0n ? 'dispatched' : 'not-dispatched', dispatchedWh: (x?.dispatchedWh ?? 0n).toString(), distance2: x?.distance2 };
    await store.saveOffer(next);
    out.push(next);
  }
  const next: Emergency = { ...e, status: 'dispatched', dispatchedWh: d.totalWh.toString(), dispatchedAt: env.now };
  await store.saveEmergency(next);
  ctx.emit('EmergencyDispatched', { id: e.id, zone: e.zone, slot: e.slot, dispatchedWh: next.dispatchedWh, offers: out.map((o) => ({ id: o.id, owner: o.owner, dispatchedWh: o.dispatchedWh, distance2: o.distance2 })) });
  return { emergency: next, offers: out };
}

/** Pays dispatched storage owners for metered export (up to what was dispatched) from the grid's escrow. */
export async function settleEmergency(ctx: DecContext, input: z.output<typeof inputs.emergencyIdInput>, env: EnergyEnv): Promise<EmergencyWithOffers> {
  const store = new MarketStore(ctx.ledger);
  const e = await store.requireEmergency(input.emergencyId);
  if (e.status !== 'dispatched') throw new ConflictError(`emergency ${e.id} is ${e.status}; only a dispatched emergency settles`);
  const zone = await zoneFor(store, e.zone);
  const t = slotTimes(e.slot, zone);
  if (now(ctx) < t.settleFrom) throw new ConflictError(`emergency ${e.id} settles from ${iso(t.settleFrom)}`);
  const run = new SettlementRun(ctx, env, store, zone.slotMinutes, 'MarketSettleEmergency', e.slot);
  const funded = await run.funded(e.holdId);
  let paid = 0n;
  const out: Offer[] = [];
  for (const o of await store.offers(e.id)) {
    if (o.status !== 'dispatched') continue;
    const energy = await run.slotEnergy(o.meter, e.slot, o.meterSlotMinutes);
    let m = settleObligation({ quantityWh: BigInt(o.dispatchedWh), price: BigInt(e.price), sellerPriorWh: 0n, buyerPriorWh: 0n }, energy, undefined, zone);
    if (!funded) m = UNFUNDED(m);
    m = { ...m, data: energy ? 'complete' : 'seller-missing' };
    const settlement = await run.apply(m, { seller: o.owner, sellerMeter: o.meter, buyer: e.grid }, { emergencyId: e.id, offerId: o.id });
    paid += m.paid;
    const next: Offer = { ...o, status: 'settled', settlement };
    await store.saveOffer(next);
    out.push(next);
    ctx.emit('EmergencyOfferSettled', { emergencyId: e.id, offerId: o.id, owner: o.owner, dispatchedWh: o.dispatchedWh, ...settlement });
  }
  const closed = await run.closeHold(e.holdId, paid);
  await run.finish();
  const next: Emergency = { ...e, status: 'settled', settledAt: env.now, paid: closed.paid.toString(), released: closed.released.toString() };
  await store.saveEmergency(next);
  ctx.emit('EmergencySettled', { id: e.id, paid: next.paid, released: next.released });
  return { emergency: next, offers: out };
}

