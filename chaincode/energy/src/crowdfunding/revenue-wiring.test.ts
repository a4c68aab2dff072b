/**
 * Issue 16, item 1: a station's market proceeds assigned to a succeeded
 * crowdfunding project accrue to the project on settlement (its revenue
 * account and `revenue.DECC`), and the next DECC dividend pays them out to
 * the certificates' holders at the declaration (a certificate's new holder
 * included). Refusals change nothing; the token audit holds throughout.
 */
import { failure, type TestCaller } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { dec, operator, regulator, user } from '../test-support/energy-world';
import { MarketWorld, MIN, order, SLOT, SLOT_MS, type SimMeter } from '../test-support/market-world';
import type { Assignment } from '../market/state';
import { CrowdfundingContract } from './contract';
import type { Project } from './state';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('revenue wiring: market proceeds assigned to a crowdfunding project (issue 16, item 1)', () => {
  let w: MarketWorld;
  const cf = new CrowdfundingContract();
  const owner = user('rw-owner');
  const buyer = user('rw-buyer', 'BankMSP');
  const f1 = user('rw-f1', 'BankMSP');
  const f2 = user('rw-f2', 'LessorMSP');
  const heir = user('rw-heir', 'LessorMSP');
  let ownerEid: string, f1Eid: string, f2Eid: string, heirEid: string;
  let sm: SimMeter;
  let bm: SimMeter;
  let buyerEid: string;

  const cfCall = async <T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> =>
    (await w.h.invoke(cf, method, caller, [JSON.stringify(input)])).result as T;

  async function project(closed: boolean): Promise<string> {
    const p = await cfCall<Project>('SubmitPlan', owner, {
      fundraiser: ownerEid, title: 'Station PV', target: dec(1000), minSubscription: dec(10), maxSubscription: dec(600),
      deadline: new Date(SLOT_MS + 10 * 1440 * MIN).toISOString(), closeOnTarget: true,
      budget: [{ purpose: 'panels', amount: dec(1000) }], dividend: { shareBps: 8000, periodMinutes: 60 }, documents: [hash('prospectus')],
    });
    await cfCall('AuditPlan', operator, { projectId: p.id, approve: true });
    await cfCall('Launch', owner, { projectId: p.id });
    if (closed) {
      await cfCall('Subscribe', f1, { projectId: p.id, funder: f1Eid, amount: dec(600) });
      await cfCall('Subscribe', f2, { projectId: p.id, funder: f2Eid, amount: dec(400) });
      expect((await cfCall<Project>('Close', operator, { projectId: p.id })).status).to.equal('succeeded');
    }
    return p.id;
  }

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    w.at(SLOT_MS - 50 * MIN);
    ownerEid = await w.trader(owner, ['producer', 'fundraiser'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    for (const [c, set] of [[f1, (e: string) => (f1Eid = e)], [f2, (e: string) => (f2Eid = e)]] as const) {
      const eid = await w.onboard(c, ['funder']);
      await w.fundDec(eid, 1000);
      set(eid);
    }
    heirEid = await w.onboard(heir, ['funder']);
    sm = await w.meter(owner, ownerEid);
    bm = await w.meter(buyer, buyerEid);
  });

  it('settlement pays the assignment\'s share into the project\'s revenue account; the DECC dividend pays it to the holders, the new holder included', async () => {
    // The plan is audited before the station trades (an open sell order is an open obligation on the deposit).
    const projectId = await project(true);
    await w.mk('PostOrder', owner, order(ownerEid, 'sell', sm, 6000, 30, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', bm, 6000, 30, 0));
    w.at(SLOT_MS - 30 * MIN);
    const a = await w.mk<Assignment>('AssignRevenue', owner, { meter: sm.eid, beneficiary: projectId, cap: '100' });
    expect(a.beneficiary).to.equal(projectId);
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 6000 }, { m: bm, importWh: 6000 }]);
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    // 6 kWh × 30 = 180, fee 1: 100 (the cap) to the project, 79 to the station owner; nothing to the fundraiser's own account from the project's part.
    expect(await w.balance(ownerEid, 'DECC')).to.equal(79n);
    const accrued = await cfCall<Project & { balances: { revenue: { DECC: string } } }>('GetProject', regulator, { projectId });
    expect(accrued.revenue).to.deep.equal({ DEC: '0', DECC: '100' });
    expect(accrued.balances.revenue.DECC).to.equal('100');
    expect(await w.mk<Assignment>('GetAssignment', regulator, { assignmentId: a.id })).to.include({ status: 'fulfilled', paid: '100' });

    // f1 splits 200 of its 600 units to a new holder; the dividend follows the units.
    await cfCall('TransferCertificate', f1, { certificateId: `${projectId}/0`, to: heirEid, units: dec(200) });
    w.at(SLOT_MS + 24 * 60 * MIN);
    const period = await cfCall<{ pool: string; ownerShare: string }>('DeclareDividend', owner, { projectId, asset: 'DECC', period: 1 });
    expect(period).to.include({ pool: '80', ownerShare: '20' });
    const paid = await cfCall<{ payouts: { holder: string; amount: string }[] }>('PayDividends', operator, { projectId, asset: 'DECC', period: 1, pageSize: 10 });
    expect(paid.payouts.map((p) => [p.holder, p.amount])).to.deep.equal([[f1Eid, '32'], [f2Eid, '32'], [heirEid, '16']]);
    expect(await w.balance(heirEid, 'DECC')).to.equal(16n);
    expect(await w.balance(ownerEid, 'DECC')).to.equal(99n);
    expect((await cfCall<{ balances: { revenue: { DECC: string } } }>('GetProject', regulator, { projectId })).balances.revenue.DECC).to.equal('0');
    await w.expectInvariants();
  });

  it('refuses a project that has not succeeded, an unknown project, and a malformed beneficiary; nothing changes', async () => {
    const open = await project(false);
    const fingerprint = w.stateFingerprint();
    const notYet = await w.mkFails('AssignRevenue', owner, { meter: sm.eid, beneficiary: open, cap: '100' });
    expect(notYet.message).to.match(/^CONFLICT: project proj:[0-9a-f]{32} is open; revenue can be assigned only to a succeeded project/);
    const unknown = await w.mkFails('AssignRevenue', owner, { meter: sm.eid, beneficiary: `proj:${'f'.repeat(32)}`, cap: '100' });
    expect(unknown.message).to.match(/NOT_FOUND/);
    const malformed = await w.mkFails('AssignRevenue', owner, { meter: sm.eid, beneficiary: 'cf-revenue:abc', cap: '100' });
    expect(malformed.message).to.contain('request.beneficiary');
    expect(w.stateFingerprint()).to.equal(fingerprint);
  });

  it("only the platform operator releases a project's assignment (not the station owner, not the fundraiser)", async () => {
    const projectId = await project(true);
    const a = await w.mk<Assignment>('AssignRevenue', owner, { meter: sm.eid, beneficiary: projectId, cap: '100' });
    const fingerprint = w.stateFingerprint();
    const denied = await failure(w.mk('ReleaseAssignment', owner, { assignmentId: a.id }), 'market:ReleaseAssignment');
    expect(denied.message).to.match(/ACCESS_DENIED|FORBIDDEN|operator/i);
    expect(w.stateFingerprint()).to.equal(fingerprint);
    expect(await w.mk<Assignment>('ReleaseAssignment', operator, { assignmentId: a.id })).to.include({ status: 'released' });
  });
});
