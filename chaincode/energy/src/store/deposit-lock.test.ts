/**
 * Issue 16, item 2: the DEC deposit that backs a seller's after-sale
 * obligations stays locked while the seller has anything listed, an open
 * order, or a shipment still inside its after-sale window, so a seller cannot
 * withdraw it and then fail a request. Each refusal changes nothing; once the
 * shop is closed the deposit is free again.
 */
import { expect } from 'chai';
import { dec, user } from '../test-support/energy-world';
import type { Product } from './state';
import { StoreWorld } from './store-world';

describe('store: the seller\'s deposit is locked while it backs listings and orders', () => {
  let w: StoreWorld;
  let b: { caller: ReturnType<typeof user>; eid: string };
  let panel: Product;

  async function withdrawRefused(amount: string): Promise<void> {
    const fingerprint = w.stateFingerprint();
    const err = await w.fails('token', 'WithdrawDeposit', w.seller, { account: w.sellerEid, amount });
    expect(err.message).to.match(/^CONFLICT: deposit of eid:p:[0-9a-f]{32} backs 1 open obligation\(s\) \(store\); it cannot be withdrawn/);
    expect(w.stateFingerprint()).to.equal(fingerprint);
  }

  beforeEach(async () => {
    w = new StoreWorld();
    await w.setupSeller(20);
    b = await w.buyer('lock-buyer');
    panel = await w.list();
  });

  it('refuses any withdrawal while a product is listed, and after delisting while an order is open or its after-sale window runs', async () => {
    await withdrawRefused(dec(1));
    const o = await w.shipped(b, panel.id);
    await w.stCall('UpdateProduct', w.seller, { productId: panel.id, active: false });
    await withdrawRefused(dec(20));
    await w.stCall('Confirm', b.caller, { orderId: o.id });
    await withdrawRefused(dec(10));
    expect((await w.stFails('CloseShop', w.seller, { seller: w.sellerEid })).message).to.match(/after-sale window/);
    await withdrawRefused(dec(10));
  });

  it('frees the whole deposit once the shop is closed, and a new listing locks it again', async () => {
    await w.stCall('UpdateProduct', w.seller, { productId: panel.id, active: false });
    await w.stCall('CloseShop', w.seller, { seller: w.sellerEid });
    await w.call('token', 'WithdrawDeposit', w.seller, { account: w.sellerEid, amount: dec(5) });
    await w.list();
    await withdrawRefused(dec(1));
    await w.expectInvariants();
  });
});
