/**
 * Cross-channel collection on the real network (white paper 4.2.2): a station
 * sells energy on `energy` under a PPA, its income is assigned to the lessor
 * with the lease named as the assignment's ref; the collection relay (its own
 * process) carries each settlement to `scf`, where the scf chaincode checks it
 * against the energy ledger through a cross-channel query and records it as
 * rent once; the bank that financed the receivable is repaid first.
 *
 *   - slot 1 settles -> rent collected and the bank's share follow, to the unit;
 *   - a forged figure (more than the energy ledger shows) is refused through the REST route;
 *   - the relay is SIGKILLed and its checkpoint lost; slot 2 settles meanwhile;
 *     restarted, it replays slot 1 (answered "already recorded") and records slot 2 once.
 *
 * The ledger's clock is this machine's, so the suite waits for two 1-minute slots.
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
import { ActorPool, type Actor } from '../index';
import { RelayProcess } from './relay-process';
import { agreePpa, buildStation, MINUTE, sellerNet, sellerReading, settleSlot, sleep, until, type Station } from './station';

interface CollectionView {
  lease: { collected: string; status: string; remaining: string };
  link: { synced: string; applied: string; surplus: string; syncs: number } | null;
  arrears: { overdue: string; status: string };
}

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const leaseId = `XC${tag}`;
const financingId = `XF${tag}`;
const BASE_WH = 10_000n;

describe('cross-channel collection: energy income repays the lease on scf, verified, exactly once', function () {
  const pool = new ActorPool();
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-relay-'));
  let w: ApiWorld;
  let st: Station;
  let relay: RelayProcess;
  let bank: Actor, lessor: Actor;
  let assignmentId: string;
  let ppaId: string;
  let slot1: number;
  let rents: bigint[];
  let advance: bigint;

  const view = async (): Promise<CollectionView> => {
    const res = await w.regulator.post<{ result: CollectionView }>('/api/v1/scf/collection/get', { leaseId });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.result;
  };
  /** Waits (up to 90 s) until the relay has recorded `synced` on scf. */
  const recorded = async (synced: bigint): Promise<CollectionView> => {
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const v = await view();
      if (v.link?.synced === synced.toString()) return v;
      await sleep(500);
    }
    throw new Error(`relay never recorded ${synced}; relay output:\n${relay.output}`);
  };

  before(async function () {
    this.timeout(300_000);
    [w, st, bank, lessor] = await Promise.all([
      startApiWorld(),
      buildStation(pool, tag),
      pool.enroll('BankMSP', 'xc-bank', { role: 'bank-officer' }),
      pool.enroll('LessorMSP', 'xc-lessor', { role: 'lessor-officer' }),
    ]);
    const relayUser = await registerAndEnroll(findOrg(loadGatewayConfig(), 'LessorMSP'), `xc-relay-${tag}`, { role: 'lessor-officer' });
    relay = new RelayProcess(dir, relayUser);
  });

  after(async function () {
    this.timeout(60_000);
    await relay.kill();
    await w.close();
    pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a lease financed by the bank is linked to the station income assigned to it on energy', async function () {
    this.timeout(180_000);
    const apply = await w.projectCompany.post('/api/v1/scf/leasing/apply', {
      leaseId, stationId: `ST-${tag}`, constructionApprovalHash: H('c'), equipment: [{ description: 'PV module 450W', quantity: 100 }], supplier: `SupplierMSP:sup-${w.run}`, amount: '600',
    });
    expect(apply.status, JSON.stringify(apply.body)).to.equal(200);
    const approved = await eventually(() => w.lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId, principal: '600', rateBps: 600, termMonths: 3, firstDueDate: '2027-01-01' }), (r) => r.status !== 404);
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    rents = (approved.body.result.schedule as { rent: string }[]).map((r) => BigInt(r.rent));
    const issued = await w.lessorOfficer.post('/api/v1/scf/receivables/issue', { leaseId });
    expect(issued.status, JSON.stringify(issued.body)).to.equal(200);
    const face = BigInt(issued.body.result.amount as string);

    // The bank finances the whole receivable at 70 % (private terms), the lessor accepts, the advance is paid.
    await eventually(() => bank.evaluate('scf', 'receivables:Get', { receivableId: leaseId }).then(() => true, () => false), (ok) => ok);
    await bank.submit('scf', 'financing:Offer', { financingId, assetType: 'receivable', assetId: leaseId }, {
      transient: { terms: { advanceRateBps: 7000, discountBps: 120, maturityDate: '2027-12-31', salt: randomBytes(16).toString('hex') } }, endorsingOrganizations: ['BankMSP', 'LessorMSP'],
    });
    const { termsHash } = await eventually(() => lessor.evaluate<{ termsHash: string }>('scf', 'financing:Get', { financingId }).catch(() => ({ termsHash: '' })), (f) => f.termsHash !== '');
    await lessor.submit('scf', 'financing:Accept', { financingId, termsHash }, { transient: { salt: randomBytes(16).toString('hex') }, endorsingOrganizations: ['BankMSP', 'LessorMSP', 'RegulatorMSP'] });
    await eventually(() => bank.evaluate<{ financing: { status: string } }>('scf', 'financing:Get', { financingId }), (f) => f.financing.status === 'accepted');
    await bank.submit('scf', 'financing:RecordAdvance', { financingId, evidenceHash: H('a') }, { endorsingOrganizations: ['BankMSP', 'LessorMSP'] });
    advance = (face * 7000n) / 10_000n;

    // On energy: the station owner assigns its income to the lessor's eID, naming the lease.
    const total = rents.reduce((a, b) => a + b, 0n);
    const asg = await st.seller.actor.submit<{ id: string }>('energy', 'market:AssignRevenue', { meter: st.seller.meter, beneficiary: st.lessorEid, cap: total.toString(), ref: leaseId });
    assignmentId = asg.id;
    const linked = await eventually(() => w.lessorOfficer.post('/api/v1/scf/collection/link', { leaseId, assignmentId }), (r) => r.status !== 404);
    expect(linked.status, JSON.stringify(linked.body)).to.equal(200);
    expect(linked.body.result).to.include({ leaseId, assignmentId, synced: '0', meter: st.seller.meter });
    // Only the lessor links; an assignment is linked once.
    expect((await w.bankOfficer.post('/api/v1/scf/collection/link', { leaseId, assignmentId })).status).to.equal(403);

    slot1 = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
    ppaId = await agreePpa(st, slot1, 2_000n);
    relay.start();
  });

  it('slot 1 settles on energy: rent collected and the bank repaid first follow on scf to the unit', async function () {
    this.timeout(180_000);
    await until(slot1);
    await sellerReading(st, 1, slot1, BASE_WH);
    await until(slot1 + MINUTE);
    await sellerReading(st, 2, slot1 + MINUTE, BASE_WH + 2_000n);
    await settleSlot(st, ppaId, slot1);
    const net1 = sellerNet(2_000n);
    const v = await recorded(net1);
    expect(v.lease.collected).to.equal(net1.toString());
    expect(v.link).to.include({ applied: net1.toString(), surplus: '0', syncs: 1 });
    const lease = await w.bankOfficer.post('/api/v1/scf/leasing/get', { leaseId });
    expect((lease.body.result.schedule as { collected: string }[]).map((r) => r.collected)).to.deep.equal([net1.toString(), '0', '0']);
    const split = await w.bankOfficer.post('/api/v1/scf/financing/waterfall', { financingId });
    expect(split.body.result).to.include({ collected: net1.toString(), toBank: net1.toString(), toHolder: '0', bankOutstanding: (advance - net1).toString() });
  });

  it('refuses a forged income figure the energy ledger does not show, and changes nothing', async () => {
    const before = await view();
    const forged = await w.lessorOfficer.post('/api/v1/scf/collection/sync', { assignmentId, paid: (BigInt(before.link!.synced) + 1n).toString() });
    expect(forged.status).to.equal(409);
    expect(forged.body.error.message).to.match(/income not on the energy ledger/);
    const unknown = await w.lessorOfficer.post('/api/v1/scf/collection/sync', { assignmentId: `asg:${'0'.repeat(32)}`, paid: '1' });
    expect(unknown.status).to.equal(404);
    expect(await view()).to.deep.equal(before);
  });

  it('the relay killed and its checkpoint lost, then restarted: slot 1 is not recorded again, slot 2 once', async function () {
    this.timeout(180_000);
    await relay.kill();
    rmSync(relay.checkpointFile, { force: true }); // as if it died before writing it
    await until(slot1 + 2 * MINUTE);
    await sellerReading(st, 3, slot1 + 2 * MINUTE, BASE_WH + 3_500n);
    await settleSlot(st, ppaId, slot1 + MINUTE);
    const net1 = sellerNet(2_000n);
    const net2 = sellerNet(1_500n); // under-delivered: 1500 of 2000 Wh
    const onEnergy = await st.seller.actor.evaluate<{ paid: string }>('energy', 'market:GetAssignment', { assignmentId });
    expect(onEnergy.paid).to.equal((net1 + net2).toString());
    relay.start();
    const v = await recorded(net1 + net2);
    expect(v.link).to.include({ syncs: 2, applied: (net1 + net2).toString() });
    expect(v.lease.collected).to.equal((net1 + net2).toString());
    const lease = await w.regulator.post('/api/v1/scf/leasing/get', { leaseId });
    expect((lease.body.result.schedule as { collected: string }[]).map((r) => r.collected)).to.deep.equal([rents[0]!.toString(), (net1 + net2 - rents[0]!).toString(), '0']);
    const split = await w.bankOfficer.post('/api/v1/scf/financing/waterfall', { financingId });
    expect(split.body.result).to.include({ toBank: (net1 + net2).toString(), toHolder: '0' });
    await sleep(2_000); // the replay of slot 1 has been answered by now
    expect(relay.output).to.match(/already recorded/);
    expect((await view()).link?.syncs).to.equal(2);
  });
});
