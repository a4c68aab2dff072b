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

    /** The notes of the next `n` probe events of this run on a stream, with their event IDs. */
    async function probes(stream: Awaited<ReturnType<ApiClient['sse']>>, n: number, prefix: string): Promise<{ id: string; note: string }[]> {
      const got: { id: string; note: string }[] = [];
      while (got.length < n) {
        const ev = await stream.next();
        const note = String(ev.data.payload?.note);
        if (note.startsWith(prefix)) got.push({ id: ev.id!, note });
      }
      return got;
    }

    it('keep a named checkpoint where the client acknowledged: unacknowledged events come again, nothing is skipped', async () => {
      const checkpoint = `cp-${run}`;
      const prefix = `cp ${run}`;
      const path = `/api/v1/events/energy/chaincode/energy?eventNames=ProbeRecorded&checkpoint=${checkpoint}`;
      // A new checkpoint starts where its first stream starts, before the events below exist.
      const first = await platformUser.sse(path);
      expect(first.status).to.equal(200);
      const created = await platformUser.get(`/api/v1/events/energy/checkpoints/${checkpoint}`);
      expect(created.status).to.equal(200);
      for (const n of [1, 2, 3]) await platformUser.post('/api/v1/energy/network/probe', { note: `${prefix} ${n}` });
      const [a, b] = await probes(first, 2, prefix);
      first.close();
      // Nothing acknowledged: the checkpoint did not move, and the same events come again.
      expect((await platformUser.get(`/api/v1/events/energy/checkpoints/${checkpoint}`)).body).to.deep.equal(created.body);
      const again = await platformUser.sse(path);
      expect((await probes(again, 1, prefix))[0]).to.deep.equal(a);
      again.close();
      // An explicit acknowledgement of the first: the stream resumes at the second.
      const ack = await platformUser.call('PUT', `/api/v1/events/energy/checkpoints/${checkpoint}`, { lastEventId: a!.id });
      expect(ack.status, JSON.stringify(ack.body)).to.equal(200);
      const afterAck = await platformUser.sse(path);
      expect((await probes(afterAck, 1, prefix))[0]).to.deep.equal(b);
      afterAck.close();
      // A reconnect with Last-Event-ID acknowledges up to it; the next stream from the checkpoint alone starts after it.
      const withLastId = await platformUser.sse(path, { 'last-event-id': b!.id });
      const [c] = await probes(withLastId, 1, prefix);
      withLastId.close();
      expect(c!.note).to.equal(`${prefix} 3`);
      const resumed = await platformUser.sse(path);
      expect((await probes(resumed, 1, prefix))[0]).to.deep.equal(c);
      resumed.close();
      // Acknowledgements never move a checkpoint back, and another identity has no such checkpoint.
      expect((await platformUser.call('PUT', `/api/v1/events/energy/checkpoints/${checkpoint}`, { lastEventId: '0' })).status).to.equal(409);
      expect((await lessorOfficer.get(`/api/v1/events/energy/checkpoints/${checkpoint}`)).status).to.equal(404);
    });

    it('cap the open streams of one identity (429 beyond five), and free a slot when a stream closes', async () => {
      const user = await world!.newUser('PlatformMSP', 'streams-cap');
      const open = await Promise.all([1, 2, 3, 4, 5].map(() => user.sse('/api/v1/events/energy/blocks')));
      for (const s of open) expect(s.status).to.equal(200);
      const over = await user.get('/api/v1/events/energy/blocks');
      expect(over.status).to.equal(429);
      expect(over.body.error.message).to.match(/at most 5 open event streams/);
      // Another identity is not affected.
      const other = await platformUser.sse('/api/v1/events/energy/blocks');
      expect(other.status).to.equal(200);
      other.close();
      open[0]!.close();
      const next = await eventually(
        () => user.sse('/api/v1/events/energy/blocks'),
        (s) => {
          if (s.status !== 200) s.close();
          return s.status === 200;
        },
      );
      next.close();
      for (const s of open.slice(1)) s.close();
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
