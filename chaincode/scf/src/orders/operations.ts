/** Purchase order operations: register (top-level or derived from a parent order), confirm by the buyer, read. */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireParty } from '../access/policy';
import type { ScfEnv } from '../common/env';
import { LeaseStore } from '../leasing/store';
import type { orderRef, registerInput } from './inputs';
import { confirmOrder, registerDerivedOrder, registerOrder } from './logic';
import type { Order } from './state';
import { OrderStore } from './store';

export async function register(ctx: DecContext, req: z.output<typeof registerInput>, env: ScfEnv): Promise<Order> {
  const orders = new OrderStore(ctx.ledger);
  if (await orders.exists(req.orderId)) throw new ConflictError(`order ${req.orderId} already exists`);
  if (req.parentOrderId) {
    const change = registerDerivedOrder(req, await orders.require(req.parentOrderId), env);
    await orders.put(change.parent);
    await orders.put(change.order);
    ctx.emitAll(change.events);
    return change.order;
  }
  const lease = req.leaseId ? await new LeaseStore(ctx.ledger).require(req.leaseId) : undefined;
  const change = registerOrder(req, lease, env);
  await orders.put(change.order);
  ctx.emitAll(change.events);
  return change.order;
}

/** Only the order's buyer confirms: the lessor for top-level orders, the supplier for derived ones. */
export async function confirm(ctx: DecContext, req: z.output<typeof orderRef>, env: ScfEnv): Promise<Order> {
  const orders = new OrderStore(ctx.ledger);
  const order = await orders.require(req.orderId);
  requireParty(env.actor, order.buyer, 'the buyer');
  const change = confirmOrder(order, env);
  await orders.put(change.order);
  ctx.emitAll(change.events);
  return change.order;
}

export function get(ctx: DecContext, req: z.output<typeof orderRef>): Promise<Order> {
  return new OrderStore(ctx.ledger).require(req.orderId);
}
