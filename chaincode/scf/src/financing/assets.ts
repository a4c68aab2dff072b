/**
 * The three financeable assets seen through one interface, so financing and the
 * regulator's rules treat receivable parts, orders and warehouse receipts alike.
 * Writes go through each domain's store, which keeps the asset's state-based
 * endorsement policy in step with its holder and pledge.
 */
import { big, type Ledger } from '@dec/chaincode-kit';
import { pledgedAsset, releasedAsset, type AssetType, type Pledge } from '../common/financed';
import { OrderStore } from '../orders/store';
import { ReceivableStore } from '../receivables/store';
import { ReceiptStore } from '../warehouse/store';
import type { AssetView } from './logic';

export async function loadAsset(ledger: Ledger, assetType: AssetType, assetId: string): Promise<AssetView> {
  switch (assetType) {
    case 'receivable': {
      const r = await new ReceivableStore(ledger).require(assetId);
      return { assetType, assetId, goods: { assetType, assetId }, holder: r.holder, obligor: { role: 'debtor', party: r.debtor }, face: big(r.amount), status: r.status };
    }
    case 'order': {
      const o = await new OrderStore(ledger).require(assetId);
      return { assetType, assetId, goods: { assetType, assetId }, holder: o.seller, obligor: { role: 'buyer', party: o.buyer }, face: big(o.amount), status: o.status };
    }
    case 'receipt': {
      const r = await new ReceiptStore(ledger).require(assetId);
      // A receipt for an order's goods stands for the order: one lock covers both.
      const goods = r.orderId ? { assetType: 'order' as const, assetId: r.orderId } : { assetType, assetId };
      return { assetType, assetId, goods, holder: r.owner, obligor: { role: 'owner', party: r.owner }, face: big(r.value), status: r.status };
    }
  }
}

export async function pledgeAsset(ledger: Ledger, assetType: AssetType, assetId: string, p: Pledge): Promise<void> {
  switch (assetType) {
    case 'receivable': {
      const store = new ReceivableStore(ledger);
      return store.put(pledgedAsset(await store.require(assetId), p));
    }
    case 'order': {
      const store = new OrderStore(ledger);
      return store.put(pledgedAsset(await store.require(assetId), p));
    }
    case 'receipt': {
      const store = new ReceiptStore(ledger);
      return store.put(pledgedAsset(await store.require(assetId), p));
    }
  }
}

export async function releaseAsset(ledger: Ledger, assetType: AssetType, assetId: string, at: string): Promise<void> {
  switch (assetType) {
    case 'receivable': {
      const store = new ReceivableStore(ledger);
      return store.put(releasedAsset(await store.require(assetId), at));
    }
    case 'order': {
      const store = new OrderStore(ledger);
      return store.put(releasedAsset(await store.require(assetId), at));
    }
    case 'receipt': {
      const store = new ReceiptStore(ledger);
      const r = await store.require(assetId);
      // Goods already released with the bank's consent stay released.
      if (r.status === 'released') return store.put({ ...r, pledge: r.pledge ? { ...r.pledge, releasedAt: at } : undefined, updatedAt: at });
      return store.put(releasedAsset(r, at));
    }
  }
}
