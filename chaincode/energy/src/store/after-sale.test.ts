/**
 * After-sale service through the contract: one request per shipped order
 * within 30 days, the seller's handling within 7 days (a refund from the hold
 * or, once paid out, from the seller), and the stated consequences: ≥ 4 stars
 * pays AFTER_SALE_REWARD DECC from the reward pool, ≤ 2 stars or no handling
 * takes AFTER_SALE_PENALTY DEC from the seller's deposit for the payer.
 */
import { expect } from 'chai';
import { dec, operator, user } from '../test-support/energy-world';
import { AFTER_SALE_PENALTY, AFTER_SALE_REWARD } from './logic';
import type { Order, Product, SellerRating } from './state';
import { DAY, hash, StoreWorld } from './store-world';

describe('store contract: after-sale service', () => {
  let w: StoreWorld;
  let b: { caller: ReturnType<typeof user>; eid: string };
  let panel: Product;
  const ask = (o: Order): Promise<Order> => w.stCall<Order>('RequestAfterSale', b.caller, { orderId: o.id, reason: 'cracked cell', evidenceHash: hash('photo') });
  const handle = (o: Order, resolution: string): Promise<Order> => w.stCall<Order>('HandleAfterSale', w.seller, { orderId: o.id, resolution, handlingHash: hash('repair report') });
  beforeEach(async () => {
    w = new StoreWorld();
    await w.setupSeller();
    b = await w.buyer('buyer-a');
    panel = await w.list();
    await w.postRate('100');
    await w.call('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(10) });
  });

  it('keeps the payment held while a request is open; a well-rated repair pays the seller reward points from the pool', async () => {
    const o = await w.shipped(b, panel.id);
    await ask(o);
    expect((await w.stFails('RequestAfterSale', b.caller, { orderId: o.id, reason: 'again', evidenceHash: hash('x') })).message).to.match(/already has an after-sale request/);
    w.h.advance(8 * DAY);
    expect((await w.stFails('Release', operator, { orderId: o.id })).message).to.match(/open after-sale request/);
    w.h.advance(-8 * DAY);
    expect((await w.stFails('HandleAfterSale', b.caller, { orderId: o.id, resolution: 'repair', handlingHash: hash('x') })).message).to.match(/only the seller/);
    expect((await w.stFails('RateAfterSale', b.caller, { orderId: o.id, stars: 5 })).message).to.match(/no handled after-sale request/);
    await handle(o, 'repair');
    const pool = await w.balance('sys:rewards', 'DECC');
    const rated = await w.stCall<Order>('RateAfterSale', b.caller, { orderId: o.id, stars: 4 });
    expect(rated.afterSale).to.include({ outcome: 'rewarded', rewardDecc: AFTER_SALE_REWARD.toString() });
    expect(await w.balance(w.sellerEid, 'DECC')).to.equal(AFTER_SALE_REWARD);
    expect(await w.balance('sys:rewards', 'DECC')).to.equal(pool - AFTER_SALE_REWARD);
    expect((await w.stFails('RateAfterSale', b.caller, { orderId: o.id, stars: 1 })).message).to.match(/already rated/);
    const r = await w.stCall<SellerRating>('SellerRating', b.caller, { seller: w.sellerEid });
    expect(r).to.include({ afterSaleRewarded: 1, afterSalePenalised: 0 });
    await w.expectInvariants();
  });

  it('a poorly rated handling takes the penalty from the deposit for the buyer; 3 stars does neither', async () => {
    const o = await w.shipped(b, panel.id);
    await w.stCall('Confirm', b.caller, { orderId: o.id });
    await ask(o);
    await handle(o, 'replace');
    const rated = await w.stCall<Order>('RateAfterSale', b.caller, { orderId: o.id, stars: 2 });
    expect(rated.afterSale).to.include({ outcome: 'penalised', penaltyDec: AFTER_SALE_PENALTY.toString() });
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(950)) + AFTER_SALE_PENALTY);
    expect((await w.call<{ amount: string }>('token', 'GetDeposit', w.seller, { account: w.sellerEid })).amount).to.equal((BigInt(dec(10)) - AFTER_SALE_PENALTY).toString());
    const o2 = await w.shipped(b, panel.id);
    await ask(o2);
    await handle(o2, 'repair');
    expect((await w.stCall<Order>('RateAfterSale', b.caller, { orderId: o2.id, stars: 3 })).afterSale).to.include({ outcome: 'neutral' });
    await w.expectInvariants();
  });

  it('a request left unhandled for 7 days fails: penalty, and the seller can no longer handle it', async () => {
    const o = await w.shipped(b, panel.id);
    await ask(o);
    expect((await w.stFails('FailAfterSale', operator, { orderId: o.id })).message).to.match(/may handle the request until/);
    w.h.advance(7 * DAY);
    expect((await w.stFails('HandleAfterSale', w.seller, { orderId: o.id, resolution: 'repair', handlingHash: hash('late') })).message).to.match(/handling window .* ended/);
    const failed = await w.stCall<Order>('FailAfterSale', user('anyone'), { orderId: o.id });
    expect(failed.afterSale).to.include({ status: 'failed', outcome: 'penalised', penaltyDec: AFTER_SALE_PENALTY.toString() });
    expect((await w.stCall<SellerRating>('SellerRating', b.caller, { seller: w.sellerEid })).afterSalePenalised).to.equal(1);
    await w.stCall('Release', operator, { orderId: o.id });
    await w.expectInvariants();
  });

  it('a refund returns the whole amount: from the hold while held, from the seller after payout', async () => {
    const o = await w.shipped(b, panel.id, 2);
    await ask(o);
    const refunded = await handle(o, 'refund');
    expect(refunded).to.include({ status: 'refunded', held: false, settledBy: 'refund' });
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(1000)));
    const o2 = await w.shipped(b, panel.id);
    await w.stCall('Confirm', b.caller, { orderId: o2.id });
    const sellerBefore = await w.balance(w.sellerEid, 'DEC');
    await ask(o2);
    await handle(o2, 'refund');
    expect(await w.balance(w.sellerEid, 'DEC')).to.equal(sellerBefore - BigInt(dec(50)));
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(1000)));
    await w.expectInvariants();
  });

  it('refuses a request after the 30-day window and before shipment', async () => {
    const paid = await w.buy(b, panel.id);
    expect((await w.stFails('RequestAfterSale', b.caller, { orderId: paid.id, reason: 'x', evidenceHash: hash('x') })).message).to.match(/is paid, not shipped or completed/);
    const o = await w.shipped(b, panel.id);
    await w.stCall('Confirm', b.caller, { orderId: o.id });
    w.h.advance(30 * DAY);
    expect((await w.stFails('RequestAfterSale', b.caller, { orderId: o.id, reason: 'x', evidenceHash: hash('x') })).message).to.match(/after-sale window .* ended/);
  });

  it('closes the shop only with nothing listed or open and the last after-sale window past, then frees the deposit', async () => {
    const o = await w.shipped(b, panel.id);
    expect((await w.stFails('CloseShop', w.seller, { seller: w.sellerEid })).message).to.match(/1 listed product\(s\) and 1 open order/);
    await w.stCall('Confirm', b.caller, { orderId: o.id });
    await w.stCall('UpdateProduct', w.seller, { productId: panel.id, active: false });
    expect((await w.stFails('CloseShop', w.seller, { seller: w.sellerEid })).message).to.match(/after-sale window/);
    w.h.advance(30 * DAY);
    await w.stCall('CloseShop', w.seller, { seller: w.sellerEid });
    await w.call('token', 'WithdrawDeposit', w.seller, { account: w.sellerEid, amount: dec(10) });
  });
});
