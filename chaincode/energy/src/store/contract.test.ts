/**
 * The store through the contract on the in-memory ledger: listing needs the
 * seller role and a deposit (then locked), search by category and text, an
 * order from purchase to rating with the escrow hold, the timeout release and
 * cancellation, and the refusals the issue names, each shown to write nothing.
 */
import { CreditContract } from '../credit/contract';
import { expect } from 'chai';
import { dec, operator, user } from '../test-support/energy-world';
import type { Order, Product, SellerRating } from './state';
import { DAY, hash, StoreWorld } from './store-world';

describe('store contract: listings and orders', () => {
  let w: StoreWorld;
  let b: { caller: ReturnType<typeof user>; eid: string };
  let panel: Product;
  beforeEach(async () => {
    w = new StoreWorld();
    await w.setupSeller();
    b = await w.buyer('buyer-a');
    panel = await w.list();
  });

  it('lists only for the holder of a seller with the role and a deposit of at least 10 DEC, which then stays locked', async () => {
    const poor = new StoreWorld();
    await poor.setupSeller(5);
    expect((await poor.stFails('ListProduct', poor.seller, poor.product())).message).to.match(/deposit of at least 10000000000000000000 to sell; it has 5000000000000000000/);
    const other = user('no-role');
    const eid = await w.onboard(other, ['consumer']);
    expect((await w.stFails('ListProduct', other, w.product({ seller: eid }))).message).to.match(/needs one of the roles seller/);
    expect((await w.stFails('ListProduct', other, w.product())).message).to.match(/not bound/);
    expect((await w.fails('token', 'WithdrawDeposit', w.seller, { account: w.sellerEid, amount: dec(1) })).message).to.match(/open obligation\(s\) \(store\)/);
    expect(panel).to.include({ seller: w.sellerEid, stock: 10, sold: 0, active: true });
  });

  it('refuses bad listings naming the field', async () => {
    expect((await w.stFails('ListProduct', w.seller, w.product({ price: '0' }))).message).to.match(/request\.price/);
    expect((await w.stFails('ListProduct', w.seller, w.product({ category: 'PV Panels' }))).message).to.match(/request\.category/);
    expect((await w.stFails('ListProduct', w.seller, w.product({ stock: -1 }))).message).to.match(/request\.stock/);
  });

  it('searches a category by text, paged and in a fixed order, skipping delisted products', async () => {
    const inverter = await w.list({ title: 'Hybrid inverter 5 kW', category: 'inverters' });
    const second = await w.list({ title: 'PV panel 450 W bifacial' });
    await w.list({ title: 'Mounting rail kit' });
    const all = await w.stCall<{ items: Product[]; bookmark: string }>('Search', b.caller, { category: 'pv-panels', pageSize: 10 });
    expect(all.items.map((p) => p.id)).to.deep.equal([...all.items.map((p) => p.id)].sort());
    expect(all.items).to.have.length(3);
    const byText = await w.stCall<{ items: Product[] }>('Search', b.caller, { category: 'pv-panels', text: 'pv PANEL' });
    expect(byText.items.map((p) => p.id).sort()).to.deep.equal([panel.id, second.id].sort());
    const first = await w.stCall<{ items: Product[]; bookmark: string }>('Search', b.caller, { category: 'pv-panels', pageSize: 2 });
    const next = await w.stCall<{ items: Product[]; bookmark: string }>('Search', b.caller, { category: 'pv-panels', pageSize: 2, bookmark: first.bookmark });
    expect([...first.items, ...next.items].map((p) => p.id)).to.deep.equal(all.items.map((p) => p.id));
    await w.stCall('UpdateProduct', w.seller, { productId: second.id, active: false });
    const after = await w.stCall<{ items: Product[] }>('Search', b.caller, { category: 'pv-panels', text: 'panel' });
    expect(after.items.map((p) => p.id)).to.deep.equal([panel.id]);
    expect((await w.stCall<{ items: Product[] }>('Search', b.caller, { category: 'inverters' })).items.map((p) => p.id)).to.deep.equal([inverter.id]);
  });

  it('buys into an escrow hold: stock down, buyer debited, seller paid only on confirmation', async () => {
    const before = await w.balance(w.sellerEid, 'DEC');
    const o = await w.buy(b, panel.id, 3);
    expect(o).to.include({ status: 'paid', held: true, amount: dec(150), quantity: 3, buyer: b.eid, payer: b.eid });
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(850)));
    expect((await w.stCall<Product>('GetProduct', b.caller, { productId: panel.id })).stock).to.equal(7);
    const hold = await w.call<{ status: string; amount: string }>('token', 'GetHold', b.caller, { holdId: o.holdId });
    expect(hold).to.include({ status: 'open', amount: dec(150) });
    expect((await w.fails('token', 'CaptureHold', w.seller, { holdId: o.holdId, amount: dec(150) })).message).to.match(/market escrow|holder|not bound/);
    const shipped = await w.stCall<Order>('Ship', w.seller, { orderId: o.id, logisticsHash: hash('waybill') });
    expect(shipped.status).to.equal('shipped');
    const done = await w.stCall<Order>('Confirm', b.caller, { orderId: o.id });
    expect(done).to.include({ status: 'completed', held: false, settledBy: 'buyer' });
    expect(await w.balance(w.sellerEid, 'DEC')).to.equal(before + BigInt(dec(150)));
    await w.expectInvariants();
  });

  it('refuses buying more than the stock, buying one\'s own product, and confirming someone else\'s order, writing nothing', async () => {
    const before = w.stateFingerprint();
    expect((await w.stFails('Buy', b.caller, { productId: panel.id, buyer: b.eid, quantity: 11 })).message).to.match(/request\.quantity: exceeds the stock of .*: 10/);
    expect((await w.stFails('Buy', w.seller, { productId: panel.id, buyer: w.sellerEid, quantity: 1 })).message).to.match(/request\.buyer: must not be the seller/);
    expect((await w.stFails('Buy', b.caller, { productId: panel.id, buyer: w.sellerEid, quantity: 1 })).message).to.match(/not bound/);
    expect(w.stateFingerprint()).to.equal(before);
    const o = await w.shipped(b, panel.id);
    const c = await w.buyer('buyer-c');
    const mid = w.stateFingerprint();
    expect((await w.stFails('Confirm', c.caller, { orderId: o.id })).message).to.match(/only the buyer .* may confirm/);
    expect((await w.stFails('Confirm', w.seller, { orderId: o.id })).message).to.match(/only the buyer/);
    expect((await w.stFails('Ship', b.caller, { orderId: o.id, logisticsHash: hash('x') })).message).to.match(/not bound/);
    expect((await w.stFails('Release', c.caller, { orderId: o.id })).message).to.match(/awaits the buyer's confirmation/);
    expect(w.stateFingerprint()).to.equal(mid);
  });

  it('releases an unconfirmed order to the seller only after the 7-day confirmation window', async () => {
    const o = await w.shipped(b, panel.id, 2);
    w.h.advance(7 * DAY - 1);
    await w.stFails('Release', operator, { orderId: o.id });
    w.h.advance(1);
    const released = await w.stCall<Order>('Release', user('anyone'), { orderId: o.id });
    expect(released).to.include({ status: 'completed', settledBy: 'timeout' });
    expect((await w.stFails('Confirm', b.caller, { orderId: o.id })).message).to.match(/is completed, not shipped/);
    await w.expectInvariants();
  });

  it('cancels before shipment (buyer or seller): refund to the unit, stock back; not after shipment', async () => {
    const o = await w.buy(b, panel.id, 4);
    const cancelled = await w.stCall<Order>('Cancel', w.seller, { orderId: o.id });
    expect(cancelled.status).to.equal('cancelled');
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(1000)));
    expect((await w.stCall<Product>('GetProduct', b.caller, { productId: panel.id })).stock).to.equal(10);
    const s = await w.shipped(b, panel.id);
    expect((await w.stFails('Cancel', b.caller, { orderId: s.id })).message).to.match(/is shipped, not paid/);
    await w.expectInvariants();
  });

  it('prices in DECC escrow DECC', async () => {
    await w.postRate('100');
    await w.call('token', 'MintDecc', b.caller, { account: b.eid, decAmount: dec(1) });
    const points = await w.list({ title: 'Charging card', category: 'cards', asset: 'DECC', price: '2500' });
    const o = await w.buy(b, points.id, 2);
    expect(o).to.include({ asset: 'DECC', amount: '5000' });
    await w.stCall('Ship', w.seller, { orderId: o.id, logisticsHash: hash('card') });
    await w.stCall('Confirm', b.caller, { orderId: o.id });
    expect(await w.balance(w.sellerEid, 'DECC')).to.equal(5000n);
    await w.expectInvariants();
  });

  it('rates the seller once per settled order; the aggregate counts stars', async () => {
    const o1 = await w.shipped(b, panel.id);
    expect((await w.stFails('RateSeller', b.caller, { orderId: o1.id, stars: 5 })).message).to.match(/is shipped, not completed or refunded/);
    await w.stCall('Confirm', b.caller, { orderId: o1.id });
    expect((await w.stFails('RateSeller', b.caller, { orderId: o1.id, stars: 6 })).message).to.match(/request\.stars/);
    await w.stCall('RateSeller', b.caller, { orderId: o1.id, stars: 5, reviewHash: hash('great') });
    expect((await w.stFails('RateSeller', b.caller, { orderId: o1.id, stars: 1 })).message).to.match(/already rated/);
    const o2 = await w.shipped(b, panel.id);
    await w.stCall('Confirm', b.caller, { orderId: o2.id });
    const rated = await w.h.invoke(w.store, 'RateSeller', b.caller, [JSON.stringify({ orderId: o2.id, stars: 2 })]);
    // The rating is also a credit fact of the seller (credit/facts.ts), recorded in the same transaction.
    const fact = (await w.h.invoke(new CreditContract(), 'GetFact', b.caller, [JSON.stringify({ subject: w.sellerEid, txId: rated.txId, n: 1 })])).result;
    expect(fact).to.deep.include({ subject: w.sellerEid, kind: 'ratings', value: 2 });
    const r = await w.stCall<SellerRating>('SellerRating', b.caller, { seller: w.sellerEid });
    expect(r).to.include({ count: 2, sum: 7 });
    expect(r.histogram).to.deep.equal([0, 1, 0, 0, 1]);
  });
});
