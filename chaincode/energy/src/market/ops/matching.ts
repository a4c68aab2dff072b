/**
 * Matching of one slot of one zone, page by page: every page recomputes the
 * whole (frozen) book deterministically (matching.ts) and checks the result
 * hash the first page recorded, then writes the next trades.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import type * as inputs from '../market-inputs';
import type { Clearing, Ppa, Trade, ZoneConfig } from '../market-state';
import { MarketStore } from '../market-store';
import { matchBook } from '../matching';
import { iso, requireAligned, slotTimes } from '../slots';
import { ppaCovers } from './ppas';
import { now, toBook, tradeId, zoneFor } from './shared';

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
export async function match(ctx: DecContext, input: z.output<typeof inputs.slotZonePageInput>, env: EnergyEnv) {
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

