/**
 * Input schemas of the store contract (white paper 4.1.4): one JSON object
 * argument per transaction. Prices are base-unit integer strings of the
 * product's asset (DEC or DECC); product detail, logistics, after-sale and
 * review texts stay off chain, only their SHA-256 is recorded.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { assetSchema } from '../token/accounts';

export const productIdSchema = z.string().regex(/^prod:[0-9a-f]{32}$/, 'must be a product ID (prod:<32 hex>)');
export const orderIdSchema = z.string().regex(/^ord:[0-9a-f]{32}$/, 'must be an order ID (ord:<32 hex>)');
export const categorySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z 0-9 -');

/** Most units of one product per order, and in stock. */
export const MAX_QUANTITY = 10_000;
export const MAX_STOCK = 1_000_000;
const quantity = z.number().int('must be an integer').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);
const stock = z.number().int('must be an integer').min(0, 'must be at least 0').max(MAX_STOCK, `must be at most ${MAX_STOCK}`);
const stars = z.number().int('must be an integer').min(1, 'must be at least 1').max(5, 'must be at most 5');

export const listProductInput = z.strictObject({
  seller: participantEidSchema,
  title: note(120).min(1, 'must not be empty'),
  category: categorySchema,
  detailHash: sha256Hex,
  asset: assetSchema,
  price: positiveAmount,
  stock,
});
export const updateProductInput = z.strictObject({
  productId: productIdSchema,
  price: positiveAmount.optional(),
  stock: stock.optional(),
  active: z.boolean().optional(),
});
export const productInput = z.strictObject({ productId: productIdSchema });
export const buyInput = z.strictObject({ productId: productIdSchema, buyer: participantEidSchema, quantity });
export const orderInput = z.strictObject({ orderId: orderIdSchema });
export const shipInput = z.strictObject({ orderId: orderIdSchema, logisticsHash: sha256Hex });
export const afterSaleInput = z.strictObject({ orderId: orderIdSchema, reason: note(200).min(1, 'must not be empty'), evidenceHash: sha256Hex });
export const handleAfterSaleInput = z.strictObject({ orderId: orderIdSchema, resolution: z.enum(['refund', 'repair', 'replace']), handlingHash: sha256Hex });
export const rateInput = z.strictObject({ orderId: orderIdSchema, stars, reviewHash: sha256Hex.optional() });
export const sellerInput = z.strictObject({ seller: participantEidSchema });
export const searchInput = z.strictObject({
  category: categorySchema,
  /** Case-insensitive substring of the title; products without it are skipped. */
  text: note(60).optional(),
  ...pageRequest,
});
export const partyOrdersInput = z.strictObject({ party: participantEidSchema, side: z.enum(['buyer', 'seller']), ...pageRequest });
export const listOrdersInput = z.strictObject({ ...pageRequest });
