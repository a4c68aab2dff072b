/**
 * Order storage. Key scheme: `order~<orderId>`. State-based endorsement: the
 * seller's org (plus the pledgee bank's org while financed) must endorse every
 * change, since the seller owns the right to finance the order.
 */
import { keyPart, type DecContext } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeOrder, type Order } from './state';

export function orderKey(ctx: DecContext, orderId: string): string {
  return ctx.ledger.key('order', keyPart('orderId', orderId));
}

export async function getOrder(ctx: DecContext, orderId: string): Promise<Order> {
  return ctx.ledger.require(orderKey(ctx, orderId), decodeOrder, 'order', orderId);
}

export async function orderExists(ctx: DecContext, orderId: string): Promise<boolean> {
  return ctx.ledger.exists(orderKey(ctx, orderId));
}

export function orderEndorsers(o: Order): string[] {
  const orgs = [mspOf(o.seller)];
  if (o.status === 'financed' && o.pledge) orgs.push(mspOf(o.pledge.bank));
  return [...new Set(orgs)].sort();
}

export async function putOrder(ctx: DecContext, o: Order): Promise<void> {
  const key = orderKey(ctx, o.id);
  await ctx.ledger.put(key, o);
  await ctx.ledger.requireEndorsementFrom(key, orderEndorsers(o));
}
