/**
 * Issue 13, item 9: escrow a buy order (or a grid emergency) holds moves only
 * through market settlement or cancellation. The hold's nominal payee is
 * `sys:fees`, and the platform operator may act for `sys:fees`, so before the
 * fix the operator could capture a buyer's escrow into the fee account, or
 * release it behind the market's back, outside settlement.
 */
import { expect } from 'chai';
import type { Order } from '../market/state';
import { operator, user } from '../test-support/energy-world';
import { MarketWorld, MIN, order, SLOT_MS, type SimMeter } from '../test-support/market-world';

describe('market escrow moves only through the market (issue 13, item 9)', () => {
  let w: MarketWorld;
  const buyer = user('escrow-buyer', 'BankMSP');
  let buyerEid: string;
  let meter: SimMeter;
  let posted: Order;

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    meter = await w.meter(buyer, buyerEid);
    posted = await w.mk<Order>('PostOrder', buyer, order(buyerEid, 'buy', meter, 5000, 20, 0));
  });

  it('the platform operator can neither capture nor release a buy order\'s escrow, and nothing changes', async () => {
    const holdId = posted.holdId ?? '';
    const before = w.stateFingerprint();
    const capture = await w.fails('token', 'CaptureHold', operator, { holdId, amount: '100' });
    expect(capture.message).to.match(/^ACCESS_DENIED: .*market escrow/);
    const release = await w.fails('token', 'ReleaseHold', operator, { holdId });
    expect(release.message).to.match(/^ACCESS_DENIED: .*market escrow/);
    expect(w.stateFingerprint()).to.equal(before);
    expect(await w.balance('sys:fees', 'DECC')).to.equal(0n);
    await w.expectInvariants();
  });

  it('the owner still gets it back by cancelling, and settlement still closes it', async () => {
    const cancelled = await w.mk<Order>('CancelOrder', buyer, { orderId: posted.id });
    expect(cancelled.released).to.equal('100');
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n);
    const again = await w.mk<Order>('PostOrder', buyer, order(buyerEid, 'buy', meter, 5000, 20, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: again.slot, zone: again.zone });
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: again.slot, zone: again.zone });
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n);
    await w.expectInvariants();
  });
});
