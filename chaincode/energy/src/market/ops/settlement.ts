/**
 * Settlement of a matched slot, page by page: each buy order's trades are
 * settled from metered energy, then its escrow is captured for what was paid
 * and the rest released. Unmatched buy orders just get their escrow back.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { ClearingPage } from './results';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import type * as inputs from '../inputs';
import type { Clearing, Order, Trade } from '../state';
import { MarketStore } from '../store';
import { settleObligation } from '../settlement';
import { iso } from '../slots';
import { SettlementRun, UNFUNDED } from './settlement-run';
import { now } from './shared';

/** Running totals of a slot's settlement, carried in its clearing record. */
class Totals {
  deliveredWh: bigint;
  paid: bigint;
  fees: bigint;
  released: bigint;
  penalties: bigint;

  constructor(t: Clearing['totals']) {
    this.deliveredWh = BigInt(t.deliveredWh);
    this.paid = BigInt(t.paid);
    this.fees = BigInt(t.fees);
    this.released = BigInt(t.released);
    this.penalties = BigInt(t.penalties);
  }

  record(): Clearing['totals'] {
    return { deliveredWh: this.deliveredWh.toString(), paid: this.paid.toString(), fees: this.fees.toString(), released: this.released.toString(), penalties: this.penalties.toString() };
  }
}

/** The slot's clearing, once it is matched, not settled yet, and past the meter data grace period. */
async function settleableClearing(ctx: DecContext, store: MarketStore, input: { slot: string; zone: string }): Promise<Clearing> {
  const clearing = await store.clearing(input.slot, input.zone);
  if (!clearing) throw new ConflictError(`slot ${input.slot} in zone ${input.zone} has not been matched`);
  if (clearing.status === 'matching') throw new ConflictError(`matching of ${input.slot}/${input.zone} is not finished (${clearing.written}/${clearing.trades} trades written)`);
  if (clearing.status === 'settled') throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is already settled`);
  const settleFrom = Date.parse(input.slot) + (clearing.params.slotMinutes + clearing.params.graceMinutes) * 60_000;
  if (now(ctx) < settleFrom) throw new ConflictError(`slot ${input.slot} settles from ${iso(settleFrom)} (end of the meter data grace period)`);
  return clearing;
}

/** Settles one trade from metered energy (nothing is paid when its escrow can no longer be captured); returns what it paid. */
async function settleTrade(ctx: DecContext, store: MarketStore, run: SettlementRun, t: Trade, params: Clearing['params'], funded: boolean, totals: Totals): Promise<bigint> {
  const seller = await run.slotEnergy(t.sellerMeter, t.slot, t.sellerMeterSlotMinutes);
  const buyer = await run.slotEnergy(t.buyerMeter, t.slot, t.buyerMeterSlotMinutes);
  const math = settleObligation({ quantityWh: BigInt(t.quantityWh), price: BigInt(t.price), sellerPriorWh: BigInt(t.sellerPriorWh), buyerPriorWh: BigInt(t.buyerPriorWh) }, seller, buyer, params);
  const m = funded ? math : UNFUNDED(math);
  const settlement = await run.apply(m, t, { tradeId: t.id, slot: t.slot, zone: t.zone });
  totals.deliveredWh += m.deliveredWh;
  totals.fees += m.fee;
  totals.penalties += BigInt(settlement.penaltyTaken);
  await store.saveTrade({ ...t, status: 'settled', settlement }, false);
  ctx.emit('TradeSettled', { id: t.id, slot: t.slot, zone: t.zone, buyer: t.buyer, seller: t.seller, quantityWh: t.quantityWh, price: t.price, ...settlement, funded });
  return m.paid;
}

/** Settles a buy order's trades, then its escrow: captured for what was paid, the rest released. */
async function settleBuyOrder(ctx: DecContext, env: EnergyEnv, store: MarketStore, run: SettlementRun, order: Order, trades: Trade[], params: Clearing['params'], totals: Totals): Promise<void> {
  const funded = order.holdId ? await run.funded(order.holdId) : false;
  let paid = 0n;
  for (const t of trades) {
    if (t.status !== 'settled') paid += await settleTrade(ctx, store, run, t, params, funded, totals);
  }
  const closed = order.holdId ? await run.closeHold(order.holdId, paid) : { paid: 0n, released: 0n };
  totals.paid += closed.paid;
  totals.released += closed.released;
  const next: Order = { ...order, status: 'settled', paid: closed.paid.toString(), released: closed.released.toString(), closedAt: env.now, closedTxId: env.txId };
  await store.saveOrder(next, false);
  ctx.emit('BuyOrderSettled', { id: order.id, owner: order.owner, slot: order.slot, zone: order.zone, trades: trades.length, paid: next.paid, released: next.released, funded });
}

/**
 * Most trades one Settle page settles, whatever its `pageSize`. A trade writes
 * about 5 KB (the trade, balances, deposits, events); a page of 500 buy orders
 * of a 10,000-order slot came to 4.3 MB and was refused by the gateway client's
 * 4 MB message limit (issue 14, the market at scale). 300 trades keep a page
 * under ordering's preferred block size (2 MB).
 */
export const SETTLE_TRADES_PER_PAGE = 300;

/** Whether a buy order with `next` trades still joins a page holding `taken` orders and `trades` trades: the first always does. */
export function joinsSettlePage(taken: number, trades: number, next: number, budget = SETTLE_TRADES_PER_PAGE): boolean {
  return taken === 0 || trades + next <= budget;
}

/**
 * Settles the next `pageSize` buy orders (in key order) of a matched slot, or
 * fewer when their trades would exceed SETTLE_TRADES_PER_PAGE: each of its
 * trades from metered energy, then its escrow (captured for what was paid, the
 * rest released). Unmatched buy orders just get their escrow back.
 */
export async function settle(ctx: DecContext, input: z.output<typeof inputs.slotZonePageInput>, env: EnergyEnv): Promise<ClearingPage> {
  const store = new MarketStore(ctx.ledger);
  const clearing = await settleableClearing(ctx, store, input);
  const buyOrders = (await store.ordersOf(input.slot, input.zone)).filter((o) => o.side === 'buy' && o.status !== 'cancelled');
  const from = clearing.settledBuyOrders;
  const page = buyOrders.slice(from, from + input.pageSize);
  const run = new SettlementRun(ctx, env, store, clearing.params.slotMinutes, 'MarketSettle', input.slot);
  const totals = new Totals(clearing.totals);
  let taken = 0;
  let trades = 0;
  for (const order of page) {
    const own = order.status === 'settled' ? [] : await store.tradesOfBuyOrder(order.slot, order.zone, order.id);
    // The order that does not fit was read to count its trades: one range read per page, read again by the next page.
    if (!joinsSettlePage(taken, trades, own.length)) break;
    if (order.status !== 'settled') await settleBuyOrder(ctx, env, store, run, order, own, clearing.params, totals);
    taken++;
    trades += own.length;
  }
  await run.finish();
  const settledBuyOrders = from + taken;
  const done = settledBuyOrders >= buyOrders.length;
  const next: Clearing = { ...clearing, status: done ? 'settled' : 'settling', settledBuyOrders, totals: totals.record(), settledAt: done ? env.now : undefined, updatedTxId: env.txId };
  await store.saveClearing(next);
  ctx.emit(done ? 'SlotSettled' : 'SlotSettlementPage', { slot: input.slot, zone: input.zone, from, to: settledBuyOrders, of: buyOrders.length, totals: next.totals });
  return { clearing: next, page: { from, to: settledBuyOrders }, done };
}
