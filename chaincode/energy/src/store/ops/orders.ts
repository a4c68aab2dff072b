/**
 * Orders: buy (the price × quantity moves into an escrow hold, stock goes
 * down), ship with a logistics hash, then the buyer confirms or, after the
 * confirmation window, anyone releases the payment to the seller; before
 * shipment the buyer or the seller may cancel (refund, stock back). A
 * crowdfunding project's order (fixed-purpose path) is placed by
 * crowdfunding:BuyForPurpose through `placeOrder`; its refunds return to the
 * project's escrow and budget.
 */
import type { DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { returnToBudget } from '../../crowdfunding/ops/budget';
import { requireParty } from './parties';
import type { TokenStore } from '../../token/store';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import type { Order, Product } from '../state';
import { StoreLedger } from '../store';
import { emptySeller, escrow, holderOf, orderClosed, settleHold, storeId } from './shared';

export interface NewOrder {
  product: Product;
  quantity: number;
  buyer: string;
  payer: string;
  projectId?: string;
  purpose?: string;
}

/** Places an order inside a token transaction the caller runs: stock, hold, order, indexes, seller counter. */
export async function placeOrder(ctx: DecContext, env: EnergyEnv, tokens: TokenStore, n: NewOrder): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const placed = logic.place(n.product, n.quantity, n.buyer, env);
  const id = storeId('ord', env.txId);
  const holdId = await escrow(ctx, env, tokens, { id, payer: n.payer, asset: n.product.asset }, placed.amount);
  const order: Order = {
    id,
    productId: n.product.id,
    seller: n.product.seller,
    buyer: n.buyer,
    payer: n.payer,
    projectId: n.projectId,
    purpose: n.purpose,
    quantity: n.quantity,
    asset: n.product.asset,
    amount: placed.amount.toString(),
    holdId,
    status: 'paid',
    held: true,
    createdAt: env.now,
  };
  await store.putProduct(placed.product);
  await store.putOrder(order, true);
  const s = (await store.seller(order.seller)) ?? emptySeller(order.seller, env);
  await store.putSeller({ ...s, openOrders: s.openOrders + 1, updatedAt: env.now });
  ctx.emit('store.Ordered', { orderId: id, productId: order.productId, buyer: order.buyer, quantity: order.quantity, amount: order.amount, asset: order.asset });
  return order;
}

export async function buy(ctx: DecContext, input: z.output<typeof inputs.buyInput>, env: EnergyEnv): Promise<Order> {
  await holderOf(ctx, env, input.buyer);
  const product = await new StoreLedger(ctx.ledger).requireProduct(input.productId);
  return tokenTx(ctx, 'store:Buy', (tokens) => placeOrder(ctx, env, tokens, { product, quantity: input.quantity, buyer: input.buyer, payer: input.buyer }));
}

export async function ship(ctx: DecContext, input: z.output<typeof inputs.shipInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await holderOf(ctx, env, o.seller);
  const change = logic.ship(o, input.logisticsHash, env);
  await store.putOrder(change.state);
  const s = (await store.seller(o.seller)) ?? emptySeller(o.seller, env);
  await store.putSeller({ ...s, lastShippedAt: env.now, updatedAt: env.now });
  ctx.emitAll(change.events);
  return change.state;
}

export async function confirm(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.buyer], `only the buyer ${o.buyer} may confirm order ${o.id}`);
  return settle(ctx, env, store, logic.confirm(o, env), 'store:Confirm');
}

/** Anyone, once the confirmation window has passed without an open after-sale request. */
export async function release(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  return settle(ctx, env, store, logic.releaseOnTimeout(await store.requireOrder(input.orderId), env), 'store:Release');
}

/** The buyer or the seller, before shipment. */
export async function cancel(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.buyer, o.seller], `only the buyer or the seller may cancel order ${o.id}`);
  const change = logic.cancel(o, env);
  const p = await store.requireProduct(o.productId);
  await store.putProduct({ ...p, stock: p.stock + o.quantity, sold: p.sold - o.quantity, updatedAt: env.now });
  return settle(ctx, env, store, change, 'store:Cancel');
}

/** Writes a settled order and moves its held payment: to the seller when completed, back to the payer (and a project's budget) otherwise. */
export async function settle(ctx: DecContext, env: EnergyEnv, store: StoreLedger, change: { state: Order; events: { name: string; payload: unknown }[] }, op: string): Promise<Order> {
  const o = change.state;
  return tokenTx(ctx, op, async (tokens) => {
    await settleHold(ctx, env, tokens, o, o.status === 'completed', op);
    if (o.status !== 'completed' && o.projectId && o.purpose) await returnToBudget(ctx, o.projectId, o.purpose, BigInt(o.amount));
    await store.putOrder(o);
    await orderClosed(store, o.seller, env);
    ctx.emitAll(change.events);
    return o;
  });
}
