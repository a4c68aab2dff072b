/**
 * Issue 13, item 5 (the PPA part): any holder can propose PPAs in a zone, and
 * `market:Match` / `SettlePpa` range-read the zone's PPAs. Before the fix a
 * proposal was written into that range, so a stream of proposals in a zone
 * made every Match of the zone fail with a phantom-read conflict. Proposals
 * now live outside the range until the other party accepts them.
 */
import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { operator, user } from '../test-support/energy-world';
import { iso, MarketWorld, MIN, order, SLOT, SLOT_MS } from '../test-support/market-world';
import type { Ppa } from './state';

describe('PPA proposals do not reach the range Match reads (issue 13, item 5)', () => {
  it('Match commits VALID although proposals in its zone committed after it was endorsed; acceptance still counts', async () => {
    const w = new MarketWorld();
    await w.setup();
    const seller = user('spam-seller');
    const buyer = user('spam-buyer', 'BankMSP');
    const spammer = user('spammer', 'LessorMSP');
    const sellerEid = await w.trader(seller, ['producer'], 0);
    const buyerEid = await w.trader(buyer, ['consumer'], 10);
    const spammerEid = await w.trader(spammer, ['producer'], 0);
    const sm = await w.meter(seller, sellerEid);
    const bm = await w.meter(buyer, buyerEid);
    const xm = await w.meter(spammer, spammerEid);
    await w.mk('PostOrder', seller, order(sellerEid, 'sell', sm, 1000, 20, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', bm, 1000, 20, 0));
    w.at(SLOT_MS - 5 * MIN);
    const sim = new BlockSimulator(w.h.world, 'spam');
    const match = await sim.endorse({ contract: w.market, method: 'Match', caller: operator, args: [JSON.stringify({ slot: SLOT, zone: 'ZONE-A' })] }, w.h.nowMs);
    const spam = [];
    for (let i = 0; i < 3; i++) {
      const proposal = { seller: spammerEid, sellerMeter: xm.eid, buyer: buyerEid, buyerMeter: bm.eid, zone: 'ZONE-A', quantityWh: String(1 + i), price: '1', firstSlot: iso(SLOT_MS + 15 * MIN), lastSlot: iso(SLOT_MS + 15 * MIN) };
      const e = await sim.endorse({ contract: w.market, method: 'ProposePpa', caller: spammer, args: [JSON.stringify(proposal)] }, w.h.nowMs);
      spam.push(e);
      // Each proposal commits in its own block after Match was endorsed.
      expect(sim.commitBlock([e], w.h.nowMs)).to.deep.equal(['VALID']);
    }
    expect(sim.commitBlock([match], w.h.nowMs)).to.deep.equal(['VALID']);
    // A proposal is still found by its ID, and once accepted it is a PPA of the zone.
    const first = spam[0]?.result as Ppa;
    expect((await w.mk<Ppa>('GetPpa', spammer, { ppaId: first.id })).status).to.equal('proposed');
    expect((await w.mk<Ppa>('AcceptPpa', buyer, { ppaId: first.id })).status).to.equal('active');
    expect((await w.mk<Ppa>('GetPpa', buyer, { ppaId: first.id })).status).to.equal('active');
  });
});
