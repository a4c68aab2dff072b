/**
 * New-energy store state as stored (white paper 4.1.4): sellers, products,
 * orders with their escrow hold, after-sale records and the per-seller rating
 * aggregate (read by the credit service). Every record is parsed through these
 * schemas when read. Amounts are base-unit integer strings of the product's asset.
 */
import { z } from 'zod';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
const asset = z.enum(['DEC', 'DECC']);

export const sellerSchema = z.object({
  eid: z.string(),
  activeProducts: z.number().int(),
  /** Orders not yet settled (paid, shipped or under an after-sale request while held). */
  openOrders: z.number().int(),
  lastShippedAt: z.string().optional(),
  open: z.boolean(),
  updatedAt: z.string(),
});
export type Seller = z.infer<typeof sellerSchema>;

export const productSchema = z.object({
  id: z.string(),
  seller: z.string(),
  title: z.string(),
  category: z.string(),
  detailHash: z.string(),
  asset,
  price: amount,
  stock: z.number().int(),
  sold: z.number().int(),
  active: z.boolean(),
  listedAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

export const ORDER_STATUSES = ['paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const afterSaleSchema = z.object({
  reason: z.string(),
  evidenceHash: z.string(),
  requestedAt: z.string(),
  handleBy: z.string(),
  status: z.enum(['requested', 'handled', 'failed']),
  resolution: z.enum(['refund', 'repair', 'replace']).optional(),
  handlingHash: z.string().optional(),
  handledAt: z.string().optional(),
  stars: z.number().int().optional(),
  outcome: z.enum(['rewarded', 'penalised', 'neutral']).optional(),
  /** DECC paid to the seller from the reward pool, or DEC taken from its deposit for the buyer. */
  rewardDecc: amount.optional(),
  penaltyDec: amount.optional(),
});
export type AfterSale = z.infer<typeof afterSaleSchema>;

export const orderSchema = z.object({
  id: z.string(),
  productId: z.string(),
  seller: z.string(),
  /** Who confirms, requests after-sale and rates: the buyer's eID (a project's fundraiser for a project order). */
  buyer: z.string(),
  /** The token account that paid and receives refunds: the buyer, or a project's escrow account. */
  payer: z.string(),
  projectId: z.string().optional(),
  purpose: z.string().optional(),
  quantity: z.number().int(),
  asset,
  amount: amount,
  holdId: z.string(),
  status: z.enum(ORDER_STATUSES),
  /** Whether the escrow hold still holds the money. */
  held: z.boolean(),
  createdAt: z.string(),
  logisticsHash: z.string().optional(),
  shippedAt: z.string().optional(),
  /** After this, anyone may release the held payment to the seller (unless an after-sale request is open). */
  confirmBy: z.string().optional(),
  settledAt: z.string().optional(),
  settledBy: z.enum(['buyer', 'timeout', 'cancel', 'refund']).optional(),
  afterSale: afterSaleSchema.optional(),
  stars: z.number().int().optional(),
  reviewHash: z.string().optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const ratingSchema = z.object({
  seller: z.string(),
  count: z.number().int(),
  /** Sum of stars (1-5); the average is sum / count. */
  sum: z.number().int(),
  /** Ratings per star, index 0 = one star. */
  histogram: z.array(z.number().int()).length(5),
  afterSaleRewarded: z.number().int(),
  afterSalePenalised: z.number().int(),
  updatedAt: z.string(),
});
export type SellerRating = z.infer<typeof ratingSchema>;

export function emptyRating(seller: string): SellerRating {
  return { seller, count: 0, sum: 0, histogram: [0, 0, 0, 0, 0], afterSaleRewarded: 0, afterSalePenalised: 0, updatedAt: '' };
}
