/**
 * The gateway API against the real network: identities enrolled at the org
 * CAs, the auth matrix, every transaction route's input validation, happy
 * paths through scf and energy, error mapping, idempotent and async submits,
 * event stream resume, regulator ledger reads, operations and webhooks.
 */
import { expect } from 'chai';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { CHAINCODE_TABLES, startApi, txPath, type RunningApi } from '@dec/gateway-api';
import { ApiClient } from '../fixtures/api-client';

const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const H = (c: string) => c.repeat(64).slice(0, 64);

/** A write commits on the submitter's peer first; another org's peer may be a block behind. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await read();
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`never became true: ${JSON.stringify(last)}`);
}

describe('gateway API (real network)', function () {
  let api: RunningApi;
  let dataDir: string;
  let anon: ApiClient;
  const admin: Record<string, ApiClient> = {};
  let projectCompany: ApiClient, lessorOfficer: ApiClient, bankOfficer: ApiClient, supplier: ApiClient, regulator: ApiClient, platformUser: ApiClient;
  const enrollmentIds: Record<string, string> = {};

  async function newUser(mspId: string, name: string, attrs: { role?: string; eid?: string } = {}): Promise<ApiClient> {
    const enrollmentId = `${name}-${run}`;
    const res = await admin[mspId]!.post('/api/v1/identities', { enrollmentId, ...attrs });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    enrollmentIds[name] = enrollmentId;
    return anon.as(res.body.apiKey);
  }

  before(async function () {
    this.timeout(120_000);
    dataDir = mkdtempSync(path.join(tmpdir(), 'dec-gateway-api-'));
    api = await startApi({
      port: 0,
      dataDir,
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 100_000,
      webhooks: { maxAttempts: 5, baseDelayMs: 100, pollMs: 100, timeoutMs: 5000 },
    });
    anon = new ApiClient(api.url);
    for (const [mspId, key] of Object.entries(api.adminKeys)) admin[mspId] = anon.as(key);
    expect(Object.keys(admin)).to.have.members(['PlatformMSP', 'GridMSP', 'BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']);
    [projectCompany, lessorOfficer, bankOfficer, supplier, regulator, platformUser] = await Promise.all([
      newUser('LessorMSP', 'pc', { role: 'project-company', eid: `pc-${run}` }),
      newUser('LessorMSP', 'lessor', { role: 'lessor-officer' }),
      newUser('BankMSP', 'bank', { role: 'bank-officer' }),
      newUser('SupplierMSP', 'supplier', { role: 'supplier', eid: `sup-${run}` }),
      newUser('RegulatorMSP', 'regulator', { role: 'regulator' }),
      newUser('PlatformMSP', 'platform'),
    ]);
  });

  after(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
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

    const leaseId = `L${run}`.slice(0, 40);
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

  describe('submits', () => {
    async function probesWithNote(note: string): Promise<number> {
      const res = await regulator.get(`/api/v1/ledger/scf/history?objectType=probe&attributes=LessorMSP`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return (res.body.history as { value?: { note?: string } }[]).filter((e) => e.value?.note === note).length;
    }

    it('with an Idempotency-Key take effect once and replay the first outcome', async () => {
      const note = `idem ${run}`;
      const headers = { 'idempotency-key': `k1-${run}` };
      const first = await lessorOfficer.post('/api/v1/scf/network/probe', { note }, headers);
      expect(first.status).to.equal(200);
      const second = await lessorOfficer.post('/api/v1/scf/network/probe', { note }, headers);
      expect(second.status).to.equal(200);
      expect(second.body).to.deep.equal(first.body);
      expect(second.headers.get('idempotent-replayed')).to.equal('true');
      expect(await eventually(() => probesWithNote(note), (n) => n > 0)).to.equal(1);
      const otherBody = await lessorOfficer.post('/api/v1/scf/network/probe', { note: 'different' }, headers);
      expect(otherBody.status).to.equal(422);
      expect(otherBody.body.error.code).to.equal('IDEMPOTENCY_KEY_REUSED');
      // keys are per identity: the same key from another caller is another request
      const other = await admin.LessorMSP!.post('/api/v1/scf/network/probe', { note }, headers);
      expect(other.status).to.equal(200);
      expect(other.body.transactionId).to.not.equal(first.body.transactionId);
    });

    it('resubmit the stored endorsed bytes when the first attempt\'s outcome was lost, committing once', async () => {
      const note = `lost ${run}`;
      const key = `lost-${run}`;
      const caller = api.services.identities.authenticate(lessorOfficer.key);
      const call = { channel: 'scf', chaincode: 'scf', name: 'network:Probe', args: [JSON.stringify({ note })] };
      // First attempt: endorsed and stored, sent to ordering, then the API "crashed" before answering.
      const hashed = await (async () => {
        const res = await lessorOfficer.post('/api/v1/scf/network/probe', { note: 'warm-up' });
        expect(res.status).to.equal(200);
        const tx = await api.services.transactions.endorse(caller, call);
        return tx;
      })();
      const crypto = await import('node:crypto');
      const requestHash = crypto.createHash('sha256').update(JSON.stringify(['scf', 'scf', 'network:Probe', call.args, null, false])).digest('hex');
      api.services.db
        .prepare(`INSERT INTO idempotency (identity_id, key, request_hash, tx_id, tx_bytes, state, created_at) VALUES (?, ?, ?, ?, ?, 'endorsed', ?)`)
        .run(caller.id, key, requestHash, hashed.getTransactionId(), Buffer.from(hashed.getBytes()), new Date().toISOString());
      const lostCommit = await hashed.submit();
      // The client retries with the same key.
      const retry = await lessorOfficer.post('/api/v1/scf/network/probe', { note }, { 'idempotency-key': key });
      expect(retry.status, JSON.stringify(retry.body)).to.equal(200);
      expect(retry.body.transactionId).to.equal(hashed.getTransactionId());
      expect(retry.body.validationCode).to.equal('VALID');
      expect((await lostCommit.getStatus()).successful).to.equal(true);
      expect(await eventually(() => probesWithNote(note), (n) => n > 0)).to.equal(1);
    });

    it('asynchronously answer 202 with a receipt URL that resolves to the synchronous result', async () => {
      const res = await lessorOfficer.post('/api/v1/scf/network/probe', { note: `async ${run}` }, { prefer: 'respond-async' });
      expect(res.status).to.equal(202);
      expect(res.headers.get('location')).to.equal(res.body.receiptUrl);
      expect(res.body.status).to.equal('pending');
      const receipt = await lessorOfficer.get(`${res.body.receiptUrl}?wait=true`);
      expect(receipt.status).to.equal(200);
      expect(receipt.body).to.include({ status: 'committed', httpStatus: 200, transactionId: res.body.transactionId });
      expect(receipt.body.outcome).to.include({ transactionId: res.body.transactionId, validationCode: 'VALID' });
      expect(receipt.body.outcome.result.note).to.equal(`async ${run}`);
      expect((await bankOfficer.get(res.body.receiptUrl)).status).to.equal(404);
      expect((await lessorOfficer.get('/api/v1/receipts/not-a-uuid')).status).to.equal(400);
    });

    it('asynchronously still refuse at once what the chaincode refuses at endorsement', async () => {
      const res = await lessorOfficer.post('/api/v1/scf/leasing/assess-arrears', { leaseId: `none-${run}` }, { prefer: 'respond-async' });
      expect(res.status).to.equal(404);
    });
  });

  describe('event streams', () => {
    async function height(channel: string): Promise<bigint> {
      return BigInt((await regulator.get(`/api/v1/ledger/${channel}`)).body.height);
    }

    it('stream chaincode events and resume right after Last-Event-ID', async () => {
      const from = await height('scf');
      const path = `/api/v1/events/scf/chaincode/scf?eventNames=ProbeRecorded&fromBlock=${from}`;
      const stream = await lessorOfficer.sse(path);
      expect(stream.status).to.equal(200);
      const notes = [`ev1 ${run}`, `ev2 ${run}`, `ev3 ${run}`];
      await lessorOfficer.post('/api/v1/scf/network/probe', { note: notes[0] });
      await lessorOfficer.post('/api/v1/scf/network/probe', { note: notes[1] });
      const seen: { id?: string; note: string }[] = [];
      while (seen.filter((s) => notes.slice(0, 2).includes(s.note)).length < 2) {
        const ev = await stream.next();
        expect(ev.event).to.equal('ProbeRecorded');
        seen.push({ id: ev.id, note: ev.data.payload.note });
      }
      stream.close();
      const lastId = seen.find((s) => s.note === notes[1])!.id!;
      expect(lastId).to.match(/^\d+:[0-9a-f]{64}$/);
      await lessorOfficer.post('/api/v1/scf/network/probe', { note: notes[2] });
      const resumed = await lessorOfficer.sse(path, { 'last-event-id': lastId });
      const mine: string[] = [];
      while (!mine.includes(notes[2]!)) {
        const ev = await resumed.next();
        if (ev.data.payload.note?.startsWith('ev')) mine.push(ev.data.payload.note);
      }
      resumed.close();
      expect(mine).to.deep.equal([notes[2]]);
    });

    it('resume from a named server-side checkpoint', async () => {
      const from = await height('energy');
      const checkpoint = `cp-${run}`;
      const path = `/api/v1/events/energy/chaincode/energy?eventNames=ProbeRecorded&fromBlock=${from}&checkpoint=${checkpoint}`;
      const stream = await platformUser.sse(path);
      await platformUser.post('/api/v1/energy/network/probe', { note: `cp1 ${run}` });
      for (;;) {
        const ev = await stream.next();
        if (ev.data.payload.note === `cp1 ${run}`) break;
      }
      stream.close();
      await platformUser.post('/api/v1/energy/network/probe', { note: `cp2 ${run}` });
      const resumed = await platformUser.sse(path);
      const first = await (async () => {
        for (;;) {
          const ev = await resumed.next();
          if (String(ev.data.payload.note).startsWith('cp')) return ev.data.payload.note as string;
        }
      })();
      resumed.close();
      expect(first).to.equal(`cp2 ${run}`);
    });

    it('stream block summaries from a block number, resumable by block', async () => {
      const stream = await regulator.sse('/api/v1/events/scf/blocks?fromBlock=2');
      const first = await stream.next();
      const second = await stream.next();
      stream.close();
      expect(first.id).to.equal('2');
      expect(second.id).to.equal('3');
      expect(first.data).to.include({ number: '2' });
      expect(first.data.transactions[0]).to.have.property('validationCode');
      const resumed = await regulator.sse('/api/v1/events/scf/blocks', { 'last-event-id': '3' });
      expect((await resumed.next()).id).to.equal('4');
      resumed.close();
    });

    it('refuse a stream of a channel the caller\'s org is not on (403) and a bad Last-Event-ID (400)', async () => {
      const foreign = await platformUser.get('/api/v1/events/scf/blocks');
      expect(foreign.status).to.equal(403);
      const bad = await regulator.get('/api/v1/events/scf/chaincode/scf', { 'last-event-id': 'x' });
      expect(bad.status).to.equal(400);
      expect((await regulator.get('/api/v1/events/scf/chaincode/nope')).status).to.equal(404);
    });
  });

  describe('regulator endpoints', () => {
    let probe: { transactionId: string; blockNumber: string };
    before(async () => {
      probe = (await lessorOfficer.post('/api/v1/scf/network/probe', { note: `reg ${run}` })).body;
    });

    it('report channel info', async () => {
      const res = await regulator.get('/api/v1/ledger/scf');
      expect(res.status).to.equal(200);
      expect(BigInt(res.body.height) > BigInt(probe.blockNumber), 'height beyond the probe block').to.equal(true);
      expect(res.body.orgs).to.include('RegulatorMSP');
      expect(res.body.currentBlockHash).to.match(/^[0-9a-f]{64}$/);
    });

    it('decode a transaction by ID: chaincode, function, arguments, creator, endorsers, validation code', async () => {
      const tx = await eventually(() => regulator.get(`/api/v1/ledger/scf/transactions/${probe.transactionId}`), (r) => r.status === 200);
      expect(tx.body).to.include({ transactionId: probe.transactionId, function: 'network:Probe', validationCode: 'VALID', blockNumber: probe.blockNumber });
      expect(tx.body.chaincode.name).to.equal('scf');
      expect(tx.body.arguments).to.deep.equal([{ note: `reg ${run}` }]);
      expect(tx.body.creator.mspId).to.equal('LessorMSP');
      expect(tx.body.endorsers.length).to.be.at.least(2);
      expect(tx.body.event.name).to.equal('ProbeRecorded');
      // the probe reads and writes its org's probe record
      const scfKeys = tx.body.rwset.find((ns: { namespace: string }) => ns.namespace === 'scf');
      expect(scfKeys.reads).to.include('probe~LessorMSP');
      expect(scfKeys.writes).to.include('probe~LessorMSP');
    });

    it('decode a block by number', async () => {
      const block = await regulator.get(`/api/v1/ledger/scf/blocks/${probe.blockNumber}`);
      expect(block.status).to.equal(200);
      expect(block.body.number).to.equal(probe.blockNumber);
      expect(block.body.transactions.map((t: { transactionId: string }) => t.transactionId)).to.include(probe.transactionId);
    });

    it('list the history of a key', async () => {
      const res = await eventually(
        () => regulator.get('/api/v1/ledger/scf/history?objectType=probe&attributes=LessorMSP'),
        (r) => r.status === 200 && (r.body.history as { txId: string }[]).some((e) => e.txId === probe.transactionId),
      );
      expect(res.body.key).to.deep.equal({ objectType: 'probe', attributes: ['LessorMSP'] });
    });

    it('answer 404 for a missing block or transaction, 400 for bad input, 403 for non-regulators', async () => {
      expect((await regulator.get('/api/v1/ledger/scf/blocks/99999999')).status).to.equal(404);
      expect((await regulator.get(`/api/v1/ledger/scf/transactions/${'0'.repeat(64)}`)).status).to.equal(404);
      expect((await regulator.get('/api/v1/ledger/scf/transactions/xyz')).status).to.equal(400);
      expect((await regulator.get('/api/v1/ledger/scf/history')).status).to.equal(400);
      expect((await lessorOfficer.get('/api/v1/ledger/scf')).status).to.equal(403);
      expect((await admin.PlatformMSP!.get('/api/v1/ledger/scf')).status).to.equal(403);
    });
  });

  describe('operations', () => {
    it('report health, readiness and Prometheus metrics', async () => {
      expect((await anon.get('/healthz')).body).to.deep.equal({ status: 'ok' });
      const ready = await anon.get('/readyz');
      expect(ready.status).to.equal(200);
      expect(ready.body.checks.database).to.equal(true);
      const metrics = await anon.get('/metrics');
      expect(metrics.status).to.equal(200);
      expect(metrics.body).to.include('dec_api_submit_outcomes_total{outcome="VALID"}');
      expect(metrics.body).to.include('dec_api_http_request_duration_seconds_bucket');
      expect(metrics.body).to.include('dec_api_mvcc_conflicts_total');
    });

    it('send security headers and a request ID, serve the OpenAPI document and the docs page', async () => {
      const res = await anon.get('/openapi.json');
      expect(res.status).to.equal(200);
      expect(res.body.openapi).to.equal('3.0.3');
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(res.headers.get('x-request-id')).to.match(/.+/);
      const docs = await anon.get('/docs');
      expect(docs.status).to.equal(200);
      expect(String(docs.body)).to.include('swagger-ui');
      expect((await anon.get('/docs/assets/swagger-ui-bundle.js')).status).to.equal(200);
    });

    it('refuse oversized bodies (413) and unknown routes (404)', async () => {
      const big = await lessorOfficer.post('/api/v1/scf/network/probe', { note: 'x'.repeat(300 * 1024) });
      expect(big.status).to.equal(413);
      expect(big.body.error.code).to.equal('PAYLOAD_TOO_LARGE');
      const none = await lessorOfficer.get('/api/v1/nothing');
      expect(none.status).to.equal(404);
      expect(none.body.error.code).to.equal('NOT_FOUND');
    });
  });

  describe('webhooks', () => {
    it('deliver chaincode events, signed, retrying a failed delivery', async () => {
      const received: { body: string; signature: string }[] = [];
      let failures = 1;
      const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (failures-- > 0) {
            res.statusCode = 500;
            res.end();
            return;
          }
          received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-dec-signature']) });
          res.end('ok');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
        const from = (await regulator.get('/api/v1/ledger/scf')).body.height as string;
        const created = await bankOfficer.post('/api/v1/webhooks', { url, channel: 'scf', chaincode: 'scf', eventNames: ['ProbeRecorded'], fromBlock: from });
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        const note = `hook ${run}`;
        await bankOfficer.post('/api/v1/scf/network/probe', { note });
        const delivered = await eventually(
          async () => received.find((r) => (JSON.parse(r.body) as { payload: { note: string } }).payload.note === note),
          (r) => r !== undefined,
        );
        const expected = createHmac('sha256', created.body.secret).update(delivered!.body).digest('hex');
        expect(delivered!.signature).to.equal(`sha256=${expected}`);
        const deliveries = await bankOfficer.get(`/api/v1/webhooks/${created.body.id}/deliveries`);
        expect(deliveries.body.deliveries.some((d: { state: string; attempts: number }) => d.state === 'delivered' && d.attempts >= 2)).to.equal(true);
        expect((await lessorOfficer.get(`/api/v1/webhooks/${created.body.id}/deliveries`)).status).to.equal(404);
        expect((await bankOfficer.call('DELETE', `/api/v1/webhooks/${created.body.id}`)).status).to.equal(204);
        expect((await platformUser.post('/api/v1/webhooks', { url, channel: 'scf', chaincode: 'scf' })).status).to.equal(403);
      } finally {
        server.close();
      }
    });
  });
});
