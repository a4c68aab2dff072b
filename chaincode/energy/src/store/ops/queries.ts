/** Store reads (evaluate only, paged). Products, orders and ratings are public: addresses and texts stay off chain, only their hashes are recorded. */
import type { DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { PageResult } from '../../common/ids';
import type * as inputs from '../inputs';
import type { Order, SellerRating } from '../state';
import { StoreLedger } from '../store';

function values<T>(page: { items: { value: T }[]; bookmark: string }): PageResult<T> {
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export function getOrder(ctx: DecContext, input: z.output<typeof inputs.orderInput>): Promise<Order> {
  return new StoreLedger(ctx.ledger).requireOrder(input.orderId);
}

export async function listOrders(ctx: DecContext, input: z.output<typeof inputs.listOrdersInput>): Promise<PageResult<Order>> {
  return values(await new StoreLedger(ctx.ledger).pageOrders(input.pageSize, input.bookmark));
}

export async function partyOrders(ctx: DecContext, input: z.output<typeof inputs.partyOrdersInput>): Promise<PageResult<Order>> {
  return values(await new StoreLedger(ctx.ledger).pagePartyOrders(input.side, input.party, input.pageSize, input.bookmark));
}

/** The seller's rating aggregate (zeros before the first rating); the credit service reads this. */
export function sellerRating(ctx: DecContext, input: z.output<typeof inputs.sellerInput>): Promise<SellerRating> {
  return new StoreLedger(ctx.ledger).rating(input.seller);
}
