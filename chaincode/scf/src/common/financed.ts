/**
 * The pledge an asset (receivable part, order, warehouse receipt) carries once a
 * bank finances it. Every financeable asset embeds this same shape so the
 * financing domain can treat the three alike.
 */
import { z } from 'zod';
import { id, party } from './schemas';

export const ASSET_TYPES = ['receivable', 'order', 'receipt'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/**
 * What an asset finances underneath: a receipt for the goods of an order stands
 * for that order's goods, so both map to the order; anything else to itself.
 */
export interface Goods {
  assetType: AssetType;
  assetId: string;
}

export const pledge = z.object({
  financingId: id,
  bank: party,
  at: z.string(),
  /** Set when the bank has been repaid in full and the pledge is released. */
  releasedAt: z.string().optional(),
});
export type Pledge = z.infer<typeof pledge>;

/** The asset statuses at which each asset type may be financed. */
export const FINANCEABLE_STATUS: Record<AssetType, string> = {
  receivable: 'active',
  order: 'confirmed',
  receipt: 'stored',
};

interface PledgeableAsset {
  status: string;
  pledge?: Pledge | undefined;
  updatedAt: string;
}

/** The asset once pledged to `p.bank`: status `financed`. */
export function pledgedAsset<T extends PledgeableAsset>(asset: T, p: Pledge): T {
  return { ...asset, status: 'financed', pledge: p, updatedAt: p.at };
}

/** The asset once its bank is repaid in full: status `repaid`, pledge marked released. */
export function releasedAsset<T extends PledgeableAsset>(asset: T, at: string): T {
  if (!asset.pledge) throw new Error('releasedAsset: asset carries no pledge');
  return { ...asset, status: 'repaid', pledge: { ...asset.pledge, releasedAt: at }, updatedAt: at };
}
