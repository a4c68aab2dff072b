/**
 * Arrears and the credit service on the real network, through REST (issue 18):
 *
 *   - a leased station under-delivers on `energy` (1500 of 2000 Wh under a PPA): its
 *     income, relayed to `scf`, does not cover the instalment due yesterday, so the
 *     lease shows arrears and turns late with nobody typing it;
 *   - the project company's score moves as the inputs change: the arrears (counted in
 *     the scf transaction that recorded the income) and the under-delivery penalty
 *     (recorded on `energy` by the settlement, counted on `scf` after a cross-channel read, once);
 *   - a bank is refused the score until the party asks it for financing, and again after
 *     the request is closed; the regulator and the party see the breakdown.
 *
 * The ledger's clock is this machine's, so the suite waits for one 1-minute slot.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { startApiWorld, eventually, H, type ApiWorld } from '../api/api-world';
import { ActorPool, dec } from '../index';
import { agreePpa, buildStation, MINUTE, sellerNet, sellerReading, until, type Station } from './station';

interface CreditFull { access: 'full'; score: number; facts: Record<string, number>; recent: { kind: string; channel: string; txId: string; key: string }[] }

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const leaseId = `CR${tag}`;
const BASE_WH = 10_000n;

describe('credit service: a station under-delivers, arrears appear and the score moves; a bank sees it only when asked', function () {
  const pool = new ActorPool();
  let w: ApiWorld;
  let st: Station;
  let subject: string;
  let assignmentId: string;
  let rents: bigint[];
  let penaltyTxId: string;

  const credit = async (): Promise<CreditFull> => {
    const res = await w.regulator.post<{ result: CreditFull }>('/api/v1/scf/credit/get', { subject });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.result;
  };

  before(async function () {
    this.timeout(300_000);
    [w, st] = await Promise.all([startApiWorld(), buildStation(pool, tag, dec(1))]);
  });

  after(async function () {
    this.timeout(60_000);
    await w.close();
    pool.close();
  });

  it('a lease with an instalment due yesterday is linked to the station income; its score starts at the base', async function () {
    this.timeout(180_000);
    const apply = await w.projectCompany.post('/api/v1/scf/leasing/apply', {
      leaseId, stationId: `ST-${tag}`, constructionApprovalHash: H('c'), equipment: [{ description: 'PV module 450W', quantity: 100 }], supplier: `SupplierMSP:sup-${w.run}`, amount: '600',
    });
    expect(apply.status, JSON.stringify(apply.body)).to.equal(200);
    subject = apply.body.result.projectCompany as string;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const approved = await eventually(() => w.lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId, principal: '600', rateBps: 600, termMonths: 3, firstDueDate: yesterday }), (r) => r.status !== 404);
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    rents = (approved.body.result.schedule as { rent: string }[]).map((r) => BigInt(r.rent));
    const asg = await st.seller.actor.submit<{ id: string }>('energy', 'market:AssignRevenue', { meter: st.seller.meter, beneficiary: st.lessorEid, cap: '1000000', ref: leaseId });
    assignmentId = asg.id;
    const linked = await eventually(() => w.lessorOfficer.post('/api/v1/scf/collection/link', { leaseId, assignmentId }), (r) => r.status !== 404);
    expect(linked.status, JSON.stringify(linked.body)).to.equal(200);
    expect(await credit()).to.deep.include({ access: 'full', score: 600 });
  });

  it('the station under-delivers: the relayed income leaves arrears, the lease turns late, the score drops by the arrears weight', async function () {
    this.timeout(240_000);
    const slot1 = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
    const ppaId = await agreePpa(st, slot1, 2_000n);
    await until(slot1);
    await sellerReading(st, 1, slot1, BASE_WH);
    await until(slot1 + MINUTE);
    await sellerReading(st, 2, slot1 + MINUTE, BASE_WH + 1_500n); // 1500 of 2000 Wh
    const settled = await st.seller.actor.submit<{ settlement: { txId: string; penalty: string; shortfallWh: string } }>('energy', 'market:SettlePpa', { ppaId, slot: new Date(slot1).toISOString() });
    expect(BigInt(settled.settlement.penalty) > 0n, JSON.stringify(settled)).to.equal(true);
    penaltyTxId = settled.settlement.txId;
    const net = sellerNet(1_500n);
    expect(net < rents[0]!).to.equal(true);

    // The relay's submit (any lessor or bank officer): checked against the energy ledger.
    const synced = await eventually(() => w.lessorOfficer.post('/api/v1/scf/collection/sync', { assignmentId, paid: net.toString() }), (r) => r.status !== 409);
    expect(synced.status, JSON.stringify(synced.body)).to.equal(200);
    const view = await w.regulator.post('/api/v1/scf/collection/get', { leaseId });
    expect(view.body.result.arrears).to.deep.include({ overdue: (rents[0]! - net).toString(), overdueInstalments: 1, status: 'late', daysLate: 1 });
    expect(view.body.result.lease.status).to.equal('late');
    const c = await credit();
    expect(c.facts).to.include({ arrears: 1, onTimeRent: 0 });
    expect(c.score).to.equal(560);
    expect(c.recent[0]).to.include({ kind: 'arrears', channel: 'scf', key: `lease~${leaseId}`, txId: synced.body.transactionId as string });
  });

  it('the under-delivery penalty recorded on energy moves the score once it is counted on scf, and only once', async () => {
    const fact = { subject: st.seller.eid, txId: penaltyTxId, n: 1 };
    const forged = await w.bankOfficer.post('/api/v1/scf/credit/count-energy-fact', { ...fact, n: 2 });
    expect(forged.status, JSON.stringify(forged.body)).to.equal(404);
    const counted = await w.bankOfficer.post('/api/v1/scf/credit/count-energy-fact', fact);
    expect(counted.status, JSON.stringify(counted.body)).to.equal(200);
    const c = await credit();
    expect(c.facts).to.include({ arrears: 1, marketPenalties: 1 });
    expect(c.score).to.equal(540);
    expect(c.recent[0]).to.include({ kind: 'marketPenalties', channel: 'energy', txId: penaltyTxId });
    const again = await w.supplier.post('/api/v1/scf/credit/count-energy-fact', fact);
    expect(again.status).to.equal(409);
    expect((await credit()).score).to.equal(540);
  });

  it('a bank is refused the score without a financing request from the party, allowed while one is open, refused after it closes', async () => {
    const ask = { subject };
    const refused = await w.bankOfficer.post('/api/v1/scf/credit/get', ask);
    expect(refused.status, JSON.stringify(refused.body)).to.equal(403);
    expect((await w.supplier.post('/api/v1/scf/credit/get', ask)).status).to.equal(403);
    const own = await w.projectCompany.post('/api/v1/scf/credit/get', ask);
    expect(own.body.result).to.deep.include({ access: 'full', score: 540 });

    const opened = await w.projectCompany.post('/api/v1/scf/credit/request-financing', { bank: 'BankMSP', purpose: `rent receivable of lease ${leaseId}` });
    expect(opened.status, JSON.stringify(opened.body)).to.equal(200);
    const seen = await eventually(() => w.bankOfficer.post('/api/v1/scf/credit/get', ask), (r) => r.status === 200);
    expect(seen.body.result).to.deep.include({ access: 'score', score: 540 });
    expect(seen.body.result).to.not.have.property('facts');

    expect((await w.projectCompany.post('/api/v1/scf/credit/close-request', { bank: 'BankMSP' })).status).to.equal(200);
    const after = await eventually(() => w.bankOfficer.post('/api/v1/scf/credit/get', ask), (r) => r.status !== 200);
    expect(after.status).to.equal(403);
  });
});
