/**
 * The gateway API against the real network, part 4: webhooks. Deliveries are
 * signed the Standard Webhooks way and retried; a dead endpoint delays nobody
 * else; the delivery log does not tell a refused port from a silent one;
 * each identity has a cap; a revoked owner's retries stop; and without an
 * allowlist, loopback targets are refused (the shared world allowlists
 * 127.0.0.0/8 for its receivers, so that proof runs on an API of its own).
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApi } from '@dec/gateway-api';
import { ApiClient } from '../fixtures/api-client';
import { eventually, startApiWorld, type ApiWorld } from './api-world';

interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A webhook receiver on loopback; `answer` decides each response (or holds it). */
async function receiver(answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<{ url: string; received: Received[]; close(): void }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, headers: req.headers });
      answer(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Standard Webhooks verification, as a receiver does it. */
function verify(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${String(r.headers['webhook-id'])}.${String(r.headers['webhook-timestamp'])}.${r.body}`).digest('base64');
  return String(r.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

describe('gateway API: webhooks (real network)', function () {
  let world: ApiWorld | undefined;
  let run: string, lessorOfficer: ApiClient, bankOfficer: ApiClient, platformUser: ApiClient;

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    ({ run, lessorOfficer, bankOfficer, platformUser } = world);
  });

  after(async () => {
    await world?.close();
  });

  /** A block at or before the next events: the block of a fresh probe (any member may probe). */
  const height = async (): Promise<string> => (await bankOfficer.post('/api/v1/energy/network/probe', { note: `mark ${run}` })).body.blockNumber as string;
  const probeNote = (r: Received): string | undefined => (JSON.parse(r.body) as { payload?: { note?: string } }).payload?.note;

  it('deliver chaincode events signed per Standard Webhooks, retrying a failed delivery with the same message ID', async () => {
    const note = `hook ${run}`;
    let failures = 1;
    // The first attempt of this test's event fails (other events, such as the probe marking the start block, pass).
    const hook = await receiver((_req, res, body) => {
      const mine = body.includes(note);
      res.statusCode = mine && failures-- > 0 ? 500 : 200;
      res.end();
    });
    try {
      const created = await bankOfficer.post('/api/v1/webhooks', { url: hook.url, channel: 'energy', chaincode: 'energy', eventNames: ['ProbeRecorded'], fromBlock: await height() });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body.secret).to.match(/^whsec_/);
      await bankOfficer.post('/api/v1/energy/network/probe', { note });
      await eventually(() => Promise.resolve(hook.received.filter((r) => probeNote(r) === note).length), (n) => n >= 2);
      const attempts = hook.received.filter((r) => probeNote(r) === note);
      const deliveries = await eventually(
        () => bankOfficer.get(`/api/v1/webhooks/${created.body.id}/deliveries`),
        (r) => r.body.deliveries.some((d: { state: string; attempts: number }) => d.state === 'delivered' && d.attempts === 2),
      );
      expect(deliveries.status).to.equal(200);
      expect(attempts.length).to.be.at.least(2);
      for (const a of attempts) expect(verify(created.body.secret, a), 'signature').to.equal(true);
      expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size, 'one message ID across retries').to.equal(1);
      expect(verify(created.body.secret, { ...attempts[0]!, body: attempts[0]!.body.replace(note, 'forged') })).to.equal(false);
      expect((await lessorOfficer.get(`/api/v1/webhooks/${created.body.id}/deliveries`)).status).to.equal(404);
      expect((await bankOfficer.call('DELETE', `/api/v1/webhooks/${created.body.id}`)).status).to.equal(204);
      expect((await platformUser.post('/api/v1/webhooks', { url: hook.url, channel: 'scf', chaincode: 'scf' })).status).to.equal(403);
    } finally {
      hook.close();
    }
  });

  it('deliver to a live endpoint while another endpoint holds its delivery open (per-endpoint queues)', async () => {
    const user = await world!.newUser('BankMSP', 'hooks-concurrent', { role: 'bank-officer' });
    let deadHolding = false;
    let deadStillHeldWhenLiveGotIt: boolean | undefined;
    // The dead endpoint takes the request and never answers; the gateway's deadline (5 s here) ends it.
    const dead = await receiver((req) => {
      deadHolding = true;
      req.socket.on('close', () => {
        deadHolding = false;
      });
    });
    const live = await receiver((_req, res) => {
      deadStillHeldWhenLiveGotIt ??= deadHolding;
      res.end();
    });
    try {
      const from = await height();
      const deadHook = await user.post('/api/v1/webhooks', { url: dead.url, channel: 'energy', chaincode: 'energy', eventNames: ['ProbeRecorded'], fromBlock: from });
      expect(deadHook.status).to.equal(201);
      await user.post('/api/v1/energy/network/probe', { note: `dead first ${run}` });
      await eventually(() => Promise.resolve(deadHolding), (h) => h);
      const liveHook = await user.post('/api/v1/webhooks', { url: live.url, channel: 'energy', chaincode: 'energy', eventNames: ['ProbeRecorded'], fromBlock: from });
      expect(liveHook.status).to.equal(201);
      await eventually(() => Promise.resolve(live.received.length), (n) => n > 0);
      // Had deliveries been one queue, the live endpoint would have waited for the dead one's deadline.
      expect(deadStillHeldWhenLiveGotIt).to.equal(true);
    } finally {
      dead.close();
      live.close();
    }
  });

  it('show the same coarse error for a refused port and a silent endpoint (no port-scan oracle)', async () => {
    const user = await world!.newUser('BankMSP', 'hooks-oracle', { role: 'bank-officer' });
    const silent = await receiver(() => undefined);
    const closed = await receiver(() => undefined);
    const closedUrl = closed.url;
    closed.close();
    try {
      const from = await height();
      const hooks = await Promise.all([silent.url, closedUrl].map((url) => user.post('/api/v1/webhooks', { url, channel: 'energy', chaincode: 'energy', eventNames: ['ProbeRecorded'], fromBlock: from })));
      await user.post('/api/v1/energy/network/probe', { note: `oracle ${run}` });
      const errors = await Promise.all(
        hooks.map(async (h) => {
          const r = await eventually(() => user.get(`/api/v1/webhooks/${h.body.id}/deliveries`), (d) => d.body.deliveries.some((x: { lastError?: string }) => x.lastError));
          return r.body.deliveries[0].lastError as string;
        }),
      );
      expect(errors[0]).to.equal(errors[1]);
      expect(errors[0]).to.not.match(/ECONNREFUSED|refused|timeout|ETIMEDOUT|reset/i);
    } finally {
      silent.close();
    }
  });

  it('cap the webhooks of one identity (409 beyond ten), and count only active ones', async () => {
    const user = await world!.newUser('BankMSP', 'hooks-cap', { role: 'bank-officer' });
    const body = { url: 'http://127.0.0.1:9/hook', channel: 'energy', chaincode: 'energy' };
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await user.post('/api/v1/webhooks', body);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      ids.push(res.body.id as string);
    }
    const over = await user.post('/api/v1/webhooks', body);
    expect(over.status).to.equal(409);
    expect(over.body.error.message).to.match(/at most 10 webhooks/);
    expect((await user.get('/api/v1/webhooks')).body.webhooks).to.have.length(10);
    expect((await user.call('DELETE', `/api/v1/webhooks/${ids[0]!}`)).status).to.equal(204);
    expect((await user.post('/api/v1/webhooks', body)).status).to.equal(201);
  });

  it('stop retrying once the owner is revoked', async () => {
    const enrollmentId = `hooks-revoked-${run}`;
    const user = await world!.newUser('BankMSP', 'hooks-revoked', { role: 'bank-officer' });
    // The first attempt is held open until the owner is revoked, then fails: the retry it would earn must never come.
    const held: http.ServerResponse[] = [];
    const failing = await receiver((_req, res) => {
      res.statusCode = 503;
      held.push(res);
    });
    try {
      const hook = await user.post('/api/v1/webhooks', { url: failing.url, channel: 'energy', chaincode: 'energy', eventNames: ['ProbeRecorded'], fromBlock: await height() });
      await user.post('/api/v1/energy/network/probe', { note: `revoked ${run}` });
      await eventually(() => Promise.resolve(failing.received.length), (n) => n > 0);
      expect((await world!.admin.BankMSP!.post(`/api/v1/identities/${enrollmentId}/revoke`, { reason: 'privilegewithdrawn' })).status).to.equal(200);
      for (const res of held.splice(0)) res.end();
      const db = world!.api.services.db;
      const row = await eventually(
        () => Promise.resolve(db.prepare(`SELECT d.state, d.last_error, d.attempts, w.active FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.id = ?`).get(hook.body.id) as { state: string; last_error: string; attempts: number; active: number }),
        // The revocation may fail the delivery while its first attempt is still out: wait for that attempt to be counted too.
        (r) => r.state === 'failed' && r.attempts > 0,
      );
      expect(row.last_error).to.match(/owner was revoked/);
      expect(row.active).to.equal(0);
      expect(failing.received).to.have.length(1);
      const attempts = (db.prepare(`SELECT attempts FROM webhook_deliveries WHERE webhook_id = ?`).get(hook.body.id) as { attempts: number }).attempts;
      expect(attempts).to.equal(1);
    } finally {
      failing.close();
    }
  });

  describe('without an allowlist', () => {
    it('refuse loopback, private and metadata targets when the webhook is created, and store nothing', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-gateway-hooks-'));
      const api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), webhooks: { maxAttempts: 2, baseDelayMs: 100, pollMs: 100, timeoutMs: 2000, allow: [] } });
      const hook = await receiver((_req, res) => res.end());
      try {
        const admin = new ApiClient(api.url, api.adminKeys.BankMSP);
        const created = await admin.post('/api/v1/identities', { enrollmentId: `hooks-strict-${run}`, role: 'bank-officer' });
        const user = new ApiClient(api.url, created.body.apiKey as string);
        const port = new URL(hook.url).port;
        for (const url of [hook.url, `http://localhost:${port}/hook`, `http://[::1]:${port}/hook`, 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/hook', 'http://[fd00:ec2::254]/']) {
          const res = await user.post('/api/v1/webhooks', { url, channel: 'energy', chaincode: 'energy' });
          expect(res.status, url).to.equal(400);
          expect(res.body.error.details[0].field, url).to.equal('body.url');
        }
        expect((await user.get('/api/v1/webhooks')).body.webhooks).to.deep.equal([]);
        expect(hook.received).to.deep.equal([]);
      } finally {
        hook.close();
        await api.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
