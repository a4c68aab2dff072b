/**
 * Power purchase agreements: proposed by the holder of one party, accepted by
 * the other, terminated (or rejected) by either party or the platform
 * operator, and settled slot by slot at the agreed price from metered energy.
 */
import { ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { PpaSettlement } from '../state';
import type { z } from 'zod';
import { requireHolder, requireRole, SIDE_ROLES } from '../../access/object-rules';
import { isBoundTo, isGridOperator, isPlatformOperator } from '../../access/principals';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import type { Ppa, ZoneConfig } from '../state';
import { MarketStore, MAX_LIVE_PPAS_PER_METER } from '../store';
import { settleObligation } from '../settlement';
import { iso, requireAligned, slotTimes } from '../slots';
import { SettlementRun } from './settlement-run';
import { marketIds, now, requireDepositFor, tradingMeter, zoneFor } from './shared';

/** A PPA delivers in slot S if it was accepted before S's gate and not terminated before it. */
export function ppaCovers(p: Ppa, slot: string, zone: Pick<ZoneConfig, 'slotMinutes' | 'gateMinutes' | 'graceMinutes' | 'settleWindowMinutes'>): boolean {
  if (p.status !== 'active' && p.status !== 'terminated') return false;
  if (!p.acceptedAt) return false;
  const s = Date.parse(slot);
  if (s < Date.parse(p.firstSlot) || s > Date.parse(p.lastSlot)) return false;
  const gate = slotTimes(slot, zone).gate;
  if (Date.parse(p.acceptedAt) >= gate) return false;
  return p.terminatedAt === undefined || Date.parse(p.terminatedAt) >= gate;
}

const MINUTE = 60_000;

/**
 * The first last-slot a PPA can have and still be settled now: a slot settles until its
 * settleFrom + settleWindow, so PPAs that ended before now − (slot + grace + settleWindow)
 * are out of every read (the settlement horizon).
 */
function horizonStart(nowMs: number, zone: Pick<ZoneConfig, 'slotMinutes' | 'graceMinutes' | 'settleWindowMinutes'>): string {
  return iso(nowMs - (zone.slotMinutes + zone.graceMinutes + zone.settleWindowMinutes) * MINUTE);
}

/** Refuses a PPA on a meter that already has MAX_LIVE_PPAS_PER_METER PPAs within the settlement horizon. */
async function requireRoomOn(store: MarketStore, meter: string, field: string, nowMs: number, zone: ZoneConfig, refuse: (field: string, why: string) => Error): Promise<void> {
  const live = await store.livePpasOf(meter, horizonStart(nowMs, zone));
  if (live.length >= MAX_LIVE_PPAS_PER_METER) throw refuse(field, `meter ${meter} already has ${live.length} accepted PPAs ending within the settlement horizon (at most ${MAX_LIVE_PPAS_PER_METER} per meter)`);
}

/** The accepted PPAs of `meter` covering `slot` (bounded: see MarketStore.livePpasOf). */
export async function ppasCovering(store: MarketStore, meter: string, slot: string, zone: ZoneConfig): Promise<Ppa[]> {
  return (await store.livePpasOf(meter, slot)).filter((p) => ppaCovers(p, slot, zone));
}

export async function proposePpa(ctx: DecContext, input: z.output<typeof inputs.proposePpaInput>, env: EnergyEnv): Promise<Ppa> {
  if (input.seller === input.buyer) throw new ValidationError('request.buyer', 'must differ from request.seller');
  const ids = new IdentityStore(ctx.ledger);
  const seller = await ids.requireParticipant(input.seller);
  const buyer = await ids.requireParticipant(input.buyer);
  const proposer = isBoundTo(env.actor, seller) ? seller : buyer;
  requireHolder(env.actor, proposer);
  requireRole(seller, SIDE_ROLES.sell, 'the seller of a PPA');
  requireRole(buyer, SIDE_ROLES.buy, 'the buyer of a PPA');
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.firstSlot, zone.slotMinutes, 'request.firstSlot');
  requireAligned(input.lastSlot, zone.slotMinutes, 'request.lastSlot');
  if (Date.parse(input.lastSlot) < Date.parse(input.firstSlot)) throw new ValidationError('request.lastSlot', 'must not be before request.firstSlot');
  if (now(ctx) >= slotTimes(input.firstSlot, zone).gate) throw new ValidationError('request.firstSlot', 'has already closed; a PPA can only cover slots still open');
  const sm = await tradingMeter(ctx, input.sellerMeter, input.seller, zone, 'request.sellerMeter');
  const bm = await tradingMeter(ctx, input.buyerMeter, input.buyer, zone, 'request.buyerMeter');
  const refuse = (field: string, why: string) => new ValidationError(field, why);
  await requireRoomOn(store, input.sellerMeter, 'request.sellerMeter', now(ctx), zone, refuse);
  await requireRoomOn(store, input.buyerMeter, 'request.buyerMeter', now(ctx), zone, refuse);
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.seller === proposer.eid ? input.seller : input.buyer, zone, env);
  const ppa: Ppa = {
    id: marketIds('ppa', ctx),
    zone: input.zone,
    seller: input.seller,
    sellerMeter: input.sellerMeter,
    sellerMeterSlotMinutes: sm.slotMinutes,
    buyer: input.buyer,
    buyerMeter: input.buyerMeter,
    buyerMeterSlotMinutes: bm.slotMinutes,
    quantityWh: input.quantityWh,
    price: input.price,
    firstSlot: input.firstSlot,
    lastSlot: input.lastSlot,
    status: 'proposed',
    proposedBy: proposer.eid,
    proposedAt: env.now,
    proposedTxId: env.txId,
  };
  if (await store.ppa(ppa.id)) throw new ConflictError(`PPA ${ppa.id} already exists`);
  await store.savePpa(ppa, true);
  await token.finish('MarketProposePpa');
  ctx.emit('PpaProposed', ppa);
  return ppa;
}

export async function acceptPpa(ctx: DecContext, input: z.output<typeof inputs.ppaIdInput>, env: EnergyEnv): Promise<Ppa> {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  const counterparty = ppa.proposedBy === ppa.seller ? ppa.buyer : ppa.seller;
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(counterparty));
  if (ppa.status !== 'proposed') throw new ConflictError(`PPA ${ppa.id} is ${ppa.status}`);
  const zone = await zoneFor(store, ppa.zone);
  if (now(ctx) >= slotTimes(ppa.firstSlot, zone).gate) throw new ConflictError(`PPA ${ppa.id}'s first slot ${ppa.firstSlot} has closed; propose it again`);
  const refuse = (field: string, why: string) => new ConflictError(`PPA ${ppa.id}'s ${field}: ${why}`);
  await requireRoomOn(store, ppa.sellerMeter, 'sellerMeter', now(ctx), zone, refuse);
  await requireRoomOn(store, ppa.buyerMeter, 'buyerMeter', now(ctx), zone, refuse);
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, counterparty, zone, env);
  const next: Ppa = { ...ppa, status: 'active', acceptedAt: env.now };
  await store.savePpa(next, false);
  await token.finish('MarketAcceptPpa');
  ctx.emit('PpaAccepted', next);
  return next;
}

export async function terminatePpa(ctx: DecContext, input: z.output<typeof inputs.terminatePpaInput>, env: EnergyEnv): Promise<Ppa> {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  if (!isPlatformOperator(env.actor)) {
    const ids = new IdentityStore(ctx.ledger);
    const parties = [await ids.requireParticipant(ppa.seller), await ids.requireParticipant(ppa.buyer)];
    const party = parties.find((p) => isBoundTo(env.actor, p));
    if (!party) throw new ValidationError('request.ppaId', 'caller is not a party to this PPA');
    requireHolder(env.actor, party);
  }
  if (ppa.status !== 'active' && ppa.status !== 'proposed') throw new ConflictError(`PPA ${ppa.id} is ${ppa.status}`);
  const next: Ppa = { ...ppa, status: ppa.status === 'proposed' ? 'rejected' : 'terminated', terminatedAt: env.now, terminationReason: input.reason };
  await store.savePpa(next, false);
  ctx.emit(next.status === 'rejected' ? 'PpaRejected' : 'PpaTerminated', next);
  return next;
}

/** Settles one slot of a PPA at the agreed price: the buyer pays from its DECC balance (no re-matching, no escrow). */
export async function settlePpa(ctx: DecContext, input: z.output<typeof inputs.settlePpaInput>, env: EnergyEnv): Promise<PpaSettlement> {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  if (!isPlatformOperator(env.actor) && !isGridOperator(env.actor)) {
    const ids = new IdentityStore(ctx.ledger);
    const parties = [await ids.requireParticipant(ppa.seller), await ids.requireParticipant(ppa.buyer)];
    const party = parties.find((p) => isBoundTo(env.actor, p));
    if (!party) throw new ValidationError('request.ppaId', 'caller is not a party to this PPA');
    requireHolder(env.actor, party);
  }
  const zone = await zoneFor(store, ppa.zone);
  requireAligned(input.slot, zone.slotMinutes);
  if (!ppaCovers(ppa, input.slot, zone)) throw new ValidationError('request.slot', `is not a delivery slot of PPA ${ppa.id}`);
  const t = slotTimes(input.slot, zone);
  if (now(ctx) < t.settleFrom) throw new ConflictError(`slot ${input.slot} settles from ${iso(t.settleFrom)}`);
  if (now(ctx) > t.holdExpiry) throw new ConflictError(`slot ${input.slot} could be settled until ${iso(t.holdExpiry)} (the zone's settlement window)`);
  if (await store.ppaSettlement(ppa.id, input.slot)) throw new ConflictError(`PPA ${ppa.id} is already settled for ${input.slot}`);

  // Earlier PPAs (by ID) on the same meters take the meters' energy first.
  const earlier = (p: Ppa) => p.id < ppa.id;
  const sellerPriorWh = (await ppasCovering(store, ppa.sellerMeter, input.slot, zone)).filter((p) => earlier(p) && p.sellerMeter === ppa.sellerMeter).reduce((s, p) => s + BigInt(p.quantityWh), 0n);
  const buyerPriorWh = (await ppasCovering(store, ppa.buyerMeter, input.slot, zone)).filter((p) => earlier(p) && p.buyerMeter === ppa.buyerMeter).reduce((s, p) => s + BigInt(p.quantityWh), 0n);
  const run = new SettlementRun(ctx, env, store, zone.slotMinutes, 'MarketSettlePpa', input.slot);
  const seller = await run.slotEnergy(ppa.sellerMeter, input.slot, ppa.sellerMeterSlotMinutes);
  const buyer = await run.slotEnergy(ppa.buyerMeter, input.slot, ppa.buyerMeterSlotMinutes);
  const m = settleObligation({ quantityWh: BigInt(ppa.quantityWh), price: BigInt(ppa.price), sellerPriorWh, buyerPriorWh }, seller, buyer, zone);
  await run.token.debit('DECC', ppa.buyer, m.paid);
  const settlement = await run.apply(m, ppa, { ppaId: ppa.id, slot: input.slot });
  await run.finish();
  const record = { ppaId: ppa.id, slot: input.slot, sellerPriorWh: sellerPriorWh.toString(), buyerPriorWh: buyerPriorWh.toString(), settlement };
  await store.savePpaSettlement(record);
  ctx.emit('PpaSettled', { ...record, seller: ppa.seller, buyer: ppa.buyer, price: ppa.price, quantityWh: ppa.quantityWh });
  return record;
}

