/**
 * The gateway API against the real network, part 1: identities enrolled at the
 * org CAs, the auth matrix, every transaction route's input validation, happy
 * paths through scf and energy, and error mapping.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { CHAINCODE_TABLES, txPath, type RunningApi } from '@dec/gateway-api';
import type { ApiClient } from '../fixtures/api-client';
import { eventually, H, startApiWorld, type ApiWorld } from './api-world';

describe('gateway API: identities and transaction routes (real network)', function () {
  let world: ApiWorld | undefined;
  let run: string, api: RunningApi, anon: ApiClient, admin: Record<string, ApiClient>, projectCompany: ApiClient, lessorOfficer: ApiClient, bankOfficer: ApiClient, supplier: ApiClient, regulator: ApiClient, platformUser: ApiClient, enrollmentIds: Record<string, string>, newUser: ApiWorld['newUser'];

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    ({ run, api, anon, admin, projectCompany, lessorOfficer, bankOfficer, supplier, regulator, platformUser, enrollmentIds, newUser } = world);
  });

  after(async () => {
    await world?.close();
  });

  describe('identities and authentication', () => {
    it('enrolls each user at its org\'s CA with its attributes, which chaincode sees', async () => {
      const me = await lessorOfficer.get('/api/v1/identities/me');
      expect(me.status).to.equal(200);
      expect(me.body).to.include({ mspId: 'LessorMSP', enrollmentId: enrollmentIds.lessor, apiRole: 'user', status: 'active' });
      const who = await lessorOfficer.get('/api/v1/scf/network/who-am-i');
      expect(who.status).to.equal(200);
      expect(who.body.result.mspId).to.equal('LessorMSP');
      expect(who.body.result.attributes).to.include({ role: 'lessor-officer', 'hf.EnrollmentID': enrollmentIds.lessor });
      const pc = await projectCompany.get('/api/v1/energy/network/who-am-i');
      expect(pc.body.result.attributes).to.include({ role: 'project-company', eid: `pc-${run}` });
    });

    it('answers 401 without a key, with a malformed key and with an unknown key', async () => {
      for (const client of [anon, anon.as('nonsense'), anon.as(`dec_${'0'.repeat(16)}_${'a'.repeat(43)}`)]) {
        const res = await client.get('/api/v1/scf/network/info');
        expect(res.status).to.equal(401);
        expect(res.body.error.code).to.equal('UNAUTHENTICATED');
      }
      expect((await anon.get('/api/v1/identities', { 'x-api-key': api.adminKeys.LessorMSP! })).status).to.equal(200);
    });

    it('lets only org admins manage identities (403 for users)', async () => {
      const res = await lessorOfficer.post('/api/v1/identities', { enrollmentId: `x-${run}` });
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal('ACCESS_DENIED');
    });

    it('keeps every admin inside its own org', async () => {
      const bankUser = enrollmentIds.bank!;
      expect((await admin.LessorMSP!.get(`/api/v1/identities/${bankUser}`)).status).to.equal(404);
      expect((await admin.LessorMSP!.post(`/api/v1/identities/${bankUser}/revoke`, {})).status).to.equal(404);
      const list = await admin.LessorMSP!.get('/api/v1/identities');
      expect(list.body.identities.map((i: { mspId: string }) => i.mspId)).to.satisfy((ms: string[]) => ms.every((m) => m === 'LessorMSP'));
      expect((await bankOfficer.get('/api/v1/identities/me')).body.status).to.equal('active');
    });

    it('refuses a channel the caller\'s org is not on (403), before Fabric', async () => {
      for (const res of [await platformUser.get('/api/v1/scf/network/info'), await platformUser.post('/api/v1/scf/leasing/get', { leaseId: 'L1' })]) {
        expect(res.status).to.equal(403);
        expect(res.body.error.code).to.equal('ACCESS_DENIED');
      }
      expect((await platformUser.get('/api/v1/energy/network/info')).status).to.equal(200);
    });

    it('registers without enrolling, then enrolls with the secret (a wrong secret is refused)', async () => {
      const enrollmentId = `late-${run}`;
      const reg = await admin.GridMSP!.post('/api/v1/identities', { enrollmentId, enroll: false, role: 'grid-operator' });
      expect(reg.status).to.equal(201);
      expect(reg.body.identity.status).to.equal('registered');
      expect(reg.body.apiKey).to.equal(undefined);
      expect((await admin.GridMSP!.post(`/api/v1/identities/${enrollmentId}/enroll`, { secret: 'wrong' })).status).to.equal(403);
      const enrolled = await admin.GridMSP!.post(`/api/v1/identities/${enrollmentId}/enroll`, { secret: reg.body.enrollmentSecret });
      expect(enrolled.status).to.equal(200);
      const who = await anon.as(enrolled.body.apiKey).get('/api/v1/energy/network/who-am-i');
      expect(who.body.result).to.include({ mspId: 'GridMSP' });
      expect(who.body.result.attributes).to.include({ role: 'grid-operator' });
    });

    it('refuses bad identity input (400) and a second registration of the same ID (409)', async () => {
      expect((await admin.LessorMSP!.post('/api/v1/identities', { enrollmentId: 'has space' })).status).to.equal(400);
      expect((await admin.LessorMSP!.post('/api/v1/identities', { enrollmentId: `ok-${run}`, attributes: { 'hf.Registrar.Roles': 'client' } })).status).to.equal(400);
      const dup = await admin.LessorMSP!.post('/api/v1/identities', { enrollmentId: enrollmentIds.lessor });
      expect(dup.status).to.equal(409);
      expect(dup.body.error.code).to.equal('DUPLICATE');
    });

    it('refuses a platform role from an org the chaincode does not accept it from (403 naming the field); nothing reaches the CA', async () => {
      for (const [body, field] of [[{ role: 'operator' }, 'role'], [{ attributes: { role: 'ingestor' } }, 'attributes.role']] as const) {
        const enrollmentId = `rogue-${field.replace('.', '-')}-${run}`;
        const res = await admin.BankMSP!.post('/api/v1/identities', { enrollmentId, ...body });
        expect(res.status, JSON.stringify(res.body)).to.equal(403);
        expect(res.body.error.code).to.equal('ACCESS_DENIED');
        expect(res.body.error.details[0].field).to.equal(field);
        expect((await admin.BankMSP!.get(`/api/v1/identities/${enrollmentId}`)).status).to.equal(404);
        // The CA never registered it: the same ID with an ordinary role registers now.
        expect((await admin.BankMSP!.post('/api/v1/identities', { enrollmentId, role: 'bank-officer', enroll: false })).status).to.equal(201);
      }
      // From a grantor org the role is granted.
      expect((await admin.PlatformMSP!.post('/api/v1/identities', { enrollmentId: `op-${run}`, role: 'operator', enroll: false })).status).to.equal(201);
    });

    it('revokes at the CA: the API key stops working (401) and the revocation is final (409)', async () => {
      const victim = await newUser('SupplierMSP', 'revoked', { role: 'supplier', eid: `rv-${run}` });
      expect((await victim.get('/api/v1/scf/network/info')).status).to.equal(200);
      const revoked = await admin.SupplierMSP!.post(`/api/v1/identities/${enrollmentIds.revoked}/revoke`, { reason: 'keycompromise' });
      expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
      expect(revoked.body.status).to.equal('revoked');
      const after = await victim.get('/api/v1/scf/network/info');
      expect(after.status).to.equal(401);
      expect(after.body.error.code).to.equal('UNAUTHENTICATED');
      expect((await admin.SupplierMSP!.post(`/api/v1/identities/${enrollmentIds.revoked}/revoke`, {})).status).to.equal(409);
    });
  });

  describe('transaction routes', () => {
    it('validate the input of every transaction with the chaincode\'s own schema (400, naming the field)', async () => {
      for (const table of CHAINCODE_TABLES) {
        const client = table.channel === 'scf' ? lessorOfficer : platformUser;
        for (const tx of table.transactions) {
          const p = txPath(table, tx);
          if (!tx.input) {
            const res = await (tx.kind === 'evaluate' ? client.get(p) : client.post(p));
            expect(res.status, `${tx.name}: ${JSON.stringify(res.body)}`).to.be.oneOf([200, 403, 404, 409, 422]);
            continue;
          }
          const res = await client.post(p, []);
          expect(res.status, `${tx.name}: ${JSON.stringify(res.body)}`).to.equal(400);
          expect(res.body.error.code).to.equal('VALIDATION');
          expect(res.body.error.details[0].field).to.match(/^body/);
        }
      }
      const bad = await lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId: 'L1', principal: '-5', rateBps: 20_000, termMonths: 12, firstDueDate: '2026-02-30' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).to.include.members(['body.principal', 'body.rateBps', 'body.firstDueDate']);
      expect((await lessorOfficer.call('POST', '/api/v1/scf/leasing/get', '{"leaseId":', { 'content-type': 'application/json' })).status).to.equal(400);
    });

    // `run` is set in before(): name the lease on first use, not when the suite is declared.
    let leaseId = '';
    before(() => {
      leaseId = `L${run}`.slice(0, 40);
    });
    it('run the scf leasing flow: apply, read, approve, issue the receivable', async () => {
      const apply = await projectCompany.post('/api/v1/scf/leasing/apply', {
        leaseId,
        stationId: `S${run}`,
        constructionApprovalHash: H('a'),
        equipment: [{ description: 'PV modules', quantity: 100 }],
        supplier: `SupplierMSP:sup-${run}`,
        amount: '1200000',
      });
      expect(apply.status, JSON.stringify(apply.body)).to.equal(200);
      expect(apply.body).to.include({ validationCode: 'VALID' });
      expect(apply.body.transactionId).to.match(/^[0-9a-f]{64}$/);
      expect(Number(apply.body.blockNumber)).to.be.greaterThan(0);
      const got = await projectCompany.post('/api/v1/scf/leasing/get', { leaseId });
      expect(got.status).to.equal(200);
      expect(JSON.stringify(got.body.result)).to.include(leaseId);
      const approve = await eventually(
        () => lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId, principal: '1200000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-31' }),
        (r) => r.status !== 404,
      );
      expect(approve.status, JSON.stringify(approve.body)).to.equal(200);
      const issue = await lessorOfficer.post('/api/v1/scf/receivables/issue', { leaseId });
      expect(issue.status, JSON.stringify(issue.body)).to.equal(200);
      const receivable = await lessorOfficer.post('/api/v1/scf/receivables/get', { receivableId: leaseId });
      expect(receivable.status).to.equal(200);
    });

    it('send private terms in the transient map: on the ledger only their hash, never in the block', async () => {
      const financingId = `F${run}`.slice(0, 40);
      const terms = { advanceRateBps: 7000, discountBps: 300, maturityDate: '2027-06-30', salt: randomBytes(16).toString('hex') };
      const offer = await eventually(
        () => bankOfficer.post('/api/v1/scf/financing/offer', { input: { financingId, assetType: 'receivable', assetId: leaseId }, transient: { terms } }),
        (r) => r.status !== 404,
      );
      expect(offer.status, JSON.stringify(offer.body)).to.equal(200);
      const missingTerms = await bankOfficer.post('/api/v1/scf/financing/offer', { input: { financingId: `${financingId}x`, assetType: 'receivable', assetId: leaseId } });
      expect(missingTerms.status).to.equal(400);
      const fin = await bankOfficer.post('/api/v1/scf/financing/get', { financingId });
      expect(fin.body.result.termsHash).to.match(/^[0-9a-f]{64}$/);
      const tx = await regulator.get(`/api/v1/ledger/scf/transactions/${offer.body.transactionId}`);
      expect(tx.status).to.equal(200);
      expect(tx.body.function).to.equal('financing:Offer');
      expect(JSON.stringify(tx.body)).to.not.include(terms.salt);
      // the terms went to the private collection: only key hashes are on the channel
      const privateWrites = tx.body.rwset.flatMap((ns: { privateWrites: { collection: string }[] }) => ns.privateWrites.map((c) => c.collection));
      expect(privateWrites).to.include('termsBankLessor');
    });

    it('map chaincode errors: 404 missing, 409 conflict with the transaction ID, 403 access denied', async () => {
      const missing = await lessorOfficer.post('/api/v1/scf/leasing/get', { leaseId: `none-${run}` });
      expect(missing.status).to.equal(404);
      expect(missing.body.error).to.include({ code: 'NOT_FOUND', message: `lease none-${run} does not exist` });
      const again = await projectCompany.post('/api/v1/scf/leasing/apply', {
        leaseId,
        stationId: `S${run}`,
        constructionApprovalHash: H('a'),
        equipment: [{ description: 'PV modules', quantity: 100 }],
        supplier: `SupplierMSP:sup-${run}`,
        amount: '1200000',
      });
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('CONFLICT');
      expect(again.body.error.transactionId).to.match(/^[0-9a-f]{64}$/);
      const denied = await supplier.post('/api/v1/scf/rules/set-rules', { maxAdvanceRateBps: 9000 });
      expect(denied.status).to.equal(403);
      expect(denied.body.error.code).to.equal('ACCESS_DENIED');
      expect(JSON.stringify(denied.body)).to.not.match(/\bat .*\.(ts|js):\d+/);
    });

    it('reach energy: probe, read back, token queries', async () => {
      const probe = await platformUser.post('/api/v1/energy/network/probe', { note: `energy ${run}` });
      expect(probe.status).to.equal(200);
      expect(probe.body.result).to.include({ mspId: 'PlatformMSP', note: `energy ${run}` });
      const last = await platformUser.post('/api/v1/energy/network/last-probe', { mspId: 'PlatformMSP' });
      expect(last.body.result.txId).to.be.a('string');
      const rate = await platformUser.get('/api/v1/energy/token/get-rate');
      expect(rate.status).to.be.oneOf([200, 404]);
    });
  });
});
