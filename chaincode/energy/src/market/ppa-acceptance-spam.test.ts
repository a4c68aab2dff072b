/**
 * Issue 13, item 5 (accepted PPAs): `market:Match` and `SettlePpa` used to
 * read every accepted PPA of the zone (an unbounded range). Two colluding
 * holders (or one holder with two eIDs) could accept PPAs between their own
 * meters while a Match or SettlePpa was in flight and make it fail with a
 * phantom-read conflict, as often as they liked, and the read grew with every
 * PPA the zone ever had. Now both read, per meter they concern, only accepted
 * PPAs ending at or after the slot, at most MAX_LIVE_PPAS_PER_METER + 1 keys;
 * a meter holds at most MAX_LIVE_PPAS_PER_METER PPAs within the settlement
 * horizon (refused at proposal, naming the field, and again at acceptance).
 */
import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { gridOperator, operator, user } from '../test-support/energy-world';
import { iso, MarketWorld, MIN, order, SLOT, SLOT_MS, type SimMeter } from '../test-support/market-world';
import type { Ppa } from './state';
import { MAX_LIVE_PPAS_PER_METER } from './store';

describe('accepted PPAs cannot break Match or SettlePpa (issue 13, item 5)', () => {
  let w: MarketWorld;
  const seller = user('pa-seller');
  const buyer = user('pa-buyer', 'BankMSP');
  const spamSeller = user('pa-spam-s', 'LessorMSP');
  const spamBuyer = user('pa-spam-b', 'SupplierMSP');
  let sellerEid: string, buyerEid: string, spamSellerEid: string, spamBuyerEid: string;
  let sm: SimMeter, bm: SimMeter, xs: SimMeter, xb: SimMeter;

  const ppaInput = (s: { eid: string; m: SimMeter }, b: { eid: string; m: SimMeter }, firstMs: number, lastMs = firstMs) => ({
    seller: s.eid, sellerMeter: s.m.eid, buyer: b.eid, buyerMeter: b.m.eid, zone: 'ZONE-A', quantityWh: '100', price: '1', firstSlot: iso(firstMs), lastSlot: iso(lastMs),
  });
  /** Endorses ProposePpa + AcceptPpa by the colluding pair and commits each in its own block. */
  const spamPpa = async (sim: BlockSimulator, firstMs: number): Promise<void> => {
    const p = await sim.endorse({ contract: w.market, method: 'ProposePpa', caller: spamSeller, args: [JSON.stringify(ppaInput({ eid: spamSellerEid, m: xs }, { eid: spamBuyerEid, m: xb }, firstMs))] }, w.h.nowMs);
    expect(p.error?.message).to.equal(undefined);
    expect(sim.commitBlock([p], w.h.nowMs)).to.deep.equal(['VALID']);
    const a = await sim.endorse({ contract: w.market, method: 'AcceptPpa', caller: spamBuyer, args: [JSON.stringify({ ppaId: (p.result as Ppa).id })] }, w.h.nowMs);
    expect(a.error?.message).to.equal(undefined);
    expect(sim.commitBlock([a], w.h.nowMs)).to.deep.equal(['VALID']);
  };

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    sellerEid = await w.trader(seller, ['producer'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    spamSellerEid = await w.trader(spamSeller, ['producer'], 0);
    spamBuyerEid = await w.trader(spamBuyer, ['consumer'], 10);
    sm = await w.meter(seller, sellerEid);
    bm = await w.meter(buyer, buyerEid);
    xs = await w.meter(spamSeller, spamSellerEid);
    xb = await w.meter(spamBuyer, spamBuyerEid);
  });

  it('Match commits VALID although PPAs in its zone were accepted after it was endorsed; it reads PPA ranges only of the book\'s meters', async () => {
    await w.mk('PostOrder', seller, order(sellerEid, 'sell', sm, 1000, 20, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', bm, 1000, 20, 0));
    w.at(SLOT_MS - 5 * MIN);
    const sim = new BlockSimulator(w.h.world, 'ppa-match');
    const match = await sim.endorse({ contract: w.market, method: 'Match', caller: operator, args: [JSON.stringify({ slot: SLOT, zone: 'ZONE-A' })] }, w.h.nowMs);
    expect(match.error?.message).to.equal(undefined);
    for (let i = 0; i < 3; i++) await spamPpa(sim, SLOT_MS + 15 * MIN);
    expect(sim.commitBlock([match], w.h.nowMs)).to.deep.equal(['VALID']);
    const ppaRanges = match.ranges.filter((r) => r.includes('market.ppa'));
    expect(ppaRanges.length).to.equal(2);
    expect(ppaRanges.every((r) => r.includes(sm.eid) || r.includes(bm.eid))).to.equal(true);
  });

  it('SettlePpa commits VALID although PPAs in its zone were accepted after it was endorsed', async () => {
    const p = await w.mk<Ppa>('ProposePpa', seller, ppaInput({ eid: sellerEid, m: sm }, { eid: buyerEid, m: bm }, SLOT_MS));
    await w.mk('AcceptPpa', buyer, { ppaId: p.id });
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 100 }, { m: bm, importWh: 100 }]);
    w.at(SLOT_MS + 45 * MIN);
    const sim = new BlockSimulator(w.h.world, 'ppa-settle');
    const settle = await sim.endorse({ contract: w.market, method: 'SettlePpa', caller: buyer, args: [JSON.stringify({ ppaId: p.id, slot: SLOT })] }, w.h.nowMs);
    expect(settle.error?.message).to.equal(undefined);
    await spamPpa(sim, SLOT_MS + 60 * MIN);
    expect(sim.commitBlock([settle], w.h.nowMs)).to.deep.equal(['VALID']);
    expect(await w.balance(sellerEid, 'DECC')).to.equal(BigInt((settle.result as { settlement: { paid: string } }).settlement.paid));
  });

  it(`refuses a ${MAX_LIVE_PPAS_PER_METER + 1}th live PPA on a meter, at proposal (naming the field) and at acceptance, and nothing changes`, async () => {
    const pending = await w.mk<Ppa>('ProposePpa', spamSeller, ppaInput({ eid: spamSellerEid, m: xs }, { eid: buyerEid, m: bm }, SLOT_MS));
    for (let i = 0; i < MAX_LIVE_PPAS_PER_METER; i++) {
      const p = await w.mk<Ppa>('ProposePpa', spamSeller, ppaInput({ eid: spamSellerEid, m: xs }, { eid: spamBuyerEid, m: xb }, SLOT_MS));
      await w.mk('AcceptPpa', spamBuyer, { ppaId: p.id });
    }
    const fingerprint = w.stateFingerprint();
    const proposal = await w.mkFails('ProposePpa', spamSeller, ppaInput({ eid: spamSellerEid, m: xs }, { eid: buyerEid, m: bm }, SLOT_MS));
    expect(proposal.message).to.match(new RegExp(`^VALIDATION: request\\.sellerMeter: meter ${xs.eid} already has ${MAX_LIVE_PPAS_PER_METER} accepted PPAs`));
    const accept = await w.mkFails('AcceptPpa', buyer, { ppaId: pending.id });
    expect(accept.message).to.match(new RegExp(`^CONFLICT: PPA ${pending.id}'s sellerMeter: meter ${xs.eid} already has ${MAX_LIVE_PPAS_PER_METER}`));
    expect(w.stateFingerprint()).to.equal(fingerprint);
    // The buyer's meter is not affected by the spammer's full one.
    await w.mk('ProposePpa', seller, ppaInput({ eid: sellerEid, m: sm }, { eid: buyerEid, m: bm }, SLOT_MS));
  });

  it('a PPA that ended before the settlement horizon leaves the count; SettlePpa refuses a slot past its settlement window', async () => {
    const p = await w.mk<Ppa>('ProposePpa', seller, ppaInput({ eid: sellerEid, m: sm }, { eid: buyerEid, m: bm }, SLOT_MS));
    await w.mk('AcceptPpa', buyer, { ppaId: p.id });
    // slot 15 + grace 30 + window 1440 minutes after the slot start, and one minute more.
    w.at(SLOT_MS + (15 + 30 + 1440 + 1) * MIN);
    const fingerprint = w.stateFingerprint();
    expect((await w.mkFails('SettlePpa', buyer, { ppaId: p.id, slot: SLOT })).message).to.match(/^CONFLICT: slot .* could be settled until/);
    expect(w.stateFingerprint()).to.equal(fingerprint);
  });

  it("a stranger's PPA proposals do not reach what the counterparty's Leave reads", async () => {
    const own = await w.mk<Ppa>('ProposePpa', buyer, ppaInput({ eid: sellerEid, m: sm }, { eid: buyerEid, m: bm }, SLOT_MS));
    await w.mk('TerminatePpa', buyer, { ppaId: own.id, reason: 'changed my mind' });
    const sim = new BlockSimulator(w.h.world, 'ppa-leave');
    const leave = await sim.endorse({ contract: w.market, method: 'Leave', caller: buyer, args: [JSON.stringify({ eid: buyerEid })] }, w.h.nowMs);
    expect(leave.error?.message).to.equal(undefined);
    const stranger = await sim.endorse({ contract: w.market, method: 'ProposePpa', caller: spamSeller, args: [JSON.stringify(ppaInput({ eid: spamSellerEid, m: xs }, { eid: buyerEid, m: bm }, SLOT_MS))] }, w.h.nowMs);
    expect(sim.commitBlock([stranger], w.h.nowMs)).to.deep.equal(['VALID']);
    expect(sim.commitBlock([leave], w.h.nowMs)).to.deep.equal(['VALID']);
  });

  it('one emergency offer per storage owner (DispatchEmergency reads every offer), and a second changes nothing', async () => {
    const gridEid = await w.trader(gridOperator, ['grid'], 10);
    const owner = user('pa-storage');
    const ownerEid = await w.trader(owner, ['storage-owner'], 0);
    const om = await w.meter(owner, ownerEid);
    const e = await w.mk<{ id: string }>('PostEmergency', gridOperator, { grid: gridEid, zone: 'ZONE-A', slot: SLOT, quantityWh: '1000', price: '1', latE6: 0, lonE6: 0 });
    const offer = { emergencyId: e.id, eid: ownerEid, meter: om.eid, quantityWh: '500', latE6: 0, lonE6: 0 };
    await w.mk('OfferEmergency', owner, offer);
    const fingerprint = w.stateFingerprint();
    expect((await w.mkFails('OfferEmergency', owner, offer)).message).to.match(new RegExp(`^CONFLICT: ${ownerEid} already offered on emergency ${e.id}`));
    expect(w.stateFingerprint()).to.equal(fingerprint);
  });
});
