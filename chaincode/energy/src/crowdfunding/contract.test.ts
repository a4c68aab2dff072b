/**
 * Crowdfunding through the contract on the in-memory ledger: a campaign that
 * succeeds (subscriptions, certificates, a split transfer, drawdowns against
 * the budget, revenue, a dividend period paid to the new holder) and one that
 * fails (every funder refunded to the unit), with the refusals the issue names
 * and proof that a refusal writes nothing.
 */
import { expect } from 'chai';
import { dec, operator, user } from '../test-support/energy-world';
import { CrowdfundingWorld, DAY, hash } from './cf-world';
import type { Certificate, DividendPeriod, Project } from './state';

describe('crowdfunding contract', () => {
  describe('plans and audit', () => {
    let w: CrowdfundingWorld;
    beforeEach(async () => {
      w = new CrowdfundingWorld();
      await w.setup();
    });

    it('refuses a budget that does not add up to the target, naming the field, and writes nothing', async () => {
      const before = w.stateFingerprint();
      const err = await w.cfFails('SubmitPlan', w.fundraiser, w.plan({ budget: [{ purpose: 'panels', amount: dec(999) }] }));
      expect(err.message).to.match(/request\.budget: must add up to the target/);
      expect(w.stateFingerprint()).to.equal(before);
    });

    it('refuses min above max, a past deadline and a caller without the fundraiser role', async () => {
      expect((await w.cfFails('SubmitPlan', w.fundraiser, w.plan({ minSubscription: dec(700) }))).message).to.match(/request\.minSubscription/);
      expect((await w.cfFails('SubmitPlan', w.fundraiser, w.plan({ deadline: '2025-01-01T00:00:00Z' }))).message).to.match(/request\.deadline/);
      const other = user('not-a-fundraiser');
      const eid = await w.onboard(other, ['funder']);
      expect((await w.cfFails('SubmitPlan', other, w.plan({ fundraiser: eid }))).message).to.match(/no granted role fundraiser/);
      expect((await w.cfFails('SubmitPlan', other, w.plan())).message).to.match(/not bound/);
    });

    it('approves only when every stated check passes; records the checks; only an audited plan launches', async () => {
      const poor = new CrowdfundingWorld();
      await poor.setup(0);
      const p = await poor.cfCall<Project>('SubmitPlan', poor.fundraiser, poor.plan());
      expect((await poor.cfFails('Launch', poor.fundraiser, { projectId: p.id })).message).to.match(/is submitted, not audited/);
      expect((await poor.cfFails('AuditPlan', operator, { projectId: p.id, approve: true })).message).to.match(/deposit-held/);
      expect((await poor.cfFails('AuditPlan', poor.fundraiser, { projectId: p.id, approve: true })).message).to.match(/platform operator/);
      const rejected = await poor.cfCall<Project>('AuditPlan', operator, { projectId: p.id, approve: false, note: 'no deposit' });
      expect(rejected.status).to.equal('rejected');
      expect(rejected.audit?.checks.find((c) => c.name === 'deposit-held')?.ok).to.equal(false);
      const ok = await w.openProject();
      expect(ok.status).to.equal('open');
    });
  });

  describe('a campaign that succeeds', () => {
    const w = new CrowdfundingWorld();
    let project: Project;
    let a: { caller: ReturnType<typeof user>; eid: string };
    let b: typeof a;
    let c: typeof a;

    before(async () => {
      await w.setup();
      project = await w.openProject();
      a = await w.funder('alice');
      b = await w.funder('bob');
      c = await w.funder('carol');
    });

    it('escrows subscriptions and refuses one beyond the maximum or below the minimum, writing nothing', async () => {
      await w.cfCall('Subscribe', a.caller, { projectId: project.id, funder: a.eid, amount: dec(500) });
      const before = w.stateFingerprint();
      expect((await w.cfFails('Subscribe', a.caller, { projectId: project.id, funder: a.eid, amount: dec(101) })).message).to.match(/request\.amount: a funder's subscription may total at most/);
      expect((await w.cfFails('Subscribe', b.caller, { projectId: project.id, funder: b.eid, amount: dec(5) })).message).to.match(/request\.amount: .*at least/);
      expect((await w.cfFails('Subscribe', b.caller, { projectId: project.id, funder: a.eid, amount: dec(50) })).message).to.match(/not bound/);
      expect(w.stateFingerprint()).to.equal(before);
      await w.cfCall('Subscribe', a.caller, { projectId: project.id, funder: a.eid, amount: dec(100) });
      await w.cfCall('Subscribe', b.caller, { projectId: project.id, funder: b.eid, amount: dec(400) });
      expect(await w.balance(a.eid, 'DEC')).to.equal(BigInt(dec(400)));
      expect((await w.cfFails('Close', operator, { projectId: project.id })).message).to.match(/closes at its deadline/);
      await w.expectInvariants();
    });

    it('refuses subscriptions after the deadline; closing then succeeds with certificates proportional to subscriptions', async () => {
      w.h.advance(11 * DAY);
      expect((await w.cfFails('Subscribe', c.caller, { projectId: project.id, funder: c.eid, amount: dec(10) })).message).to.match(/request\.projectId: subscriptions closed/);
      project = await w.cfCall<Project>('Close', c.caller, { projectId: project.id });
      expect(project.status).to.equal('succeeded');
      const certs = await w.cfCall<{ items: Certificate[] }>('Certificates', c.caller, { projectId: project.id });
      expect(certs.items.map((x) => [x.holder, x.units])).to.deep.equal([[a.eid, dec(600)], [b.eid, dec(400)]]);
    });

    it('transfers part of a certificate (split) and refuses more units than held', async () => {
      const id = `${project.id}/0`;
      expect((await w.cfFails('TransferCertificate', a.caller, { certificateId: id, to: c.eid, units: dec(601) })).message).to.match(/request\.units/);
      expect((await w.cfFails('TransferCertificate', b.caller, { certificateId: id, to: c.eid, units: dec(1) })).message).to.match(/not bound/);
      const r = await w.cfCall<{ from: Certificate; to: Certificate }>('TransferCertificate', a.caller, { certificateId: id, to: c.eid, units: dec(150) });
      expect(r.from.units).to.equal(dec(450));
      expect(r.to).to.include({ holder: c.eid, units: dec(150), id: `${project.id}/2` });
      const held = await w.cfCall<{ items: Certificate[] }>('HolderCertificates', c.caller, { holder: c.eid });
      expect(held.items.map((x) => x.id)).to.deep.equal([`${project.id}/2`]);
    });

    it('draws down only for budgeted purposes, within their budget', async () => {
      const draw = { projectId: project.id, purpose: 'marketing', amount: dec(1), evidenceHash: hash('invoice-1') };
      expect((await w.cfFails('Drawdown', w.fundraiser, draw)).message).to.match(/request\.purpose: is not in the budget/);
      expect((await w.cfFails('Drawdown', w.fundraiser, { ...draw, purpose: 'installation', amount: dec(301) })).message).to.match(/request\.amount: exceeds/);
      expect((await w.cfFails('Drawdown', a.caller, { ...draw, purpose: 'installation' })).message).to.match(/not bound/);
      const before = await w.balance(w.fundraiserEid, 'DEC');
      await w.cfCall('Drawdown', w.fundraiser, { ...draw, purpose: 'installation', amount: dec(300) });
      expect((await w.cfFails('Drawdown', w.fundraiser, { ...draw, purpose: 'installation', amount: '1' })).message).to.match(/request\.amount/);
      expect(await w.balance(w.fundraiserEid, 'DEC')).to.equal(before + BigInt(dec(300)));
      expect((await w.cfCall<{ balances: { escrow: string } }>('GetProject', operator, { projectId: project.id })).balances.escrow).to.equal(dec(700));
      await w.cfCall('ReportProgress', w.fundraiser, { projectId: project.id, evidenceHash: hash('photo'), note: 'installed' });
      await w.expectInvariants();
    });

    it('pays a dividend period pro rata to the holders at declaration, once', async () => {
      await w.cfCall('PayRevenue', w.fundraiser, { projectId: project.id, from: w.fundraiserEid, asset: 'DEC', amount: '1000001' });
      expect((await w.cfFails('DeclareDividend', w.fundraiser, { projectId: project.id, asset: 'DEC', period: 1 })).message).to.match(/request\.period: period 1 ends at/);
      w.h.advance(30 * DAY);
      const cBefore = await w.balance(c.eid, 'DEC');
      const period = await w.cfCall<DividendPeriod>('DeclareDividend', operator, { projectId: project.id, asset: 'DEC', period: 1 });
      expect(period).to.include({ accrued: '1000001', pool: '800000', ownerShare: '200001' });
      expect((await w.cfFails('TransferCertificate', c.caller, { certificateId: `${project.id}/2`, to: a.eid, units: '1' })).message).to.match(/being paid/);
      await w.cfCall('PayDividends', operator, { projectId: project.id, asset: 'DEC', period: 1, pageSize: 2 });
      const done = await w.cfCall<{ period: DividendPeriod; payouts: { holder: string; amount: string }[] }>('PayDividends', operator, { projectId: project.id, asset: 'DEC', period: 1, pageSize: 2 });
      expect(done.period.status).to.equal('paid');
      expect(done.payouts).to.deep.equal([{ holder: c.eid, certificateId: `${project.id}/2`, amount: '120000' }]);
      expect(await w.balance(c.eid, 'DEC')).to.equal(cBefore + 120000n);
      expect((await w.cfFails('PayDividends', operator, { projectId: project.id, asset: 'DEC', period: 1 })).message).to.match(/already paid/);
      expect((await w.cfFails('DeclareDividend', operator, { projectId: project.id, asset: 'DEC', period: 1 })).message).to.match(/request\.period: period 1 of DEC was already declared/);
      await w.expectInvariants();
    });
  });

  describe('a campaign that fails', () => {
    it('refunds every funder to the unit, a page at a time, and ends refunded', async () => {
      const w = new CrowdfundingWorld();
      await w.setup();
      const project = await w.openProject();
      const funders = [];
      for (const [i, amount] of ['10000000000000000001', '33333333333333333333', '123456789012345678901'].entries()) {
        const f = await w.funder(`f${i}`);
        funders.push({ ...f, before: await w.balance(f.eid, 'DEC') });
        await w.cfCall('Subscribe', f.caller, { projectId: project.id, funder: f.eid, amount });
      }
      w.h.advance(11 * DAY);
      expect((await w.cfCall<Project>('Close', operator, { projectId: project.id })).status).to.equal('failed');
      expect((await w.cfFails('Drawdown', w.fundraiser, { projectId: project.id, purpose: 'panels', amount: '1', evidenceHash: hash('x') })).message).to.match(/is failed/);
      await w.cfCall('Refund', operator, { projectId: project.id, pageSize: 2 });
      const last = await w.cfCall<{ project: Project }>('Refund', operator, { projectId: project.id, pageSize: 2 });
      expect(last.project.status).to.equal('refunded');
      expect(last.project.refunded).to.equal(last.project.raised);
      for (const f of funders) expect(await w.balance(f.eid, 'DEC')).to.equal(f.before);
      expect((await w.cfCall<{ balances: { escrow: string } }>('GetProject', operator, { projectId: project.id })).balances.escrow).to.equal('0');
      expect((await w.cfFails('Refund', operator, { projectId: project.id })).message).to.match(/is refunded/);
      await w.expectInvariants();
    });
  });

  describe('what an attacker may not do', () => {
    it('refuses to pay revenue from a system account, to declare for someone else\'s project, to move a certificate to an unapproved eID, or to subscribe to an unlaunched project; nothing is written', async () => {
      const w = new CrowdfundingWorld();
      await w.setup();
      const submitted = await w.cfCall<Project>('SubmitPlan', w.fundraiser, w.plan());
      const a = await w.funder('mallory');
      expect((await w.cfFails('Subscribe', a.caller, { projectId: submitted.id, funder: a.eid, amount: dec(10) })).message).to.match(/is submitted, not open/);
      const project = await w.openProject({ closeOnTarget: true, minSubscription: dec(1), maxSubscription: dec(1000) });
      await w.cfCall('Subscribe', a.caller, { projectId: project.id, funder: a.eid, amount: dec(1000) });
      await w.cfCall('Close', a.caller, { projectId: project.id });
      const pending = user('pending');
      const { eid: pendingEid } = await w.call<{ eid: string }>('identity', 'Register', pending, { kycHash: hash('pending'), roles: ['funder'] });
      const before = w.stateFingerprint();
      expect((await w.cfFails('PayRevenue', operator, { projectId: project.id, from: 'sys:fees', asset: 'DEC', amount: '1' })).message).to.match(/request\.from/);
      expect((await w.cfFails('DeclareDividend', a.caller, { projectId: project.id, asset: 'DEC', period: 1 })).message).to.match(/not bound/);
      expect((await w.cfFails('TransferCertificate', a.caller, { certificateId: `${project.id}/0`, to: pendingEid, units: '1' })).message).to.match(/pending and cannot receive/);
      expect((await w.cfFails('AuditPlan', operator, { projectId: project.id, approve: true })).message).to.match(/is succeeded, not submitted/);
      expect(w.stateFingerprint()).to.equal(before);
    });
  });
});
