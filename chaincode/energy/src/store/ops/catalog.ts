/**
 * The catalogue: a seller with its deposit lists products, changes price and
 * stock or delists them, and closes its shop (releasing the deposit's
 * obligation) when nothing is listed or open and the after-sale window of its
 * last shipment has passed. Search pages a category's index deterministically,
 * scanning a bounded number of products per call.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import type { PageResult } from '../../common/ids';
import * as deposits from '../../token/deposits';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import { AFTER_SALE_DAYS } from '../logic';
import type { Product, Seller } from '../state';
import { StoreLedger } from '../store';
import { emptySeller, requireSellerDeposit, sellerHolder, storeId, STORE_OBLIGATION } from './shared';

/** Most index entries one search call reads, however few match. */
export const SEARCH_SCAN_LIMIT = 200;

export async function listProduct(ctx: DecContext, input: z.output<typeof inputs.listProductInput>, env: EnergyEnv): Promise<Product> {
  await sellerHolder(ctx, env, input.seller);
  const store = new StoreLedger(ctx.ledger);
  const product: Product = { id: storeId('prod', env.txId), ...input, sold: 0, active: true, listedAt: env.now, updatedAt: env.now };
  return tokenTx(ctx, 'store:ListProduct', async (tokens) => {
    await requireSellerDeposit(ctx, tokens, input.seller, env);
    const seller = (await store.seller(input.seller)) ?? emptySeller(input.seller, env);
    await store.putSeller({ ...seller, open: true, activeProducts: seller.activeProducts + 1, updatedAt: env.now });
    await store.putProduct(product, true);
    ctx.emit('store.Listed', { productId: product.id, seller: product.seller, category: product.category });
    return product;
  });
}

export async function updateProduct(ctx: DecContext, input: z.output<typeof inputs.updateProductInput>, env: EnergyEnv): Promise<Product> {
  const store = new StoreLedger(ctx.ledger);
  const p = await store.requireProduct(input.productId);
  await sellerHolder(ctx, env, p.seller);
  const next: Product = { ...p, price: input.price ?? p.price, stock: input.stock ?? p.stock, active: input.active ?? p.active, updatedAt: env.now };
  if (next.active && !p.active) {
    await tokenTx(ctx, 'store:UpdateProduct', (tokens) => requireSellerDeposit(ctx, tokens, p.seller, env));
  }
  if (next.active !== p.active) {
    const s = (await store.seller(p.seller)) ?? emptySeller(p.seller, env);
    await store.putSeller({ ...s, open: true, activeProducts: s.activeProducts + (next.active ? 1 : -1), updatedAt: env.now });
  }
  await store.putProduct(next);
  ctx.emit('store.ProductUpdated', { productId: p.id, price: next.price, stock: next.stock, active: next.active });
  return next;
}

export async function closeShop(ctx: DecContext, input: z.output<typeof inputs.sellerInput>, env: EnergyEnv): Promise<Seller> {
  await sellerHolder(ctx, env, input.seller);
  const store = new StoreLedger(ctx.ledger);
  const s = await store.seller(input.seller);
  if (!s?.open) throw new ConflictError(`${input.seller} has no open shop`);
  if (s.activeProducts > 0 || s.openOrders > 0) throw new ConflictError(`${input.seller} still has ${s.activeProducts} listed product(s) and ${s.openOrders} open order(s)`);
  const windowEnd = s.lastShippedAt ? new Date(Date.parse(s.lastShippedAt) + AFTER_SALE_DAYS * 86_400_000).toISOString() : env.now;
  if (Date.parse(env.now) < Date.parse(windowEnd)) throw new ConflictError(`the after-sale window of ${input.seller}'s last shipment runs until ${windowEnd}`);
  return tokenTx(ctx, 'store:CloseShop', async (tokens) => {
    const d = await tokens.deposit(input.seller);
    if (d?.obligations.includes(STORE_OBLIGATION)) {
      const change = deposits.closeObligation(d, STORE_OBLIGATION, env);
      await tokens.putDeposit(change.state, d);
      ctx.emitAll(change.events);
    }
    const closed: Seller = { ...s, open: false, updatedAt: env.now };
    await store.putSeller(closed);
    return closed;
  });
}

export function getProduct(ctx: DecContext, input: z.output<typeof inputs.productInput>): Promise<Product> {
  return new StoreLedger(ctx.ledger).requireProduct(input.productId);
}

/**
 * Listed products of a category whose title contains `text` (case-insensitive),
 * in product-ID order. Reads at most SEARCH_SCAN_LIMIT index entries per call;
 * the bookmark resumes after the last entry read, so a page may hold fewer
 * than pageSize matches while the bookmark is not empty.
 */
export async function search(ctx: DecContext, input: z.output<typeof inputs.searchInput>): Promise<PageResult<Product>> {
  const store = new StoreLedger(ctx.ledger);
  const needle = input.text?.toLowerCase();
  const items: Product[] = [];
  let bookmark = input.bookmark;
  let scanned = 0;
  do {
    const page = await store.pageCategory(input.category, Math.min(input.pageSize - items.length, SEARCH_SCAN_LIMIT - scanned), bookmark);
    scanned += page.items.length;
    bookmark = page.bookmark;
    for (const e of page.items) {
      const p = await store.requireProduct(e.value.id);
      if (p.active && (!needle || p.title.toLowerCase().includes(needle))) items.push(p);
    }
  } while (bookmark !== '' && items.length < input.pageSize && scanned < SEARCH_SCAN_LIMIT);
  return { items, bookmark };
}
