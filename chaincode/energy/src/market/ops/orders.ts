/**
 * Market orders: post (a buy order escrows its maximum cost in DECC), amend
 * (the escrow follows the new maximum) and cancel, by the holder of the
 * owner's eID before the slot's gate closes and before matching freezes its
 * book (every one of them reads the freeze key, so MVCC enforces the freeze).
 */
import { big, ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireTrader } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { holdId as deriveHoldId } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import type { Participant } from '../../identity/state';
import { SYS } from '../../token/accounts';
import * as holds from '../../token/holds';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import type { Order, ZoneConfig } from '../state';
import { MarketStore } from '../store';
import { maxCost } from '../settlement';
import { requireAligned, slotTimes } from '../slots';
import { escrow, expiryOf, marketIds, requireDepositFor, requireOpenBook, tradingMeter, zoneFor } from './shared';

export async function postOrder(ctx: DecContext, input: z.output<typeof inputs.postOrderInput>, env: EnergyEnv): Promise<Order> {
  const participant = await new IdentityStore(ctx.ledger).requireParticipant(input.eid);
  requireTrader(env.actor, participant, input.side);
  const store = new MarketStore(ctx.ledger);
  const zone = await zoneFor(store, input.zone);
  requireAligned(input.slot, zone.slotMinutes);
  await requireOpenBook(ctx, store, input.slot, zone);
  const expiresAt = expiryOf(input.expiresAt, ctx);
  const meter = await tradingMeter(ctx, input.meter, input.eid, zone, 'request.meter');

  const token = new TokenStore(ctx.ledger);
  await requireDepositFor(ctx, token, input.eid, zone, env);
  const id = marketIds('ord', ctx);
  if (await store.orderById(id)) throw new ConflictError(`order ${id} already exists`);
  let hold: { id: string; cost: bigint } | undefined;
  if (input.side === 'buy') {
    hold = { id: deriveHoldId(env.txId), cost: maxCost(big(input.quantityWh), big(input.limitPrice)) };
    await escrow(ctx, env, token, hold.id, input.eid, hold.cost, slotTimes(input.slot, zone).holdExpiry, `market:${id}`);
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
    priorityAt: env.now,
    postedAt: env.now,
    postedTxId: env.txId,
  };
  await store.saveOrder(order, true);
  await token.finish('MarketPostOrder');
  ctx.emit('OrderPosted', order);
  return order;
}

async function ownOrder(ctx: DecContext, env: EnergyEnv, store: MarketStore, orderId: string): Promise<{ order: Order; owner: Participant; zone: ZoneConfig }> {
  const order = await store.requireOrder(orderId);
  const owner = await new IdentityStore(ctx.ledger).requireParticipant(order.owner);
  requireTrader(env.actor, owner, order.side);
  if (order.status !== 'open') throw new ConflictError(`order ${orderId} is ${order.status}`);
  const zone = await zoneFor(store, order.zone);
  await requireOpenBook(ctx, store, order.slot, zone);
  return { order, owner, zone };
}

export async function amendOrder(ctx: DecContext, input: z.output<typeof inputs.amendOrderInput>, env: EnergyEnv): Promise<Order> {
  const store = new MarketStore(ctx.ledger);
  const { order } = await ownOrder(ctx, env, store, input.orderId);
  const quantityWh = input.quantityWh ?? order.quantityWh;
  const limitPrice = input.limitPrice ?? order.limitPrice;
  const expiresAt = input.expiresAt !== undefined ? expiryOf(input.expiresAt, ctx) : order.expiresAt;
  // Time priority survives only a reduction of quantity or a change of expiry.
  const keepsPriority = limitPrice === order.limitPrice && big(quantityWh) <= big(order.quantityWh);
  const token = new TokenStore(ctx.ledger);
  const next: Order = { ...order, quantityWh, limitPrice, expiresAt, amendedAt: env.now, priorityAt: keepsPriority ? order.priorityAt : env.now };
  if (order.side === 'buy' && order.holdId) {
    const cost = maxCost(big(quantityWh), big(limitPrice));
    const old = await token.requireHold(order.holdId);
    if (cost !== BigInt(old.amount)) {
      // Replace the hold: the old one is released, a new one escrows the new maximum; only the difference moves.
      const released = holds.releaseHold(old, env);
      await token.putHold(released.state, old);
      ctx.emitAll(released.events);
      const id = deriveHoldId(env.txId);
      const change = holds.createHold({ id, asset: 'DECC', payer: order.owner, payee: SYS.fees, amount: cost, expiresAt: old.expiresAt, ref: `market:${order.id}` }, env);
      const delta = cost - BigInt(old.amount);
      if (delta > 0n) await token.debit('DECC', order.owner, delta);
      else await token.credit('DECC', order.owner, -delta, old.id, 'MarketAmendOrder');
      await token.putHold(change.state);
      ctx.emitAll(change.events);
      next.holdId = id;
      next.maxCost = cost.toString();
    }
  }
  await store.saveOrder(next, false);
  await token.finish('MarketAmendOrder');
  ctx.emit('OrderAmended', next);
  return next;
}

export async function cancelOrder(ctx: DecContext, input: z.output<typeof inputs.orderIdInput>, env: EnergyEnv): Promise<Order> {
  const store = new MarketStore(ctx.ledger);
  const { order } = await ownOrder(ctx, env, store, input.orderId);
  const token = new TokenStore(ctx.ledger);
  const next: Order = { ...order, status: 'cancelled', closedAt: env.now, closedTxId: env.txId };
  if (order.holdId) {
    const old = await token.requireHold(order.holdId);
    if (old.status === 'open') {
      const released = holds.releaseHold(old, env);
      await token.putHold(released.state, old);
      await token.credit('DECC', order.owner, released.toPayer, old.id, 'MarketCancelOrder');
      ctx.emitAll(released.events);
      next.released = released.toPayer.toString();
    }
  }
  await store.saveOrder(next, false);
  await token.finish('MarketCancelOrder');
  ctx.emit('OrderCancelled', { id: order.id, owner: order.owner, slot: order.slot, zone: order.zone, released: next.released ?? '0' });
  return next;
}

