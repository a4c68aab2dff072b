/** Purchase-order rules as pure functions. */
import { big, ConflictError, str, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { MSP } from '../common/constants';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { Lease } from '../leasing/state';
import type { registerInput } from './inputs';
import type { Order } from './state';

type RegisterInput = z.infer<typeof registerInput>;

/** An order from a supplier to the lessor; when it names a lease, the caller must be that lease's supplier. */
export function registerOrder(input: RegisterInput, lease: Lease | undefined, env: ScfEnv): { order: Order; events: ScfEvent[] } {
  if (lease && lease.supplier !== env.actor.party) throw new ValidationError('input.leaseId', `names a lease whose supplier is ${lease.supplier}, not the caller`);
  return created(input, MSP.lessor, env);
}

/** A sub-supplier's order to the seller of a confirmed parent order; derived orders never exceed the parent. */
export function registerDerivedOrder(input: RegisterInput, parent: Order, env: ScfEnv): { order: Order; parent: Order; events: ScfEvent[] } {
  if (parent.status === 'registered') throw new ConflictError(`parent order ${parent.id} is not confirmed yet`);
  if (parent.seller === env.actor.party) throw new ValidationError('input.parentOrderId', 'must be an order of another supplier (the caller is its seller)');
  const derivedTotal = big(parent.derivedTotal) + big(input.amount);
  if (derivedTotal > big(parent.amount)) {
    throw new ValidationError('input.amount', `derived orders of ${parent.id} would total ${derivedTotal}, above its amount ${parent.amount}`);
  }
  const { order, events } = created(input, parent.seller, env);
  return { order, parent: { ...parent, derivedTotal: str(derivedTotal), updatedAt: env.now }, events };
}

function created(input: RegisterInput, buyer: string, env: ScfEnv): { order: Order; events: ScfEvent[] } {
  const order: Order = {
    id: input.orderId,
    seller: env.actor.party,
    buyer,
    parentOrderId: input.parentOrderId,
    leaseId: input.leaseId,
    items: input.items,
    amount: input.amount,
    derivedTotal: '0',
    dueDate: input.dueDate,
    status: 'registered',
    createdAt: env.now,
    updatedAt: env.now,
  };
  const payload = { orderId: order.id, seller: order.seller, buyer, parentOrderId: order.parentOrderId, leaseId: order.leaseId, amount: order.amount };
  return { order, events: [{ name: 'OrderRegistered', payload }] };
}

export function confirmOrder(order: Order, env: ScfEnv): { order: Order; events: ScfEvent[] } {
  if (order.status !== 'registered') throw new ConflictError(`order ${order.id} is ${order.status}, not registered`);
  const next: Order = { ...order, status: 'confirmed', confirmedAt: env.now, updatedAt: env.now };
  return { order: next, events: [{ name: 'OrderConfirmed', payload: { orderId: order.id, buyer: order.buyer, seller: order.seller } }] };
}
