/**
 * Market queries. The order book, clearing, zones, emergencies and assignments
 * are public (a public market); a participant's orders, trades, statements and
 * PPAs are visible to the reader of that eID (object rule, checked here).
 */
import type { DecContext } from '@dec/chaincode-kit';
import type { PageResult } from '../../common/ids';
import type { Assignment, Clearing, PpaSettlement, Ppa } from '../state';
import type { EmergencyWithOffers, Statement } from './results';
import type { z } from 'zod';
import { requireReader } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import type { Participant } from '../../identity/state';
import type * as inputs from '../inputs';
import type { Order, Trade, TradeSettlement, ZoneConfig } from '../state';
import { MarketStore } from '../store';
import { isLive } from '../matching';
import { iso, slotTimes } from '../slots';
import { toBook } from './shared';

async function requireReaderOf(ctx: DecContext, env: EnergyEnv, ...eids: string[]): Promise<void> {
  const ids = new IdentityStore(ctx.ledger);
  const ps: Participant[] = [];
  for (const e of eids) ps.push(await ids.requireParticipant(e));
  requireReader(env.actor, ...ps);
}

export async function orderBook(ctx: DecContext, input: z.output<typeof inputs.orderBookInput>): Promise<PageResult<Order & { live: boolean }>> {
  const store = new MarketStore(ctx.ledger);
  const page = await store.pageOrders(input.slot, input.zone, input.pageSize, input.bookmark);
  const zone = await store.zone(input.zone);
  const gateAt = zone ? iso(slotTimes(input.slot, zone).gate) : input.slot;
  return { items: page.items.map((e) => ({ ...e.value, live: isLive(toBook(e.value), gateAt) })), bookmark: page.bookmark };
}

export async function getOrder(ctx: DecContext, input: z.output<typeof inputs.orderIdInput>): Promise<{ order: Order; trades: Trade[]; filledWh: string }> {
  const store = new MarketStore(ctx.ledger);
  const order = await store.requireOrder(input.orderId);
  const trades = order.side === 'buy' ? await store.tradesOfBuyOrder(order.slot, order.zone, order.id) : (await store.tradesOf(order.owner, order.slot, order.zone)).filter((t) => t.sellOrderId === order.id);
  const filledWh = trades.reduce((s, t) => s + BigInt(t.quantityWh), 0n);
  return { order, trades, filledWh: filledWh.toString() };
}

export async function ordersOf(ctx: DecContext, input: z.output<typeof inputs.eidPageInput>, env: EnergyEnv): Promise<PageResult<Order>> {
  await requireReaderOf(ctx, env, input.eid);
  const page = await new MarketStore(ctx.ledger).pageOrdersOf(input.eid, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function tradesOf(ctx: DecContext, input: z.output<typeof inputs.eidPageInput>, env: EnergyEnv): Promise<PageResult<Trade>> {
  await requireReaderOf(ctx, env, input.eid);
  const page = await new MarketStore(ctx.ledger).pageTradesOf(input.eid, [], input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function clearing(ctx: DecContext, input: z.output<typeof inputs.slotZoneInput>): Promise<Clearing | null> {
  return (await new MarketStore(ctx.ledger).clearing(input.slot, input.zone)) ?? null;
}

export async function trades(ctx: DecContext, input: z.output<typeof inputs.orderBookInput>): Promise<PageResult<Trade>> {
  const page = await new MarketStore(ctx.ledger).pageTrades(input.slot, input.zone, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

/** A participant's settlement statement for one slot and zone: every trade on either side and the totals. */
export async function statement(ctx: DecContext, input: z.output<typeof inputs.statementInput>, env: EnergyEnv): Promise<Statement> {
  await requireReaderOf(ctx, env, input.eid);
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

export async function getPpa(ctx: DecContext, input: z.output<typeof inputs.ppaIdInput>, env: EnergyEnv): Promise<Ppa> {
  const ppa = await new MarketStore(ctx.ledger).requirePpa(input.ppaId);
  await requireReaderOf(ctx, env, ppa.seller, ppa.buyer); // either party's reader suffices
  return ppa;
}

export async function ppaSettlements(ctx: DecContext, input: z.output<typeof inputs.ppaPageInput>, env: EnergyEnv): Promise<PageResult<PpaSettlement>> {
  const store = new MarketStore(ctx.ledger);
  const ppa = await store.requirePpa(input.ppaId);
  await getPpa(ctx, { ppaId: ppa.id }, env);
  const page = await store.pagePpaSettlements(ppa.id, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function getEmergency(ctx: DecContext, input: z.output<typeof inputs.emergencyIdInput>): Promise<EmergencyWithOffers> {
  const store = new MarketStore(ctx.ledger);
  return { emergency: await store.requireEmergency(input.emergencyId), offers: await store.offers(input.emergencyId) };
}

export async function getAssignment(ctx: DecContext, input: z.output<typeof inputs.assignmentIdInput>): Promise<Assignment> {
  return new MarketStore(ctx.ledger).requireAssignment(input.assignmentId);
}

export async function assignmentsOf(ctx: DecContext, input: z.output<typeof inputs.meterInput>): Promise<{ items: Assignment[] }> {
  return { items: await new MarketStore(ctx.ledger).assignmentsOf(input.meter) };
}


export async function getZone(ctx: DecContext, input: z.output<typeof inputs.zoneInput>): Promise<ZoneConfig | null> {
  return (await new MarketStore(ctx.ledger).zone(input.zone)) ?? null;
}
