/**
 * Social rewards (issue 16, white paper 4.1.5) on the real network through
 * the gateway's REST routes: a user earns share and comment rewards from the
 * DECC reward pool up to the daily cap (the last reward cut to the cap, the
 * next refused naming the field, nothing paid), and a tip moves DECC; the
 * token audit holds.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient, Reply } from '../fixtures/api-client';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import { ActorPool } from '../fixtures/actors';
import { postRate } from '../fixtures/committee';
import { enrollOperator } from '../fixtures/energy-fleet';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const DEC = (whole: number): string => (BigInt(whole) * 10n ** 18n).toString();
const SO = '/api/v1/energy/social';
/** The stated rules (social/logic.ts): DECC base units (1 DECC = 100). */
const SHARE = 1000n;
const COMMENT = 500n;
const CAP = 10_000n;

async function retrying(call: () => Promise<Reply>, what: string): Promise<Record<string, unknown>> {
  let last: Reply | undefined;
  for (let i = 0; i < 40; i++) {
    last = await call();
    if (last.status === 200) return last.body as Record<string, unknown>;
    if (![404, 409, 503].includes(last.status)) break;
    await sleep(500);
  }
  throw new Error(`${what}: HTTP ${last?.status} ${JSON.stringify(last?.body)}`);
}

async function tx<T = Record<string, unknown>>(who: ApiClient, path: string, body?: unknown): Promise<T> {
  return (await retrying(() => (body === undefined ? who.get(path) : who.post(path, body)), path)).result as T;
}

describe('social rewards through the gateway (issue 16)', function () {
  this.timeout(300_000);
  let world: ApiWorld;
  let operator: ApiClient;
  const users: Record<string, { client: ApiClient; eid: string }> = {};
  const decc = async (name: string): Promise<bigint> => BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: users[name]!.eid, asset: 'DECC' })).balance);

  async function onboard(name: string, mspId: string): Promise<void> {
    const client = await world.newUser(mspId, `so-${name}`);
    const reg = await tx<{ eid: string }>(client, '/api/v1/energy/identity/register', { kycHash: sha256(`${name}-${world.run}`), roles: ['consumer'] });
    await tx(operator, '/api/v1/energy/identity/approve', { eid: reg.eid });
    users[name] = { client, eid: reg.eid };
  }

  before(async function () {
    this.timeout(300_000);
    world = await startApiWorld();
    operator = await world.newUser('PlatformMSP', 'so-operator', { role: 'operator' });
    const genesis = await tx<{ genesis?: unknown } | null>(operator, '/api/v1/energy/token/get-genesis');
    if (!genesis?.genesis) await tx(operator, '/api/v1/energy/token/genesis', {});
    const rate = await tx<{ deccPerDec?: unknown } | null>(operator, '/api/v1/energy/token/get-rate');
    if (!rate || !('deccPerDec' in rate)) {
      const pool = new ActorPool();
      try {
        await postRate(pool, await enrollOperator(pool), '1');
      } finally {
        pool.close();
      }
    }
    await tx(operator, '/api/v1/energy/token/fund-reward-pool', { from: 'sys:others', decAmount: DEC(200) });
    await Promise.all([onboard('author', 'SupplierMSP'), onboard('fan', 'BankMSP')]);
  });

  after(async () => {
    await world.close();
  });

  it('rewards sharing and discussing up to the daily cap, then refuses naming the field; a tip moves DECC; the audit holds', async () => {
    const { author, fan } = users as Record<string, { client: ApiClient; eid: string }>;
    const n = Number(CAP / SHARE);
    for (let i = 0; i <= n; i++) await tx(author!.client, `${SO}/post`, { author: author!.eid, contentHash: sha256(`${world.run}-post-${i}`) });
    const before = await decc('fan');
    const comment = await tx<{ reward: string }>(fan!.client, `${SO}/comment`, { author: fan!.eid, contentHash: sha256(`${world.run}-c`), parent: sha256(`${world.run}-post-0`) });
    expect(comment.reward).to.equal(COMMENT.toString());
    let last = { reward: '' };
    for (let i = 1; i <= n; i++) last = await tx<{ reward: string }>(fan!.client, `${SO}/share`, { author: fan!.eid, contentHash: sha256(`${world.run}-s-${i}`), parent: sha256(`${world.run}-post-${i}`) });
    expect(last.reward).to.equal((SHARE - COMMENT).toString());
    expect(await decc('fan')).to.equal(before + CAP);
    const over = await fan!.client.post(`${SO}/comment`, { author: fan!.eid, contentHash: sha256(`${world.run}-over`), parent: sha256(`${world.run}-post-1`) });
    expect(over.status, JSON.stringify(over.body)).to.equal(400);
    expect(JSON.stringify(over.body)).to.contain('request.author');
    expect(await decc('fan')).to.equal(before + CAP);
    await tx(fan!.client, `${SO}/tip`, { from: fan!.eid, to: author!.eid, amount: '250' });
    expect(await decc('author')).to.equal(250n);
    const audit = (await retrying(() => world.regulator.get('/api/v1/energy/token/audit'), 'audit')).result as { ok: boolean; checks: unknown[] };
    expect(audit.ok, JSON.stringify(audit.checks)).to.equal(true);
  });
});
