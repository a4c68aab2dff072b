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
 * The collection relay (its own process) carries both the income and the penalty fact.
 * The ledger's clock is this machine's, so the suite waits for one 1-minute slot.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findOrg, loadGatewayConfig } from '@dec/fabric-client';
import { registerAndEnroll } from '@dec/test-network';
import { startApiWorld, eventually, H, type ApiWorld } from '../api/api-world';
import { ActorPool, dec } from '../index';
import { RelayProcess } from './relay-process';
import { agreePpa, buildStation, MINUTE, sellerNet, sellerReading, sleep, until, type Station } from './station';

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
  let relay: RelayProcess;
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-credit-relay-'));

  /** Waits (up to 90 s) until `done` holds of the regulator's view of the credit record. */
  const creditUntil = async (done: (c: CreditFull) => boolean): Promise<CreditFull> => {
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const c = await credit();
      if (done(c)) return c;
      await sleep(500);
    }
    throw new Error(`the relay never carried it; relay output:\n${relay.output}`);
  };

  const credit = async (): Promise<CreditFull> => {
    const res = await w.regulator.post<{ result: CreditFull }>('/api/v1/scf/credit/get', { subject });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.result;
  };

  before(async function () {
    this.timeout(300_000);
    [w, st] = await Promise.all([startApiWorld(), buildStation(pool, tag, dec(1))]);
    relay = new RelayProcess(dir, await registerAndEnroll(findOrg(loadGatewayConfig(), 'LessorMSP'), `cr-relay-${tag}`, { role: 'lessor-officer' }));
  });

  after(async function () {
    this.timeout(60_000);
    await relay.kill();
    await w.close();
    pool.close();
    rmSync(dir, { recursive: true, force: true });
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

  it('the station under-delivers: the relayed income leaves arrears, the lease turns late; arrears and the relayed energy penalty move the score', async function () {
    this.timeout(240_000);
    const slot1 = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
    const ppaId = await agreePpa(st, slot1, 2_000n);
    relay.start(); // carries the income (collection:Sync) and the credit facts (credit:CountEnergyFact) from energy to scf
    await until(slot1);
    await sellerReading(st, 1, slot1, BASE_WH);
    await until(slot1 + MINUTE);
    await sellerReading(st, 2, slot1 + MINUTE, BASE_WH + 1_500n); // 1500 of 2000 Wh
    const settled = await st.seller.actor.submit<{ settlement: { txId: string; penalty: string; shortfallWh: string } }>('energy', 'market:SettlePpa', { ppaId, slot: new Date(slot1).toISOString() });
    expect(BigInt(settled.settlement.penalty) > 0n, JSON.stringify(settled)).to.equal(true);
    penaltyTxId = settled.settlement.txId;
    const net = sellerNet(1_500n);
    expect(net < rents[0]!).to.equal(true);

    // The relay submits the income; scf checks it against the energy ledger and counts the arrears in that transaction.
    const c = await creditUntil((x) => x.facts.arrears === 1 && x.facts.marketPenalties === 1);
    const view = await w.regulator.post('/api/v1/scf/collection/get', { leaseId });
    expect(view.body.result.link.synced).to.equal(net.toString());
    expect(view.body.result.arrears).to.deep.include({ overdue: (rents[0]! - net).toString(), overdueInstalments: 1, status: 'late', daysLate: 1 });
    expect(view.body.result.lease.status).to.equal('late');
    expect(c.facts).to.include({ arrears: 1, onTimeRent: 0, marketPenalties: 1 });
    expect(c.score).to.equal(540); // 600 − 40 (arrears) − 20 (under-delivery penalty on energy)
    expect(c.recent.find((f) => f.kind === 'arrears')).to.include({ channel: 'scf', key: `lease~${leaseId}`, txId: view.body.result.link.lastSync.txId as string });
    expect(c.recent.find((f) => f.kind === 'marketPenalties')).to.include({ channel: 'energy', txId: penaltyTxId, key: `credit.fact~${st.seller.eid}~${penaltyTxId}~1` });
  });

  it('the penalty fact the relay carried counts once: submitted again through REST it is refused, a fact not on energy too', async () => {
    const fact = { subject: st.seller.eid, txId: penaltyTxId, n: 1 };
    const forged = await w.bankOfficer.post('/api/v1/scf/credit/count-energy-fact', { ...fact, n: 2 });
    expect(forged.status, JSON.stringify(forged.body)).to.equal(404);
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
