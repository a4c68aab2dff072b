/**
 * Matching of one slot of one zone, page by page: every page recomputes the
 * whole (frozen) book deterministically (matching.ts) and checks the result
 * hash the first page recorded, then writes the next trades.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { ClearingPage } from './results';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import type * as inputs from '../inputs';
import type { Clearing, Ppa, Trade, ZoneConfig } from '../state';
import { MarketStore } from '../store';
import { matchBook, type MatchResult, type TradeDraft } from '../matching';
import { iso, requireAligned, slotTimes } from '../slots';
import { ppasCovering } from './ppas';
import { now, toBook, tradeId, zoneFor } from './shared';

/** The PPA energy already contracted on the book's meters (a bounded read per meter: MarketStore.livePpasOf). */
async function ppaPriors(store: MarketStore, slot: string, zone: ZoneConfig, meters: string[]) {
  const exportWh = new Map<string, bigint>();
  const importWh = new Map<string, bigint>();
  const byId = new Map<string, Ppa>();
  for (const m of [...new Set(meters)].sort()) for (const p of await ppasCovering(store, m, slot, zone)) byId.set(p.id, p);
  const covering = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of covering) {
    exportWh.set(p.sellerMeter, (exportWh.get(p.sellerMeter) ?? 0n) + BigInt(p.quantityWh));
    importWh.set(p.buyerMeter, (importWh.get(p.buyerMeter) ?? 0n) + BigInt(p.quantityWh));
  }
  return { exportWh, importWh, covering };
}

/** A trade draft of the matching result as the record written for slot `slot` of zone `zone`. */
function tradeRecord(t: TradeDraft, slot: string, zone: string, txId: string): Trade {
  return {
    id: tradeId(slot, zone, t.buyOrderId, t.n),
    slot,
    zone,
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
    matchedTxId: txId,
  };
}

/** The clearing record after a page: the first page creates it from the result, later pages advance it. */
function nextClearing(previous: Clearing | undefined, result: MatchResult, zone: ZoneConfig, at: { slot: string; zone: string }, written: number, env: EnergyEnv): Clearing {
  const done = written === result.trades.length;
  const progress = { written, status: done ? ('matched' as const) : ('matching' as const), matchedAt: done ? env.now : undefined, updatedTxId: env.txId };
  if (previous) return { ...previous, ...progress };
  return {
    slot: at.slot,
    zone: at.zone,
    resultHash: result.hash,
    trades: result.trades.length,
    buyOrders: result.buyOrders,
    sellOrders: result.sellOrders,
    settledBuyOrders: 0,
    volumeWh: result.volumeWh.toString(),
    value: result.value.toString(),
    params: { feeBps: zone.feeBps, toleranceBps: zone.toleranceBps, penaltyPerKwh: zone.penaltyPerKwh, graceMinutes: zone.graceMinutes, slotMinutes: zone.slotMinutes },
    totals: { deliveredWh: '0', paid: '0', fees: '0', released: '0', penalties: '0' },
    ...progress,
  };
}

/** The slot's clearing so far, once matching may start (or go on): the gate has closed and the slot is not matched yet. */
async function matchableClearing(ctx: DecContext, store: MarketStore, input: { slot: string; zone: string }, gate: number): Promise<Clearing | undefined> {
  if (now(ctx) < gate) throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is open for orders until ${iso(gate)}; match after that`);
  const previous = await store.clearing(input.slot, input.zone);
  if (previous && previous.status !== 'matching') throw new ConflictError(`slot ${input.slot} in zone ${input.zone} is already ${previous.status}`);
  return previous;
}

/**
 * Most trades one Match page writes, whatever its `pageSize`: 500-trade pages of a
 * 10,000-order slot were measured on the network (issue 14); larger ones would
 * approach the gateway client's 4 MB message limit, as Settle pages did.
 */
export const MATCH_TRADES_PER_PAGE = 500;

/**
 * Matches one slot of one zone, writing `pageSize` trades (at most
 * MATCH_TRADES_PER_PAGE) per transaction.
 * Every page recomputes the whole (frozen) book deterministically and checks the
 * result hash recorded by the first page, then writes the next trades.
 */
export async function match(ctx: DecContext, input: z.output<typeof inputs.slotZonePageInput>, env: EnergyEnv): Promise<ClearingPage> {
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  const times = slotTimes(input.slot, zone);
  const previous = await matchableClearing(ctx, store, input, times.gate);

  const orders = await store.ordersOf(input.slot, input.zone);
  const priors = await ppaPriors(store, input.slot, zone, orders.map((o) => o.meter));
  const result = matchBook(orders.map(toBook), { gateAt: iso(times.gate), lonScalePpm: zone.lonScalePpm, ppaExportWh: priors.exportWh, ppaImportWh: priors.importWh });
  if (previous && previous.resultHash !== result.hash) throw new ConflictError(`matching of ${input.slot}/${input.zone} no longer reproduces the first page's result; the book changed`);

  // The first page freezes the book: order mutations of this slot read this key.
  if (!previous) await store.saveBookFreeze({ slot: input.slot, zone: input.zone, status: 'frozen', frozenAt: env.now, frozenTxId: env.txId });
  const from = previous?.written ?? 0;
  const to = Math.min(from + Math.min(input.pageSize, MATCH_TRADES_PER_PAGE), result.trades.length);
  for (const t of result.trades.slice(from, to)) await store.saveTrade(tradeRecord(t, input.slot, input.zone, env.txId), true);
  const done = to === result.trades.length;
  const clearing = nextClearing(previous, result, zone, input, to, env);
  await store.saveClearing(clearing);
  ctx.emit(done ? 'SlotMatched' : 'SlotMatchingPage', { slot: input.slot, zone: input.zone, from, to, trades: clearing.trades, volumeWh: clearing.volumeWh, value: clearing.value, resultHash: clearing.resultHash, ppas: priors.covering.map((p) => p.id) });
  return { clearing, page: { from, to }, done };
}
