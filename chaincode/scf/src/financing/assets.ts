/**
 * The three financeable assets seen through one interface, so financing and the
 * regulator's rules treat receivable parts, orders and warehouse receipts alike.
 * Writes go through each domain's store, which keeps the asset's state-based
 * endorsement policy in step with its holder and pledge.
 */
import { big, type DecContext } from '@dec/chaincode-kit';
import { pledgedAsset, releasedAsset, type AssetType, type Pledge } from '../common/financed';
import { getOrder, putOrder } from '../orders/store';
import { getReceivable, putReceivable } from '../receivables/store';
import { getReceipt, putReceipt } from '../warehouse/store';
import type { AssetView } from './logic';

export async function loadAsset(ctx: DecContext, assetType: AssetType, assetId: string): Promise<AssetView> {
  switch (assetType) {
    case 'receivable': {
      const r = await getReceivable(ctx, assetId);
      return { assetType, assetId, holder: r.holder, face: big(r.amount), status: r.status };
    }
    case 'order': {
      const o = await getOrder(ctx, assetId);
      return { assetType, assetId, holder: o.seller, face: big(o.amount), status: o.status };
    }
    case 'receipt': {
      const r = await getReceipt(ctx, assetId);
      return { assetType, assetId, holder: r.owner, face: big(r.value), status: r.status };
    }
  }
}

export async function pledgeAsset(ctx: DecContext, assetType: AssetType, assetId: string, p: Pledge): Promise<void> {
  switch (assetType) {
    case 'receivable':
      return putReceivable(ctx, pledgedAsset(await getReceivable(ctx, assetId), p));
    case 'order':
      return putOrder(ctx, pledgedAsset(await getOrder(ctx, assetId), p));
    case 'receipt':
      return putReceipt(ctx, pledgedAsset(await getReceipt(ctx, assetId), p));
  }
}

export async function releaseAsset(ctx: DecContext, assetType: AssetType, assetId: string, at: string): Promise<void> {
  switch (assetType) {
    case 'receivable':
      return putReceivable(ctx, releasedAsset(await getReceivable(ctx, assetId), at));
    case 'order':
      return putOrder(ctx, releasedAsset(await getOrder(ctx, assetId), at));
    case 'receipt': {
      const r = await getReceipt(ctx, assetId);
      // Goods already released with the bank's consent stay released.
      if (r.status === 'released') return putReceipt(ctx, { ...r, pledge: r.pledge ? { ...r.pledge, releasedAt: at } : undefined, updatedAt: at });
      return putReceipt(ctx, releasedAsset(r, at));
    }
  }
}
