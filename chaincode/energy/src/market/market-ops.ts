/**
 * Market transactions (the contract only parses input and hands over here).
 * Each function checks access first, then validates against state, computes with
 * the pure modules (matching, settlement, assignment, emergency) and writes
 * through MarketStore and, for money, one TokenStore per transaction (finished
 * last: conservation check, supply and history records).
 */
import { big, ConflictError, NotFoundError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { isBoundTo, requireCreditable, requireHolder, requireReader } from '../access/policy';
import { emitAll, txInfo } from '../common/context';
import { deriveHex, holdId as deriveHoldId, normaliseTime } from '../common/ids';
import { IdentityStore } from '../identity/identity-store';
import type { Participant } from '../identity/identity-state';
import type { Meter } from '../metering/metering-state';
import { MeteringStore } from '../metering/metering-store';
import { SYS } from '../token/accounts';
import * as deposits from '../token/deposits';
import * as holds from '../token/holds';
import { TokenStore } from '../token/token-store';
import { createAssignment, distribute, releaseAssignment } from './assignment';
import { dispatch } from './emergency';
import { isGridOperator, isPlatformOperator, requireGridParticipant, requireMarketRunner, requireRole, requireTrader, SIDE_ROLES } from './market-access';
import type * as inputs from './market-inputs';
import type { Assignment, Clearing, Emergency, Offer, Order, Ppa, Side, Trade, TradeSettlement, ZoneConfig } from './market-state';
import { MarketStore } from './market-store';
import { isLive, matchBook, type BookOrder } from './matching';
import { maxCost, settleObligation, sumIntervals, type SettlementMath, type SlotEnergy } from './settlement';
import { iso, meterIntervals, requireAligned, slotTimes } from './slots';

/** The obligation a participant's business deposit backs while it trades on the market. */
export const MARKET_OBLIGATION = 'market';

export const DEFAULT_ZONE = {
  slotMinutes: 15,
  gateMinutes: 5,
  graceMinutes: 60,
  settleWindowMinutes: 1440,
  minDeposit: '0',
  feeBps: 0,
  toleranceBps: 500,
  penaltyPerKwh: '0',
  lonScalePpm: 1_000_000,
} as const;

const now = (ctx: DecContext): number => ctx.ledger.txTimeMs;

function marketIds(kind: string, ctx: DecContext, n = 0): string {
  return `${kind}:${deriveHex(kind, ctx.ledger.txId, n)}`;
}

export function tradeId(slot: string, zone: string, buyOrderId: string, n: number): string {
  return `trd:${deriveHex('trade', `${slot}|${zone}|${buyOrderId}`, n)}`;
}

// --- shared checks ------------------------------------------------------------------------------

async function zoneFor(store: MarketStore, zone: string): Promise<ZoneConfig> {
  const z = await store.zone(zone);
  if (!z) throw new NotFoundError('market zone', zone);
  return z;
}

/** The meter is certified, owned by `owner`, in `zone`, and its intervals tile the zone's slot. */
async function tradingMeter(ctx: DecContext, meterEid: string, owner: string, zone: ZoneConfig, field: string): Promise<Meter> {
  const meter = await new MeteringStore(ctx.ledger).meter(meterEid);
  if (!meter) throw new NotFoundError('meter', meterEid);
  if (meter.ownerEid !== owner) throw new ValidationError(field, `meter ${meterEid} is not owned by ${owner}`);
  if (meter.status !== 'certified') throw new ConflictError(`meter ${meterEid} is ${meter.status}; only a certified meter can trade`);
  if (meter.zone !== zone.zone) throw new ValidationError(field, `meter ${meterEid} is in zone ${meter.zone}, not ${zone.zone}`);
  if (zone.slotMinutes % meter.slotMinutes !== 0) throw new ValidationError(field, `meter ${meterEid} reports ${meter.slotMinutes}-minute intervals, which do not tile the zone's ${zone.slotMinutes}-minute slots`);
  return meter;
}

/** The participant has an adequate business deposit; the first time, the deposit starts backing the market obligation. */
async function requireDepositFor(ctx: DecContext, token: TokenStore, eid: string, zone: ZoneConfig): Promise<void> {
  const d = await token.deposit(eid);
  const needed = BigInt(zone.minDeposit);
  const has = d ? BigInt(d.amount) : 0n;
  if (has < needed || has === 0n) throw new ConflictError(`${eid} needs a DEC business deposit of at least ${needed > 0n ? needed : 1n} to trade in zone ${zone.zone}; it has ${has}`);
  if (d && !d.obligations.includes(MARKET_OBLIGATION)) {
    const change = deposits.openObligation(d, MARKET_OBLIGATION, 'micro-grid market', txInfo(ctx));
    await token.putDeposit(change.state, d);
    emitAll(ctx, change.events);
  }
}

function requireBeforeGate(ctx: DecContext, slot: string, zone: ZoneConfig): void {
  const t = slotTimes(slot, zone);
  if (now(ctx) >= t.gate) throw new ConflictError(`slot ${slot} in zone ${zone.zone} closed for orders at ${iso(t.gate)}`);
}

function expiryOf(expiresAt: string | undefined, ctx: DecContext): string | undefined {
  if (expiresAt === undefined) return undefined;
  const normal = normaliseTime(expiresAt);
  if (Date.parse(normal) <= now(ctx)) throw new ValidationError('request.expiresAt', `must be after the transaction time ${ctx.ledger.txTime}`);
  return normal;
}

// --- zones --------------------------------------------------------------------------------------

export async function configureZone(ctx: DecContext, input: z.infer<typeof inputs.configureZoneInput>) {
  const store = new MarketStore(ctx.ledger);
  const previous = await store.zone(input.zone);
  if (previous && input.slotMinutes !== undefined && input.slotMinutes !== previous.slotMinutes) {
    throw new ValidationError('request.slotMinutes', `is fixed at ${previous.slotMinutes} for zone ${input.zone} (orders are aligned to it)`);
  }
  const base = previous ?? { ...DEFAULT_ZONE, zone: input.zone };
  const { zone: _z, ...changes } = input;
  const next: ZoneConfig = { ...base, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), zone: input.zone, updatedAt: ctx.ledger.txTime, updatedTxId: ctx.ledger.txId };
  await store.saveZone(next);
  ctx.emit('ZoneConfigured', next);
  return next;
}

// --- orders -------------------------------------------------------------------------------------

export async function postOrder(ctx: DecContext, input: z.infer<typeof inputs.postOrderInput>) {
  const participant = await new IdentityStore(ctx.ledger).requireParticipant(input.eid);
  requireTrader(ctx.caller, participant, input.side);
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  requireBeforeGate(ctx, input.slot, zone);
  const expiresAt = expiryOf(input.expiresAt, ctx);
  const meter = await tradingMeter(ctx, input.meter, input.eid, zone, 'request.meter');

  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.eid, zone);
  const id = marketIds('ord', ctx);
  if (await store.orderById(id)) throw new ConflictError(`order ${id} already exists`);
  let hold: { id: string; cost: bigint } | undefined;
  if (input.side === 'buy') {
    hold = { id: deriveHoldId(ctx.ledger.txId), cost: maxCost(big(input.quantityWh), big(input.limitPrice)) };
    await escrow(ctx, token, hold.id, input.eid, hold.cost, slotTimes(input.slot, zone).holdExpiry, `market:${id}`);
  }
  const order: Order = {
    id,
    side: input.side,
    owner: input.eid,
    meter: input.meter,
    meterSlotMinutes: meter.slotMinutes,
    zone: input.zone,
    slot: input.slot,
    quantityWh: input.quantityWh,
    limitPrice: input.limitPrice,
    latE6: input.latE6,
    lonE6: input.lonE6,
    expiresAt,
    status: 'open',
    holdId: hold?.id,
    maxCost: hold?.cost.toString(),
    priorityAt: ctx.ledger.txTime,
    postedAt: ctx.ledger.txTime,
    postedTxId: ctx.ledger.txId,
  };
  await store.saveOrder(order, true);
  await token.finish('MarketPostOrder');
  ctx.emit('OrderPosted', order);
  return order;
}

/** Escrows `amount` DECC of the payer in a hold the market settles (nominal payee: the fee account). */
async function escrow(ctx: DecContext, token: TokenStore, id: string, payer: string, amount: bigint, expiresAtMs: number, ref: string): Promise<void> {
  if (await token.hold(id)) throw new ConflictError(`hold ${id} already exists`);
  const change = holds.createHold({ id, asset: 'DECC', payer, payee: SYS.fees, amount, expiresAt: iso(expiresAtMs), ref }, txInfo(ctx));
  await token.debit('DECC', payer, amount);
  await token.putHold(change.state);
  emitAll(ctx, change.events);
}

async function ownOrder(ctx: DecContext, store: MarketStore, orderId: string): Promise<{ order: Order; owner: Participant; zone: ZoneConfig }> {
  const order = await store.requireOrder(orderId);
  const owner = await new IdentityStore(ctx.ledger).requireParticipant(order.owner);
  requireTrader(ctx.caller, owner, order.side);
  if (order.status !== 'open') throw new ConflictError(`order ${orderId} is ${order.status}`);
  const zone = await zoneFor(store, order.zone);
  requireBeforeGate(ctx, order.slot, zone);
  return { order, owner, zone };
}

export async function amendOrder(ctx: DecContext, input: z.infer<typeof inputs.amendOrderInput>) {
  const store = new MarketStore(ctx.ledger);
  const { order } = await ownOrder(ctx, store, input.orderId);
  const quantityWh = input.quantityWh ?? order.quantityWh;
  const limitPrice = input.limitPrice ?? order.limitPrice;
  const expiresAt = input.expiresAt !== undefined ? expiryOf(input.expiresAt, ctx) : order.expiresAt;
  // Time priority survives only a reduction of quantity or a change of expiry.
  const keepsPriority = limitPrice === order.limitPrice && big(quantityWh) <= big(order.quantityWh);
  const token = new TokenStore(ctx.ledger);
  const next: Order = { ...order, quantityWh, limitPrice, expiresAt, amendedAt: ctx.ledger.txTime, priorityAt: keepsPriority ? order.priorityAt : ctx.ledger.txTime };
  if (order.side === 'buy' && order.holdId) {
    const cost = maxCost(big(quantityWh), big(limitPrice));
    const old = await token.requireHold(order.holdId);
    if (cost !== BigInt(old.amount)) {
      // Replace the hold: the old one is released, a new one escrows the new maximum; only the difference moves.
      const released = holds.releaseHold(old, txInfo(ctx));
      await token.putHold(released.state, old);
      emitAll(ctx, released.events);
      const id = deriveHoldId(ctx.ledger.txId);
      const change = holds.createHold({ id, asset: 'DECC', payer: order.owner, payee: SYS.fees, amount: cost, expiresAt: old.expiresAt, ref: `market:${order.id}` }, txInfo(ctx));
      const delta = cost - BigInt(old.amount);
      if (delta > 0n) await token.debit('DECC', order.owner, delta);
      else await token.credit('DECC', order.owner, -delta, old.id, 'MarketAmendOrder');
      await token.putHold(change.state);
      emitAll(ctx, change.events);
      next.holdId = id;
      next.maxCost = cost.toString();
    }
  }
  await store.saveOrder(next, false);
  await token.finish('MarketAmendOrder');
  ctx.emit('OrderAmended', next);
  return next;
}

export async function cancelOrder(ctx: DecContext, input: z.infer<typeof inputs.orderIdInput>) {
  const store = new MarketStore(ctx.ledger);
  const { order } = await ownOrder(ctx, store, input.orderId);
  const token = new TokenStore(ctx.ledger);
  const next: Order = { ...order, status: 'cancelled', closedAt: ctx.ledger.txTime, closedTxId: ctx.ledger.txId };
  if (order.holdId) {
    const old = await token.requireHold(order.holdId);
    if (old.status === 'open') {
      const released = holds.releaseHold(old, txInfo(ctx));
      await token.putHold(released.state, old);
      await token.credit('DECC', order.owner, released.toPayer, old.id, 'MarketCancelOrder');
      emitAll(ctx, released.events);
      next.released = released.toPayer.toString();
    }
  }
  await store.saveOrder(next, false);
  await token.finish('MarketCancelOrder');
  ctx.emit('OrderCancelled', { id: order.id, owner: order.owner, slot: order.slot, zone: order.zone, released: next.released ?? '0' });
  return next;
}

// --- matching -------------------------------------------------------------------------------------

function toBook(o: Order): BookOrder {
  return {
    id: o.id,
    side: o.side,
    owner: o.owner,
    meter: o.meter,
    meterSlotMinutes: o.meterSlotMinutes,
    quantityWh: BigInt(o.quantityWh),
    limitPrice: BigInt(o.limitPrice),
    latE6: o.latE6,
    lonE6: o.lonE6,
    priorityAt: o.priorityAt,
    expiresAt: o.expiresAt,
    status: o.status,
  };
}

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

async function ppaPriors(store: MarketStore, slot: string, zone: ZoneConfig) {
  const exportWh = new Map<string, bigint>();
  const importWh = new Map<string, bigint>();
  const covering = (await store.ppasOf(zone.zone)).filter((p) => ppaCovers(p, slot, zone));
  for (const p of covering) {
    exportWh.set(p.sellerMeter, (exportWh.get(p.sellerMeter) ?? 0n) + BigInt(p.quantityWh));
    importWh.set(p.buyerMeter, (importWh.get(p.buyerMeter) ?? 0n) + BigInt(p.quantityWh));
  }
  return { exportWh, importWh, covering };
}

/**
 * Matches one slot of one zone, writing `pageSize` trades per transaction.
 * Every page recomputes the whole (frozen) book deterministically and checks the
 * result hash recorded by the first page, then writes the next trades.
 */
export async function match(ctx: DecContext, input: z.infer<typeof inputs.slotZonePageInput>) {
  requireMarketRunner(ctx.caller);
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  const times = slotTimes(input.slot, zone);
  if (now(ctx) < times.gate) throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is open for orders until ${iso(times.gate)}; match after that`);
  const previous = await store.clearing(input.slot, input.zone);
  if (previous && previous.status !== 'matching') throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is already ${previous.status}`);

  const orders = await store.ordersOf(input.slot, input.zone);
  const priors = await ppaPriors(store, input.slot, zone);
  const result = matchBook(orders.map(toBook), { gateAt: iso(times.gate), lonScalePpm: zone.lonScalePpm, ppaExportWh: priors.exportWh, ppaImportWh: priors.importWh });
  if (previous && previous.resultHash !== result.hash) throw new ConflictError(`matching of ${input.slot}/${input.zone} no longer reproduces the first page's result; the book changed`);

  const from = previous?.written ?? 0;
  const to = Math.min(from + input.pageSize, result.trades.length);
  for (const t of result.trades.slice(from, to)) {
    const trade: Trade = {
      id: tradeId(input.slot, input.zone, t.buyOrderId, t.n),
      slot: input.slot,
      zone: input.zone,
      seq: t.seq,
      buyOrderId: t.buyOrderId,
      n: t.n,
      sellOrderId: t.sellOrderId,
      buyer: t.buyer,
      seller: t.seller,
      buyerMeter: t.buyerMeter,
      sellerMeter: t.sellerMeter,
      buyerMeterSlotMinutes: t.buyerMeterSlotMinutes,
      sellerMeterSlotMinutes: t.sellerMeterSlotMinutes,
      quantityWh: t.quantityWh.toString(),
      price: t.price.toString(),
      distance2: t.distance2,
      sellerPriorWh: t.sellerPriorWh.toString(),
      buyerPriorWh: t.buyerPriorWh.toString(),
      status: 'obligated',
      matchedTxId: ctx.ledger.txId,
    };
    await store.saveTrade(trade, true);
  }
  const done = to === result.trades.length;
  const clearing: Clearing = previous
    ? { ...previous, written: to, status: done ? 'matched' : 'matching', matchedAt: done ? ctx.ledger.txTime : undefined, updatedTxId: ctx.ledger.txId }
    : {
        slot: input.slot,
        zone: input.zone,
        status: done ? 'matched' : 'matching',
        resultHash: result.hash,
        trades: result.trades.length,
        written: to,
        buyOrders: result.buyOrders,
        sellOrders: result.sellOrders,
        settledBuyOrders: 0,
        volumeWh: result.volumeWh.toString(),
        value: result.value.toString(),
        params: { feeBps: zone.feeBps, toleranceBps: zone.toleranceBps, penaltyPerKwh: zone.penaltyPerKwh, graceMinutes: zone.graceMinutes, slotMinutes: zone.slotMinutes },
        totals: { deliveredWh: '0', paid: '0', fees: '0', released: '0', penalties: '0' },
        matchedAt: done ? ctx.ledger.txTime : undefined,
        updatedTxId: ctx.ledger.txId,
      };
  await store.saveClearing(clearing);
  ctx.emit(done ? 'SlotMatched' : 'SlotMatchingPage', { slot: input.slot, zone: input.zone, from, to, trades: clearing.trades, volumeWh: clearing.volumeWh, value: clearing.value, resultHash: clearing.resultHash, ppas: priors.covering.map((p) => p.id) });
  return { clearing, page: { from, to }, done };
}

// --- settlement ---------------------------------------------------------------------------------

/** Per-transaction reading of interval energy and station assignments, and batched payouts. */
class SettlementRun {
  readonly token: TokenStore;
  private readonly energy = new Map<string, SlotEnergy | undefined>();
  private readonly assignments = new Map<string, Assignment[]>();
  /** DECC credits by account, paid once at the end (fewer keys, same money). */
  private readonly deccCredits = new Map<string, bigint>();
  private readonly metering: MeteringStore;

  constructor(
    private readonly ctx: DecContext,
    private readonly store: MarketStore,
    private readonly slotMinutes: number,
    private readonly op: string,
  ) {
    this.token = new TokenStore(ctx.ledger);
    this.metering = new MeteringStore(ctx.ledger);
  }

  /** Energy of a meter in the market slot: the sum of its metering intervals inside it (undefined: no data). */
  async slotEnergy(meter: string, slot: string, meterSlotMinutes: number): Promise<SlotEnergy | undefined> {
    const key = `${meter}|${slot}`;
    if (this.energy.has(key)) return this.energy.get(key);
    const parts: (SlotEnergy | undefined)[] = [];
    for (const start of meterIntervals(slot, this.slotMinutes, meterSlotMinutes)) {
      const i = await this.metering.interval(meter, start);
      parts.push(i ? { importWh: BigInt(i.importWh), exportWh: BigInt(i.exportWh) } : undefined);
    }
    const e = sumIntervals(parts);
    this.energy.set(key, e);
    return e;
  }

  payDecc(account: string, amount: bigint): void {
    if (amount > 0n) this.deccCredits.set(account, (this.deccCredits.get(account) ?? 0n) + amount);
  }

  /** The seller's net proceeds: to the station's assignees first (senior first), the rest to the seller. */
  async payProceeds(meter: string, seller: string, amount: bigint, context: Record<string, unknown>): Promise<bigint> {
    if (amount === 0n) return 0n;
    let list = this.assignments.get(meter);
    if (!list) {
      list = await this.store.assignmentsOf(meter);
      this.assignments.set(meter, list);
    }
    const d = distribute(list, amount, txInfo(this.ctx), context);
    for (const a of d.updated) {
      await this.store.saveAssignment(a, false);
      list = list.map((x) => (x.id === a.id ? a : x));
    }
    this.assignments.set(meter, list);
    for (const p of d.payouts) this.payDecc(p.beneficiary, p.amount);
    this.payDecc(seller, d.toAssignor);
    emitAll(this.ctx, d.events);
    return amount - d.toAssignor;
  }

  /** Slashes up to `penalty` DEC from the seller's deposit to `to`; returns what was taken. */
  async penalise(seller: string, to: string, penalty: bigint, reason: string): Promise<bigint> {
    if (penalty === 0n) return 0n;
    const d = await this.token.deposit(seller);
    if (!d || BigInt(d.amount) === 0n) {
      this.ctx.emit('PenaltyUncollectable', { account: seller, to, amount: penalty.toString(), reason });
      return 0n;
    }
    const change = deposits.slash(d, penalty, to, reason, undefined, txInfo(this.ctx));
    await this.token.putDeposit(change.state, d);
    await this.token.credit('DEC', to, change.taken, `deposit:${seller}`, 'MarketPenalty');
    emitAll(this.ctx, change.events);
    return change.taken;
  }

  /** Applies one obligation's settlement math: fee, proceeds, penalty. */
  async apply(
    m: SettlementMath,
    parties: { seller: string; sellerMeter: string; buyer: string },
    context: Record<string, unknown>,
  ): Promise<TradeSettlement> {
    this.payDecc(SYS.fees, m.fee);
    const assigned = await this.payProceeds(parties.sellerMeter, parties.seller, m.sellerNet, context);
    const penaltyTaken = await this.penalise(parties.seller, parties.buyer, m.penalty, `under-delivery ${m.shortfallWh} Wh (${JSON.stringify(context)})`);
    return {
      sellerExportWh: m.sellerExportWh === null ? null : m.sellerExportWh.toString(),
      buyerImportWh: m.buyerImportWh === null ? null : m.buyerImportWh.toString(),
      deliveredWh: m.deliveredWh.toString(),
      paid: m.paid.toString(),
      fee: m.fee.toString(),
      sellerNet: m.sellerNet.toString(),
      assigned: assigned.toString(),
      shortfallWh: m.shortfallWh.toString(),
      penalty: m.penalty.toString(),
      penaltyTaken: penaltyTaken.toString(),
      data: m.data,
      at: this.ctx.ledger.txTime,
      txId: this.ctx.ledger.txId,
    };
  }

  /**
   * Closes an escrow hold: `paid` captured (already credited to payees via
   * payDecc), the rest back to the payer. An expired or closed hold pays nothing.
   */
  async closeHold(holdIdValue: string, paid: bigint): Promise<{ paid: bigint; released: bigint }> {
    const h = await this.token.requireHold(holdIdValue);
    if (h.status !== 'open') return { paid: 0n, released: 0n };
    const s = paid > 0n ? holds.captureHold(h, paid, txInfo(this.ctx)) : holds.releaseHold(h, txInfo(this.ctx));
    await this.token.putHold(s.state, h);
    await this.token.credit('DECC', h.payer, s.toPayer, h.id, this.op);
    emitAll(this.ctx, s.events);
    return { paid, released: s.toPayer };
  }

  /** Whether a hold can still be captured now. */
  async funded(holdIdValue: string): Promise<boolean> {
    const h = await this.token.requireHold(holdIdValue);
    return h.status === 'open' && this.ctx.ledger.txTimeMs < Date.parse(h.expiresAt);
  }

  async finish(): Promise<void> {
    for (const account of [...this.deccCredits.keys()].sort()) {
      await this.token.credit('DECC', account, this.deccCredits.get(account) ?? 0n, 'market', this.op);
    }
    await this.token.finish(this.op);
  }
}

const UNFUNDED = (m: SettlementMath): SettlementMath => ({ ...m, paid: 0n, fee: 0n, sellerNet: 0n });

/**
 * Settles the next `pageSize` buy orders (in key order) of a matched slot:
 * each of its trades from metered energy, then its escrow (captured for what
 * was paid, the rest released). Unmatched buy orders just get their escrow back.
 */
export async function settle(ctx: DecContext, input: z.infer<typeof inputs.slotZonePageInput>) {
  requireMarketRunner(ctx.caller);
  const store = new MarketStore(ctx.ledger);
  const clearing = await store.clearing(input.slot, input.zone);
  if (!clearing) throw new ConflictError(`slot ${input.slot} in zone ${input.zone} has not been matched`);
  if (clearing.status === 'matching') throw new ConflictError(`matching of ${input.slot}/${input.zone} is not finished (${clearing.written}/${clearing.trades} trades written)`);
  if (clearing.status === 'settled') throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is already settled`);
  const settleFrom = Date.parse(input.slot) + (clearing.params.slotMinutes + clearing.params.graceMinutes) * 60_000;
  if (now(ctx) < settleFrom) throw new ConflictError(`slot ${input.slot} settles from ${iso(settleFrom)} (end of the meter data grace period)`);

  const buyOrders = (await store.ordersOf(input.slot, input.zone)).filter((o) => o.side === 'buy' && o.status !== 'cancelled');
  const from = clearing.settledBuyOrders;
  const page = buyOrders.slice(from, from + input.pageSize);
  const run = new SettlementRun(ctx, store, clearing.params.slotMinutes, 'MarketSettle');
  const params = clearing.params;
  const totals = { deliveredWh: BigInt(clearing.totals.deliveredWh), paid: BigInt(clearing.totals.paid), fees: BigInt(clearing.totals.fees), released: BigInt(clearing.totals.released), penalties: BigInt(clearing.totals.penalties) };

  for (const order of page) {
    if (order.status === 'settled') continue;
    const trades = await store.tradesOfBuyOrder(input.slot, input.zone, order.id);
    const funded = order.holdId ? await run.funded(order.holdId) : false;
    let paid = 0n;
    for (const t of trades) {
      if (t.status === 'settled') continue;
      const seller = await run.slotEnergy(t.sellerMeter, t.slot, t.sellerMeterSlotMinutes);
      const buyer = await run.slotEnergy(t.buyerMeter, t.slot, t.buyerMeterSlotMinutes);
      let m = settleObligation({ quantityWh: BigInt(t.quantityWh), price: BigInt(t.price), sellerPriorWh: BigInt(t.sellerPriorWh), buyerPriorWh: BigInt(t.buyerPriorWh) }, seller, buyer, params);
      if (!funded) m = UNFUNDED(m);
      const settlement = await run.apply(m, t, { tradeId: t.id, slot: t.slot, zone: t.zone });
      paid += m.paid;
      totals.deliveredWh += m.deliveredWh;
      totals.fees += m.fee;
      totals.penalties += BigInt(settlement.penaltyTaken);
      await store.saveTrade({ ...t, status: 'settled', settlement }, false);
      ctx.emit('TradeSettled', { id: t.id, slot: t.slot, zone: t.zone, buyer: t.buyer, seller: t.seller, quantityWh: t.quantityWh, price: t.price, ...settlement, funded });
    }
    const closed = order.holdId ? await run.closeHold(order.holdId, paid) : { paid: 0n, released: 0n };
    totals.paid += closed.paid;
    totals.released += closed.released;
    const next: Order = { ...order, status: 'settled', paid: closed.paid.toString(), released: closed.released.toString(), closedAt: ctx.ledger.txTime, closedTxId: ctx.ledger.txId };
    await store.saveOrder(next, false);
    ctx.emit('BuyOrderSettled', { id: order.id, owner: order.owner, slot: order.slot, zone: order.zone, trades: trades.length, paid: next.paid, released: next.released, funded });
  }
  await run.finish();
  const settledBuyOrders = from + page.length;
  const done = settledBuyOrders >= buyOrders.length;
  const next: Clearing = {
    ...clearing,
    status: done ? 'settled' : 'settling',
    settledBuyOrders,
    totals: { deliveredWh: totals.deliveredWh.toString(), paid: totals.paid.toString(), fees: totals.fees.toString(), released: totals.released.toString(), penalties: totals.penalties.toString() },
    settledAt: done ? ctx.ledger.txTime : undefined,
    updatedTxId: ctx.ledger.txId,
  };
  await store.saveClearing(next);
  ctx.emit(done ? 'SlotSettled' : 'SlotSettlementPage', { slot: input.slot, zone: input.zone, from, to: settledBuyOrders, of: buyOrders.length, totals: next.totals });
  return { clearing: next, page: { from, to: settledBuyOrders }, done };
}

// --- PPAs -----------------------------------------------------------------------------------------

export async function proposePpa(ctx: DecContext, input: z.infer<typeof inputs.proposePpaInput>) {
  if (input.seller === input.buyer) throw new ValidationError('request.buyer', 'must differ from request.seller');
  const ids = new IdentityStore(ctx.ledger);
  const seller = await ids.requireParticipant(input.seller);
  const buyer = await ids.requireParticipant(input.buyer);
  const proposer = isBoundTo(ctx.caller, seller) ? seller : buyer;
  requireHolder(ctx.caller, proposer);
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
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.seller === proposer.eid ? input.seller : input.buyer, zone);
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
    proposedAt: ctx.ledger.txTime,
    proposedTxId: ctx.ledger.txId,
  };
  if (await store.ppa(ppa.id)) throw new ConflictError(`PPA ${ppa.id} already exists`);
  await store.savePpa(ppa, true);
  await token.finish('MarketProposePpa');
  ctx.emit('PpaProposed', ppa);
  return ppa;
}

export async function acceptPpa(ctx: DecContext, input: z.infer<typeof inputs.ppaIdInput>) {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  const counterparty = ppa.proposedBy === ppa.seller ? ppa.buyer : ppa.seller;
  requireHolder(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(counterparty));
  if (ppa.status !== 'proposed') throw new ConflictError(`PPA ${ppa.id} is ${ppa.status}`);
  const zone = await zoneFor(store, ppa.zone);
  if (now(ctx) >= slotTimes(ppa.firstSlot, zone).gate) throw new ConflictError(`PPA ${ppa.id}'s first slot ${ppa.firstSlot} has closed; propose it again`);
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, counterparty, zone);
  const next: Ppa = { ...ppa, status: 'active', acceptedAt: ctx.ledger.txTime };
  await store.savePpa(next, false);
  await token.finish('MarketAcceptPpa');
  ctx.emit('PpaAccepted', next);
  return next;
}

export async function terminatePpa(ctx: DecContext, input: z.infer<typeof inputs.terminatePpaInput>) {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  if (!isPlatformOperator(ctx.caller)) {
    const ids = new IdentityStore(ctx.ledger);
    const parties = [await ids.requireParticipant(ppa.seller), await ids.requireParticipant(ppa.buyer)];
    const party = parties.find((p) => isBoundTo(ctx.caller, p));
    if (!party) throw new ValidationError('request.ppaId', 'caller is not a party to this PPA');
    requireHolder(ctx.caller, party);
  }
  if (ppa.status !== 'active' && ppa.status !== 'proposed') throw new ConflictError(`PPA ${ppa.id} is ${ppa.status}`);
  const next: Ppa = { ...ppa, status: ppa.status === 'proposed' ? 'rejected' : 'terminated', terminatedAt: ctx.ledger.txTime, terminationReason: input.reason };
  await store.savePpa(next, false);
  ctx.emit(next.status === 'rejected' ? 'PpaRejected' : 'PpaTerminated', next);
  return next;
}

/** Settles one slot of a PPA at the agreed price: the buyer pays from its DECC balance (no re-matching, no escrow). */
export async function settlePpa(ctx: DecContext, input: z.infer<typeof inputs.settlePpaInput>) {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  if (!isPlatformOperator(ctx.caller) && !isGridOperator(ctx.caller)) {
    const ids = new IdentityStore(ctx.ledger);
    const parties = [await ids.requireParticipant(ppa.seller), await ids.requireParticipant(ppa.buyer)];
    const party = parties.find((p) => isBoundTo(ctx.caller, p));
    if (!party) throw new ValidationError('request.ppaId', 'caller is not a party to this PPA');
    requireHolder(ctx.caller, party);
  }
  const zone = await zoneFor(store, ppa.zone);
  requireAligned(input.slot, zone.slotMinutes);
  if (!ppaCovers(ppa, input.slot, zone)) throw new ValidationError('request.slot', `is not a delivery slot of PPA ${ppa.id}`);
  const t = slotTimes(input.slot, zone);
  if (now(ctx) < t.settleFrom) throw new ConflictError(`slot ${input.slot} settles from ${iso(t.settleFrom)}`);
  if (await store.ppaSettlement(ppa.id, input.slot)) throw new ConflictError(`PPA ${ppa.id} is already settled for ${input.slot}`);

  // Earlier PPAs (by ID) on the same meters take the meters' energy first.
  const others = (await store.ppasOf(ppa.zone)).filter((p) => p.id < ppa.id && ppaCovers(p, input.slot, zone));
  const sellerPriorWh = others.filter((p) => p.sellerMeter === ppa.sellerMeter).reduce((s, p) => s + BigInt(p.quantityWh), 0n);
  const buyerPriorWh = others.filter((p) => p.buyerMeter === ppa.buyerMeter).reduce((s, p) => s + BigInt(p.quantityWh), 0n);
  const run = new SettlementRun(ctx, store, zone.slotMinutes, 'MarketSettlePpa');
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

// --- grid emergency -----------------------------------------------------------------------------

export async function postEmergency(ctx: DecContext, input: z.infer<typeof inputs.postEmergencyInput>) {
  requireGridParticipant(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(input.grid));
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  const t = slotTimes(input.slot, zone);
  if (now(ctx) >= t.end) throw new ValidationError('request.slot', 'has already ended');
  const token = new TokenStore(ctx.ledger);
  const id = marketIds('emg', ctx);
  const cost = maxCost(big(input.quantityWh), big(input.price));
  const hold = deriveHoldId(ctx.ledger.txId);
  await escrow(ctx, token, hold, input.grid, cost, t.holdExpiry, `market:${id}`);
  const e: Emergency = { id, zone: input.zone, slot: input.slot, grid: input.grid, quantityWh: input.quantityWh, price: input.price, latE6: input.latE6, lonE6: input.lonE6, holdId: hold, maxCost: cost.toString(), status: 'open', dispatchedWh: '0', postedAt: ctx.ledger.txTime, postedTxId: ctx.ledger.txId };
  await store.saveEmergency(e);
  await token.finish('MarketPostEmergency');
  ctx.emit('EmergencyPosted', e);
  return e;
}

export async function offerEmergency(ctx: DecContext, input: z.infer<typeof inputs.offerEmergencyInput>) {
  const owner = await new IdentityStore(ctx.ledger).requireParticipant(input.eid);
  requireHolder(ctx.caller, owner);
  requireRole(owner, ['storage-owner'], 'an emergency offer');
  const store = new MarketStore(ctx.ledger);
  const e = await store.requireEmergency(input.emergencyId);
  if (e.status !== 'open') throw new ConflictError(`emergency ${e.id} is ${e.status}`);
  const zone = await zoneFor(store, e.zone);
  if (now(ctx) >= slotTimes(e.slot, zone).end) throw new ConflictError(`emergency ${e.id}'s slot has ended`);
  const meter = await tradingMeter(ctx, input.meter, input.eid, zone, 'request.meter');
  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.eid, zone);
  const offer: Offer = { id: marketIds('off', ctx), emergencyId: e.id, owner: input.eid, meter: input.meter, meterSlotMinutes: meter.slotMinutes, quantityWh: input.quantityWh, latE6: input.latE6, lonE6: input.lonE6, postedAt: ctx.ledger.txTime, status: 'offered', dispatchedWh: '0' };
  await store.saveOffer(offer);
  await token.finish('MarketOfferEmergency');
  ctx.emit('EmergencyOffered', offer);
  return offer;
}

async function gridOfEmergency(ctx: DecContext, store: MarketStore, id: string): Promise<Emergency> {
  const e = await store.requireEmergency(id);
  requireGridParticipant(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(e.grid));
  return e;
}

export async function dispatchEmergency(ctx: DecContext, input: z.infer<typeof inputs.emergencyIdInput>) {
  const store = new MarketStore(ctx.ledger);
  const e = await gridOfEmergency(ctx, store, input.emergencyId);
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
  const next: Emergency = { ...e, status: 'dispatched', dispatchedWh: d.totalWh.toString(), dispatchedAt: ctx.ledger.txTime };
  await store.saveEmergency(next);
  ctx.emit('EmergencyDispatched', { id: e.id, zone: e.zone, slot: e.slot, dispatchedWh: next.dispatchedWh, offers: out.map((o) => ({ id: o.id, owner: o.owner, dispatchedWh: o.dispatchedWh, distance2: o.distance2 })) });
  return { emergency: next, offers: out };
}

/** Pays dispatched storage owners for metered export (up to what was dispatched) from the grid's escrow. */
export async function settleEmergency(ctx: DecContext, input: z.infer<typeof inputs.emergencyIdInput>) {
  requireMarketRunner(ctx.caller);
  const store = new MarketStore(ctx.ledger);
  const e = await store.requireEmergency(input.emergencyId);
  if (e.status !== 'dispatched') throw new ConflictError(`emergency ${e.id} is ${e.status}; only a dispatched emergency settles`);
  const zone = await zoneFor(store, e.zone);
  const t = slotTimes(e.slot, zone);
  if (now(ctx) < t.settleFrom) throw new ConflictError(`emergency ${e.id} settles from ${iso(t.settleFrom)}`);
  const run = new SettlementRun(ctx, store, zone.slotMinutes, 'MarketSettleEmergency');
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
  const next: Emergency = { ...e, status: 'settled', settledAt: ctx.ledger.txTime, paid: closed.paid.toString(), released: closed.released.toString() };
  await store.saveEmergency(next);
  ctx.emit('EmergencySettled', { id: e.id, paid: next.paid, released: next.released });
  return { emergency: next, offers: out };
}

// --- revenue assignment ------------------------------------------------------------------------------

export async function assignRevenue(ctx: DecContext, input: z.infer<typeof inputs.assignRevenueInput>) {
  const meter = await new MeteringStore(ctx.ledger).meter(input.meter);
  if (!meter) throw new NotFoundError('meter', input.meter);
  const ids = new IdentityStore(ctx.ledger);
  requireHolder(ctx.caller, await ids.requireParticipant(meter.ownerEid));
  const beneficiary = await ids.requireParticipant(input.beneficiary);
  requireCreditable(beneficiary);
  if (beneficiary.status !== 'active') throw new ConflictError(`beneficiary ${beneficiary.eid} is ${beneficiary.status}`);
  const store = new MarketStore(ctx.ledger);
  const change = createAssignment({ id: marketIds('asg', ctx), meter: input.meter, assignor: meter.ownerEid, beneficiary: input.beneficiary, cap: big(input.cap), ref: input.ref }, txInfo(ctx));
  if (await store.assignment(change.state.id)) throw new ConflictError(`assignment ${change.state.id} already exists`);
  await store.saveAssignment(change.state, true);
  emitAll(ctx, change.events);
  return change.state;
}

export async function releaseAssignmentTx(ctx: DecContext, input: z.infer<typeof inputs.assignmentIdInput>) {
  const store = new MarketStore(ctx.ledger);
  const a = await store.requireAssignment(input.assignmentId);
  if (!isPlatformOperator(ctx.caller)) requireHolder(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(a.beneficiary));
  const change = releaseAssignment(a, txInfo(ctx));
  await store.saveAssignment(change.state, false);
  emitAll(ctx, change.events);
  return change.state;
}

// --- leaving the market -------------------------------------------------------------------------

/** Ends the market obligation on the participant's deposit once nothing of theirs is open or unsettled. */
export async function leave(ctx: DecContext, input: z.infer<typeof inputs.eidInput>) {
  requireHolder(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(input.eid));
  const store = new MarketStore(ctx.ledger);
  for (const ref of await store.orderRefsOf(input.eid)) {
    const o = await store.order(ref.slot, ref.zone, ref.id);
    if (!o || o.status === 'cancelled') continue;
    const c = await store.clearing(ref.slot, ref.zone);
    if (c?.status !== 'settled') throw new ConflictError(`order ${ref.id} (slot ${ref.slot}, zone ${ref.zone}) is not settled yet`);
  }
  for (const id of await store.ppaIdsOf(input.eid)) {
    const p = await store.ppa(id);
    if (p && (p.status === 'active' || p.status === 'proposed')) throw new ConflictError(`PPA ${id} is ${p.status}; terminate it first`);
  }
  const token = new TokenStore(ctx.ledger);
  const d = await token.deposit(input.eid);
  if (!d || !d.obligations.includes(MARKET_OBLIGATION)) throw new ConflictError(`${input.eid} has no open market obligation`);
  const change = deposits.closeObligation(d, MARKET_OBLIGATION, txInfo(ctx));
  await token.putDeposit(change.state, d);
  await token.finish('MarketLeave');
  emitAll(ctx, change.events);
  ctx.emit('MarketLeft', { eid: input.eid });
  return change.state;
}

// --- queries ---------------------------------------------------------------------------------------

async function requireReaderOf(ctx: DecContext, ...eids: string[]): Promise<void> {
  const ids = new IdentityStore(ctx.ledger);
  const ps: Participant[] = [];
  for (const e of eids) ps.push(await ids.requireParticipant(e));
  requireReader(ctx.caller, ...ps);
}

export async function orderBook(ctx: DecContext, input: z.infer<typeof inputs.orderBookInput>) {
  const store = new MarketStore(ctx.ledger);
  const page = await store.pageOrders(input.slot, input.zone, input.pageSize, input.bookmark);
  const zone = await store.zone(input.zone);
  const gateAt = zone ? iso(slotTimes(input.slot, zone).gate) : input.slot;
  return { items: page.items.map((e) => ({ ...e.value, live: isLive(toBook(e.value), gateAt) })), bookmark: page.bookmark };
}

export async function getOrder(ctx: DecContext, input: z.infer<typeof inputs.orderIdInput>) {
  const store = new MarketStore(ctx.ledger);
  const order = await store.requireOrder(input.orderId);
  const trades = order.side === 'buy' ? await store.tradesOfBuyOrder(order.slot, order.zone, order.id) : (await store.tradesOf(order.owner, order.slot, order.zone)).filter((t) => t.sellOrderId === order.id);
  const filledWh = trades.reduce((s, t) => s + BigInt(t.quantityWh), 0n);
  return { order, trades, filledWh: filledWh.toString() };
}

export async function ordersOf(ctx: DecContext, input: z.infer<typeof inputs.eidPageInput>) {
  await requireReaderOf(ctx, input.eid);
  const page = await new MarketStore(ctx.ledger).pageOrdersOf(input.eid, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function tradesOf(ctx: DecContext, input: z.infer<typeof inputs.eidPageInput>) {
  await requireReaderOf(ctx, input.eid);
  const page = await new MarketStore(ctx.ledger).pageTradesOf(input.eid, [], input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function clearing(ctx: DecContext, input: z.infer<typeof inputs.slotZoneInput>) {
  return (await new MarketStore(ctx.ledger).clearing(input.slot, input.zone)) ?? null;
}

export async function trades(ctx: DecContext, input: z.infer<typeof inputs.orderBookInput>) {
  const page = await new MarketStore(ctx.ledger).pageTrades(input.slot, input.zone, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

/** A participant's settlement statement for one slot and zone: every trade on either side and the totals. */
export async function statement(ctx: DecContext, input: z.infer<typeof inputs.statementInput>) {
  await requireReaderOf(ctx, input.eid);
  const store = new MarketStore(ctx.ledger);
  const list = await store.tradesOf(input.eid, input.slot, input.zone);
  const sum = (ts: Trade[], f: (s: TradeSettlement) => string) => ts.reduce((acc, t) => acc + (t.settlement ? BigInt(f(t.settlement)) : 0n), 0n).toString();
  const bought = list.filter((t) => t.buyer === input.eid);
  const sold = list.filter((t) => t.seller === input.eid);
  const orders = (await store.orderRefsOf(input.eid)).filter((r) => r.slot === input.slot && r.zone === input.zone);
  const buyOrders: Order[] = [];
  for (const r of orders) {
    const o = await store.order(r.slot, r.zone, r.id);
    if (o && o.side === 'buy') buyOrders.push(o);
  }
  return {
    eid: input.eid,
    slot: input.slot,
    zone: input.zone,
    clearing: (await store.clearing(input.slot, input.zone))?.status ?? 'open',
    bought: { trades: bought, quantityWh: bought.reduce((s, t) => s + BigInt(t.quantityWh), 0n).toString(), deliveredWh: sum(bought, (s) => s.deliveredWh), paid: sum(bought, (s) => s.paid), penaltiesReceived: sum(bought, (s) => s.penaltyTaken) },
    sold: { trades: sold, quantityWh: sold.reduce((s, t) => s + BigInt(t.quantityWh), 0n).toString(), deliveredWh: sum(sold, (s) => s.deliveredWh), gross: sum(sold, (s) => s.paid), fees: sum(sold, (s) => s.fee), assigned: sum(sold, (s) => s.assigned), penaltiesPaid: sum(sold, (s) => s.penaltyTaken) },
    escrow: buyOrders.map((o) => ({ orderId: o.id, holdId: o.holdId, maxCost: o.maxCost, paid: o.paid, released: o.released, status: o.status })),
  };
}

export async function getPpa(ctx: DecContext, input: z.infer<typeof inputs.ppaIdInput>) {
  const ppa = await new MarketStore(ctx.ledger).requirePpa(input.ppaId);
  await requireReaderOf(ctx, ppa.seller, ppa.buyer); // either party's reader suffices
  return ppa;
}

export async function ppaSettlements(ctx: DecContext, input: z.infer<typeof inputs.ppaIdInput> & { pageSize: number; bookmark: string }) {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  await getPpa(ctx, { ppaId: ppa.id });
  const page = await store.pagePpaSettlements(ppa.id, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function getEmergency(ctx: DecContext, input: z.infer<typeof inputs.emergencyIdInput>) {
  const store = new MarketStore(ctx.ledger);
  return { emergency: await store.requireEmergency(input.emergencyId), offers: await store.offers(input.emergencyId) };
}

export async function getAssignment(ctx: DecContext, input: z.infer<typeof inputs.assignmentIdInput>) {
  return new MarketStore(ctx.ledger).requireAssignment(input.assignmentId);
}

export async function assignmentsOf(ctx: DecContext, input: z.infer<typeof inputs.meterInput>) {
  return { items: await new MarketStore(ctx.ledger).assignmentsOf(input.meter) };
}

export type { Side };
