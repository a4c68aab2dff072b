/**
 * Minimum credit scores on the real network, through REST (issue 18):
 *
 *   - scf: the regulator sets `minCreditScore`; a bank's offer to finance a rent
 *     receivable whose debtor (the project company) scores one point below it is
 *     refused (a committed refusal naming the field), and no financing exists; at exactly
 *     the minimum the offer goes through;
 *   - energy: a fundraiser's plan is audited with `requireCreditStanding`; without a
 *     standing, and with one below the regulator's `minCrowdfundingScore`, approval is
 *     refused; the standing is read from scf by the energy chaincode itself
 *     (`crowdfunding:AttestCreditStanding`, a cross-channel query on peers of orgs on
 *     both channels); at exactly the minimum the plan is approved.
 *
 * The fundraiser's eID is bound to the project company on scf the way the credit
 * service binds any station owner: its meter's income is assigned to the lease and linked.
 * The rules are restored to the floor (300) afterwards.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { startApiWorld, eventually, H, type ApiWorld } from '../api/api-world';
import { ActorPool, dec, enrollOperator, ensureGenesis, kycHash, untilFound, type Actor, type ApiClient } from '../index';

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const leaseId = `CM${tag}`;
const CF = '/api/v1/energy/crowdfunding';

describe('minimum credit scores: scf financing refused below the regulator minimum, crowdfunding audit refused below the crowdfunding minimum', function () {
  this.timeout(120_000);
  const pool = new ActorPool();
  let w: ApiWorld;
  let operator: Actor;
  let restOperator: ApiClient;
  let fundraiser: { actor: Actor; eid: string };
  let subject: string;
  let score: number;

  const setRules = async (rules: Record<string, number>): Promise<void> => {
    const r = await w.regulator.post('/api/v1/scf/rules/set-rules', rules);
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  };

  /** A participant of `roles` on LessorMSP, approved (and funded with 100 DEC). */
  async function participant(name: string, roles: string[]): Promise<{ actor: Actor; eid: string }> {
    const actor = await pool.enroll('LessorMSP', `cm${tag}-${name}`, {});
    const p = await actor.submit<{ eid: string }>('energy', 'identity:Register', { kycHash: kycHash(`${tag}-${name}`), roles });
    await untilFound(() => operator.submit('energy', 'identity:Approve', { eid: p.eid }));
    return { actor, eid: p.eid };
  }

  before(async function () {
    this.timeout(240_000);
    w = await startApiWorld();
    operator = await enrollOperator(pool);
    await ensureGenesis(operator);
    restOperator = await w.newUser('PlatformMSP', `cm-op-${tag}`, { role: 'operator' });
    const [f, lessor] = await Promise.all([participant('fundraiser', ['producer', 'fundraiser']), participant('lessor', ['producer', 'consumer'])]);
    fundraiser = f;
    await operator.submit('energy', 'token:ReleaseBatch', { pool: 'others', batchId: `cm-${tag}`, payouts: [{ to: f.eid, amount: dec(100) }] });
    await f.actor.submit('energy', 'token:LockDeposit', { account: f.eid, amount: dec(20) });

    // The fundraiser's station: a meter whose income is assigned to the lessor for the lease, linked on scf (binds its eID).
    const zone = `CM-${tag}`;
    await operator.submit('energy', 'market:ConfigureZone', { zone, slotMinutes: 1, gateMinutes: 0, graceMinutes: 0, settleWindowMinutes: 60, minDeposit: dec(10), feeBps: 250, toleranceBps: 500, penaltyPerKwh: '0' });
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const device = await f.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', { ownerEid: f.eid, kind: 'meter', serial: `CM-${tag}`, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), label: 'credit minimum meter' });
    await f.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone, ratedPowerW: 1_000_000, slotMinutes: 1 });
    const asg = await f.actor.submit<{ id: string }>('energy', 'market:AssignRevenue', { meter: device.eid, beneficiary: lessor.eid, cap: '1000000', ref: leaseId });

    const apply = await w.projectCompany.post('/api/v1/scf/leasing/apply', {
      leaseId, stationId: `ST-${tag}`, constructionApprovalHash: H('c'), equipment: [{ description: 'PV module 450W', quantity: 100 }], supplier: `SupplierMSP:sup-${w.run}`, amount: '1200000',
    });
    expect(apply.status, JSON.stringify(apply.body)).to.equal(200);
    subject = apply.body.result.projectCompany as string;
    const approved = await eventually(() => w.lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId, principal: '1200000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-31' }), (r) => r.status !== 404);
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const linked = await eventually(() => w.lessorOfficer.post('/api/v1/scf/collection/link', { leaseId, assignmentId: asg.id }), (r) => r.status !== 404);
    expect(linked.status, JSON.stringify(linked.body)).to.equal(200);
    const issued = await w.lessorOfficer.post('/api/v1/scf/receivables/issue', { leaseId });
    expect(issued.status, JSON.stringify(issued.body)).to.equal(200);
    const credit = await w.regulator.post('/api/v1/scf/credit/get', { subject });
    expect(credit.status, JSON.stringify(credit.body)).to.equal(200);
    score = credit.body.result.score as number;
  });

  after(async function () {
    this.timeout(60_000);
    await setRules({ minCreditScore: 300, minCrowdfundingScore: 300 });
    await w.close();
    pool.close();
  });

  it('scf: a receivable whose debtor scores one point below minCreditScore is refused (a committed refusal, nothing financed); at exactly the minimum it is offered', async () => {
    await setRules({ minCreditScore: score + 1 });
    const terms = { advanceRateBps: 7000, discountBps: 300, maturityDate: '2027-06-30', salt: randomBytes(16).toString('hex') };
    const financingId = `FM${tag}`;
    const offer = () => w.bankOfficer.post('/api/v1/scf/financing/offer', { input: { financingId, assetType: 'receivable', assetId: leaseId }, transient: { terms } });
    // A refusal commits only its alert and returns the refusal (scf README, "Refusals").
    const refused = await eventually(offer, (r) => r.status !== 404);
    expect(refused.status, JSON.stringify(refused.body)).to.equal(200);
    expect(refused.body.result).to.include({ refused: true, rule: 'min-credit-score', transaction: 'financing:Offer', detail: `minCreditScore: the debtor ${subject} has a credit score below the minimum ${score + 1}` });
    expect((await w.bankOfficer.post('/api/v1/scf/financing/get', { financingId })).status).to.equal(404);
    const check = await w.bankOfficer.post('/api/v1/scf/rules/check-financing', { assetType: 'receivable', assetId: leaseId, advanceRateBps: 7000 });
    const violations = check.body.result.violations as { rule: string }[];
    expect(violations.map((v) => v.rule)).to.deep.equal(['min-credit-score']);

    await setRules({ minCreditScore: score });
    const ok = await eventually(offer, (r) => r.body.result?.refused !== true);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body.result.status).to.equal('offered');
  });

  it('energy: the audit requiring a credit standing refuses without one and below the crowdfunding minimum, approves at exactly the minimum', async () => {
    const plan = await fundraiser.actor.submit<{ id: string }>('energy', 'crowdfunding:SubmitPlan', {
      fundraiser: fundraiser.eid, title: `Rooftop PV ${tag}`, target: dec(1000), minSubscription: dec(10), maxSubscription: dec(600),
      deadline: new Date(Date.now() + 3_600_000).toISOString(), budget: [{ purpose: 'panels', amount: dec(1000) }],
      dividend: { shareBps: 8000, periodMinutes: 1440 }, documents: [createHash('sha256').update(`prospectus-${tag}`).digest('hex')],
    });
    const audit = { projectId: plan.id, approve: true, requireCreditStanding: true };
    const none = await eventually(() => restOperator.post(`${CF}/audit-plan`, audit), (r) => r.status !== 404);
    expect(none.status, JSON.stringify(none.body)).to.equal(422);
    expect(JSON.stringify(none.body)).to.contain('fundraiser-credit-score (no credit standing attested from scf');

    await setRules({ minCrowdfundingScore: score + 1 });
    const below = await eventually(() => w.lessorOfficer.post(`${CF}/attest-credit-standing`, { projectId: plan.id }), (r) => r.status === 200 && r.body.result.creditStanding.minimum === score + 1);
    expect(below.body.result.creditStanding).to.include({ subject, meets: false, minimum: score + 1 });
    expect(below.body.result.creditStanding).to.not.have.property('score');
    const refused = await restOperator.post(`${CF}/audit-plan`, audit);
    expect(refused.status, JSON.stringify(refused.body)).to.equal(422);
    expect(JSON.stringify(refused.body)).to.contain(`fundraiser-credit-score (credit score is below the crowdfunding minimum ${score + 1}`);
    expect((await restOperator.post(`${CF}/get-project`, { projectId: plan.id })).body.result.status).to.equal('submitted');

    await setRules({ minCrowdfundingScore: score });
    const at = await eventually(() => w.lessorOfficer.post(`${CF}/attest-credit-standing`, { projectId: plan.id }), (r) => r.status === 200 && r.body.result.creditStanding.minimum === score);
    expect(at.body.result.creditStanding).to.include({ meets: true, minimum: score });
    const approved = await eventually(() => restOperator.post(`${CF}/audit-plan`, audit), (r) => r.status !== 422);
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    expect(approved.body.result.status).to.equal('audited');
    const checks = approved.body.result.audit.checks as { name: string; ok: boolean }[];
    expect(checks.find((c) => c.name === 'fundraiser-credit-score')).to.include({ ok: true });
  });
});
