/**
 * The gateway's index on the real network, through its REST routes: it
 * catches up with each channel's chain from the block stream, its blocks and
 * transactions match what the ledger endpoints read from the peer, a DEC
 * transfer is found by both participants' eIDs, a receivable shows up in the
 * state list, a restarted gateway resumes at its checkpoint, a rebuild reads
 * the chain again from block 0, and refusals (non-member, bad input, a
 * non-admin rebuild) change nothing.
 */
import { startApi, type RunningApi } from '@dec/gateway-api';
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { ApiClient } from '../fixtures/api-client';
import { newUser, receivableWithHistory, runId, tokenParties, transfer } from './scenario';

interface Status { indexedHeight: string; rebuilds: number }
interface Page<T> { items: T[]; next?: string }
interface BlockItem { number: string; dataHash: string; transactionCount: number }
interface TxItem { transactionId: string; blockNumber: string; validationCode: string | null; chaincode: string | null }
interface StateItem { key: string }

const start = (dataDir: string) => startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });

/** Waits until the index holds the channel's whole chain as the ledger reports it now. */
async function caughtUp(client: ApiClient, channel: string): Promise<number> {
  const height = Number((await client.get<{ height: string }>(`/api/v1/ledger/${channel}`)).body.height);
  for (let i = 0; i < 240; i++) {
    const status = await client.get<Status>(`/api/v1/index/${channel}`);
    if (Number(status.body.indexedHeight) >= height) return height;
    await sleep(250);
  }
  throw new Error(`index of ${channel} did not reach height ${String(height)}`);
}

describe('gateway index of the block stream (real network, REST)', function () {
  const run = runId();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-index-gateway-'));
  let api: RunningApi;
  let regulator: ApiClient;
  let regulatorAdmin: ApiClient;
  let platformAdmin: ApiClient;

  before(async function () {
    this.timeout(240_000);
    api = await start(dataDir);
    const anon = new ApiClient(api.url);
    regulatorAdmin = anon.as(api.adminKeys.RegulatorMSP);
    platformAdmin = anon.as(api.adminKeys.PlatformMSP);
    regulator = await newUser(regulatorAdmin, `idx-regulator-${run}`, { role: 'regulator' });
  });

  after(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the same blocks and transactions as the ledger', async function () {
    this.timeout(120_000);
    const height = await caughtUp(regulator, 'energy');
    const page = await regulator.get<Page<BlockItem>>(`/api/v1/index/energy/blocks?limit=5`);
    expect(page.status).to.equal(200);
    expect(page.body.items[0]?.number).to.equal(String(height - 1));
    const top = page.body.items[0] as BlockItem;
    const ledger = (await regulator.get<BlockItem>(`/api/v1/ledger/energy/blocks/${top.number}`)).body;
    expect(top.dataHash).to.equal(ledger.dataHash);
    expect(top.transactionCount).to.equal(ledger.transactionCount);
    const older = await regulator.get<Page<BlockItem>>(`/api/v1/index/energy/blocks?limit=5&before=${page.body.next ?? ''}`);
    expect(Number(older.body.items[0]?.number)).to.equal(Number(page.body.items[4]?.number) - 1);
    const genesis = await regulator.get<Page<TxItem>>('/api/v1/index/energy/transactions?type=CONFIG&limit=100');
    expect(genesis.body.items.map((t) => t.blockNumber)).to.include('0');
  });

  it('finds a DEC transfer by either participant eID and by function', async function () {
    this.timeout(180_000);
    const [operator, payer, payee] = await Promise.all([
      newUser(platformAdmin, `idx-operator-${run}`, { role: 'operator' }),
      newUser(new ApiClient(api.url, api.adminKeys.BankMSP), `idx-payer-${run}`),
      newUser(new ApiClient(api.url, api.adminKeys.SupplierMSP), `idx-payee-${run}`),
    ]);
    const parties = await tokenParties(operator, payer, payee, run);
    const sent = await transfer(parties, 3);
    await caughtUp(regulator, 'energy');
    for (const eid of [parties.payerEid, parties.payeeEid]) {
      const byEid = await regulator.get<Page<TxItem>>(`/api/v1/index/energy/transactions?eid=${encodeURIComponent(eid)}`);
      expect(byEid.body.items.map((t) => t.transactionId), eid).to.include(sent.transactionId);
    }
    const byFunction = await regulator.get<Page<TxItem>>('/api/v1/index/energy/transactions?function=token:Transfer&limit=5');
    const found = byFunction.body.items.find((t) => t.transactionId === sent.transactionId);
    expect(found).to.include({ blockNumber: sent.blockNumber, validationCode: 'VALID', chaincode: 'energy' });
  });

  it('lists receivables of channel scf from their latest writes', async function () {
    this.timeout(180_000);
    const anon = new ApiClient(api.url);
    const pc = await newUser(anon.as(api.adminKeys.LessorMSP), `idx-pc-${run}`, { role: 'project-company', eid: `pc-${run}` });
    const lessor = await newUser(anon.as(api.adminKeys.LessorMSP), `idx-lessor-${run}`, { role: 'lessor-officer' });
    const leaseId = await receivableWithHistory(pc, lessor, `sup-${run}`, run);
    await caughtUp(regulator, 'scf');
    const list = await regulator.get<Page<StateItem>>(`/api/v1/index/scf/state/receivable?first=${encodeURIComponent(leaseId)}`);
    expect(list.status).to.equal(200);
    const keys = list.body.items.map((i) => i.key);
    expect(keys).to.include(`${leaseId}~${leaseId}.1`);
    const history = await regulator.get<Page<StateItem>>(`/api/v1/index/scf/state/receivable?first=${encodeURIComponent(leaseId)}&history=true&limit=100`);
    expect(history.body.items.length).to.be.greaterThan(list.body.items.length);
  });

  it('refuses non-members, bad input and non-admin rebuilds, changing nothing', async () => {
    const before = (await regulator.get<Status>('/api/v1/index/scf')).body.indexedHeight;
    expect((await platformAdmin.get('/api/v1/index/scf/blocks')).status).to.equal(403);
    const bad = await regulator.get('/api/v1/index/energy/blocks?limit=1000');
    expect(bad.status).to.equal(400);
    expect(JSON.stringify(bad.body)).to.contain('limit');
    expect((await regulator.get('/api/v1/index/energy/state/token.balance')).status).to.equal(400);
    expect((await regulator.post('/api/v1/index/scf/rebuild')).status).to.equal(403);
    expect((await platformAdmin.post('/api/v1/index/energy/rebuild')).status).to.equal(403);
    const after = await regulator.get<Status>('/api/v1/index/scf');
    expect(after.body).to.include({ rebuilds: 0 });
    expect(Number(after.body.indexedHeight)).to.be.at.least(Number(before));
  });

  it('resumes at its checkpoint after a restart and rebuilds from block 0 on demand', async function () {
    this.timeout(180_000);
    const held = Number((await regulator.get<Status>('/api/v1/index/scf')).body.indexedHeight);
    await api.close();
    api = await start(dataDir);
    regulatorAdmin = new ApiClient(api.url, api.adminKeys.RegulatorMSP ?? regulatorAdmin.key);
    regulator = new ApiClient(api.url, regulator.key);
    const resumed = await regulator.get<Status>('/api/v1/index/scf');
    expect(Number(resumed.body.indexedHeight)).to.be.at.least(held);
    const rebuilt = await regulatorAdmin.post<Status>('/api/v1/index/scf/rebuild');
    expect(rebuilt.status).to.equal(202);
    expect(rebuilt.body).to.include({ rebuilds: 1 });
    expect(Number(rebuilt.body.indexedHeight)).to.equal(0);
    const height = await caughtUp(regulator, 'scf');
    const page = await regulator.get<Page<BlockItem>>(`/api/v1/index/scf/blocks?limit=1&before=1`);
    expect(page.body.items[0]?.number).to.equal('0');
    expect(height).to.be.at.least(held);
  });
});
