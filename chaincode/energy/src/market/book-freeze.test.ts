/**
 * Issue 13, item 1: once matching of a slot+zone starts, its orders are frozen
 * in a way MVCC enforces. An order mutation endorsed before the gate (honestly
 * timestamped) and held until after `market:Match` committed must be
 * invalidated at commit, not just refused by a timestamp check it already
 * passed. Before the fix, such a CancelOrder committed VALID: the buyer's
 * escrow went back to the buyer and settlement then dropped the order, so the
 * seller who delivered was never paid. The real-network twin of this test is
 * e2e/src/security/energy-market-freeze.it.test.ts.
 */
import { BlockSimulator, type Endorsement } from '@dec/chaincode-kit/testing';
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { operator, user } from '../test-support/energy-world';
import { MarketWorld, MIN, order, SLOT, SLOT_MS, type SimMeter } from '../test-support/market-world';
import type { Clearing, Order } from './state';

describe('the order book of a slot freezes when matching starts (issue 13, item 1)', () => {
  let w: MarketWorld;
  let sim: BlockSimulator;
  const seller = user('freeze-seller');
  const buyer = user('freeze-buyer', 'BankMSP');
  let sellerEid: string, buyerEid: string;
  let sm: SimMeter, bm: SimMeter;
  let buy: Order;

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    sellerEid = await w.trader(seller, ['producer'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    sm = await w.meter(seller, sellerEid);
    bm = await w.meter(buyer, buyerEid);
    await w.mk('PostOrder', seller, order(sellerEid, 'sell', sm, 1000, 20, 10));
    buy = await w.mk<Order>('PostOrder', buyer, order(buyerEid, 'buy', bm, 1000, 30, 0));
    sim = new BlockSimulator(w.h.world, 'frz');
  });

  const endorse = (method: string, caller: TestCaller, input: unknown, timeMs: number): Promise<Endorsement> =>
    sim.endorse({ contract: w.market, method, caller, args: [JSON.stringify(input)] }, timeMs);

  /** Endorses `held` one minute before the gate, commits Match at the gate, then submits `held`. */
  async function heldAcrossMatch(method: string, caller: TestCaller, input: unknown, matchPageSize = 100): Promise<string | undefined> {
    const held = await endorse(method, caller, input, SLOT_MS - 6 * MIN);
    expect(held.error?.message).to.equal(undefined);
    w.at(SLOT_MS - 5 * MIN);
    const match = await endorse('Match', operator, { slot: SLOT, zone: 'ZONE-A', pageSize: matchPageSize }, w.h.nowMs);
    expect(sim.commitBlock([match], w.h.nowMs)).to.deep.equal(['VALID']);
    return sim.commitBlock([held], w.h.nowMs)[0];
  }

  it('a CancelOrder endorsed before the gate and submitted after Match is invalidated; the seller is paid for what it delivered', async () => {
    expect(await heldAcrossMatch('CancelOrder', buyer, { orderId: buy.id })).to.equal('MVCC_READ_CONFLICT');
    expect((await w.mk<{ order: Order }>('GetOrder', buyer, { orderId: buy.id })).order.status).to.equal('open');
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 1000 }, { m: bm, importWh: 1000 }]);
    w.at(SLOT_MS + 45 * MIN);
    const settled = await w.mk<{ clearing: Clearing }>('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    expect(settled.clearing.totals).to.include({ deliveredWh: '1000', paid: '20' });
    expect(await w.balance(sellerEid, 'DECC')).to.equal(20n);
    await w.expectInvariants();
  });

  it('an AmendOrder to a lower limit held the same way is invalidated, and settlement does not fail', async () => {
    expect(await heldAcrossMatch('AmendOrder', buyer, { orderId: buy.id, limitPrice: '10' })).to.equal('MVCC_READ_CONFLICT');
    expect((await w.mk<{ order: Order }>('GetOrder', buyer, { orderId: buy.id })).order.limitPrice).to.equal('30');
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 1000 }, { m: bm, importWh: 1000 }]);
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    expect(await w.balance(sellerEid, 'DECC')).to.equal(20n);
    await w.expectInvariants();
  });

  it('a PostOrder endorsed before the gate cannot land between Match pages', async () => {
    const second = user('freeze-buyer-2', 'BankMSP');
    const secondEid = await w.trader(second, ['consumer'], 10);
    const m2 = await w.meter(second, secondEid);
    await w.mk('PostOrder', second, order(secondEid, 'buy', m2, 500, 30, 5));
    const late = user('freeze-late', 'BankMSP');
    const lateEid = await w.trader(late, ['consumer'], 10);
    const lm = await w.meter(late, lateEid);
    expect(await heldAcrossMatch('PostOrder', late, order(lateEid, 'buy', lm, 500, 40, 1), 1)).to.equal('MVCC_READ_CONFLICT');
    const rest = await endorse('Match', operator, { slot: SLOT, zone: 'ZONE-A', pageSize: 1 }, w.h.nowMs);
    expect(rest.error?.message).to.equal(undefined);
    expect(sim.commitBlock([rest], w.h.nowMs)).to.deep.equal(['VALID']);
  });

  it('once Match has committed, order changes of the slot are refused at endorsement and write nothing', async () => {
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    // Even with a proposal timestamp before the gate (peers accept clocks 15 minutes off).
    w.at(SLOT_MS - 10 * MIN);
    const before = w.stateFingerprint();
    expect((await w.mkFails('CancelOrder', buyer, { orderId: buy.id })).message).to.match(/^CONFLICT: .*frozen/);
    expect((await w.mkFails('AmendOrder', buyer, { orderId: buy.id, quantityWh: '10' })).message).to.match(/^CONFLICT: .*frozen/);
    expect((await w.mkFails('PostOrder', buyer, order(buyerEid, 'buy', bm, 10, 30, 0))).message).to.match(/^CONFLICT: .*frozen/);
    expect(w.stateFingerprint()).to.equal(before);
  });
});
