/**
 * The gateway API against the real network, part 2: idempotent and async
 * submits, and event streams that resume where they left off.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import type { RunningApi } from '@dec/gateway-api';
import type { ApiClient } from '../fixtures/api-client';
import { eventually, startApiWorld, type ApiWorld } from './api-world';

describe('gateway API: submits and event streams (real network)', function () {
  let world: ApiWorld | undefined;
  let run: string, api: RunningApi, admin: Record<string, ApiClient>, lessorOfficer: ApiClient, bankOfficer: ApiClient, regulator: ApiClient, platformUser: ApiClient;

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    ({ run, api, admin, lessorOfficer, bankOfficer, regulator, platformUser } = world);
  });

  after(async () => {
    await world?.close();
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
});
