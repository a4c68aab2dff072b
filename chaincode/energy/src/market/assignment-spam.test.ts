/**
 * Issue 13, item 5 (the assignment part): `market:Settle` pays a seller's
 * proceeds to the station's revenue assignments, read by a range over the
 * meter's assignments. Before the fix every assignment was in that range, so a
 * seller who assigned revenue of its own meter while a Settle page was in
 * flight made the whole page (every trade of it) fail with a phantom-read
 * conflict. Settlement now reads only assignments created before the slot
 * started (an ordered key range with an end key), at most MAX_ACTIVE_ASSIGNMENTS
 * of them, and a meter cannot hold more active ones than that.
 */
import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { operator, regulator, user } from '../test-support/energy-world';
import { MarketWorld, MIN, order, SLOT, SLOT_MS, type SimMeter } from '../test-support/market-world';
import { MAX_ACTIVE_ASSIGNMENTS } from './store';
import type { Assignment } from './state';

describe('revenue assignments cannot break settlement (issue 13, item 5)', () => {
  let w: MarketWorld;
  const seller = user('asg-seller');
  const buyer = user('asg-buyer', 'BankMSP');
  const bank = user('asg-bank', 'BankMSP');
  let sellerEid: string;
  let buyerEid: string;
  let bankEid: string;
  let sm: SimMeter;

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    sellerEid = await w.trader(seller, ['producer'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    bankEid = await w.onboard(bank, ['funder']);
    sm = await w.meter(seller, sellerEid);
    const bm = await w.meter(buyer, buyerEid);
    await w.mk('PostOrder', seller, order(sellerEid, 'sell', sm, 6000, 30, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', bm, 6000, 30, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 6000 }, { m: bm, importWh: 6000 }]);
  });

  it('Settle commits VALID although the seller assigned its meter\'s revenue after Settle was endorsed; that assignment waits for later slots', async () => {
    w.at(SLOT_MS + 45 * MIN);
    const sim = new BlockSimulator(w.h.world, 'asg');
    const settle = await sim.endorse({ contract: w.market, method: 'Settle', caller: operator, args: [JSON.stringify({ slot: SLOT, zone: 'ZONE-A' })] }, w.h.nowMs);
    expect(settle.error?.message).to.equal(undefined);
    const assign = await sim.endorse({ contract: w.market, method: 'AssignRevenue', caller: seller, args: [JSON.stringify({ meter: sm.eid, beneficiary: bankEid, cap: '100' })] }, w.h.nowMs);
    expect(sim.commitBlock([assign], w.h.nowMs)).to.deep.equal(['VALID']);
    expect(sim.commitBlock([settle], w.h.nowMs)).to.deep.equal(['VALID']);
    // 6 kWh × 30 = 180, fee 1: all 179 to the seller; the new assignment covers slots after it.
    expect(await w.balance(sellerEid, 'DECC')).to.equal(179n);
    expect(await w.balance(bankEid, 'DECC')).to.equal(0n);
    const a = assign.result as Assignment;
    expect(await w.mk<Assignment>('GetAssignment', regulator, { assignmentId: a.id })).to.include({ status: 'active', paid: '0' });
    await w.expectInvariants();
  });

  it('an assignment made before the slot is paid; once fulfilled it leaves the range settlement reads', async () => {
    w.at(SLOT_MS - 30 * MIN); // (the world clock may go back: the tx timestamp is what counts)
    const a = await w.mk<Assignment>('AssignRevenue', seller, { meter: sm.eid, beneficiary: bankEid, cap: '100' });
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    expect(await w.balance(bankEid, 'DECC')).to.equal(100n);
    expect(await w.balance(sellerEid, 'DECC')).to.equal(79n);
    expect(await w.mk<Assignment>('GetAssignment', regulator, { assignmentId: a.id })).to.include({ status: 'fulfilled', paid: '100' });
    expect((await w.mk<{ items: Assignment[] }>('AssignmentsOf', regulator, { meter: sm.eid })).items).to.deep.equal([]);
    await w.expectInvariants();
  });

  it(`refuses more than ${MAX_ACTIVE_ASSIGNMENTS} active assignments of one meter, and nothing changes`, async () => {
    for (let i = 0; i < MAX_ACTIVE_ASSIGNMENTS; i++) await w.mk('AssignRevenue', seller, { meter: sm.eid, beneficiary: bankEid, cap: '1' });
    const fingerprint = w.stateFingerprint();
    const err = await w.mkFails('AssignRevenue', seller, { meter: sm.eid, beneficiary: bankEid, cap: '1' });
    expect(err.message).to.match(new RegExp(`^CONFLICT: meter ${sm.eid} already has ${MAX_ACTIVE_ASSIGNMENTS} active revenue assignments`));
    expect(w.stateFingerprint()).to.equal(fingerprint);
  });
});
