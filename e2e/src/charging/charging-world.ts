/**
 * What the remote-start/TLS and rental e2e files share: REST calls that retry
 * while another org's peer is a block behind, funded participants, balances,
 * and the platform's token and charging setup (genesis, rate, fee 1000 bps).
 */
import { randomBytes } from 'node:crypto';
import type { ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';
import { ActorPool } from '../fixtures/actors';
import { postRate } from '../fixtures/committee';
import { dec, enrollOperator, kycHash } from '../fixtures/energy-fleet';

export const base32 = (): string => Array.from(randomBytes(20), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');

/** POSTs a transaction route (GET when `body` is undefined); retries while another org's peer is a block behind. */
export async function ok<T = Record<string, unknown>>(client: ApiClient, route: string, body?: unknown): Promise<T> {
  for (let i = 0; ; i++) {
    const path = `/api/v1/energy/${route}`;
    const res = body === undefined ? await client.get<{ result: T }>(path) : await client.post<{ result: T }>(path, body);
    if (res.status === 200 || res.status === 201) return res.body.result;
    if (![403, 404, 503].includes(res.status) || i > 30) throw new Error(`${route}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** An approved participant with 1000 DEC, a 10 DEC deposit and (with `decc`) DECC minted from 100 DEC. */
export async function participant(w: ApiWorld, operator: ApiClient, client: ApiClient, roles: string[], name: string, decc: boolean): Promise<string> {
  const p = await ok<{ eid: string }>(client, 'identity/register', { kycHash: kycHash(`${name}-${w.run}`), roles });
  await ok(operator, 'identity/approve', { eid: p.eid });
  await ok(operator, 'token/release-batch', { pool: 'others', batchId: `${name}-${w.run}`, payouts: [{ to: p.eid, amount: dec(1000) }] });
  await ok(client, 'token/lock-deposit', { account: p.eid, amount: dec(10) });
  if (decc) await ok(client, 'token/mint-decc', { account: p.eid, decAmount: dec(100) });
  return p.eid;
}

export const balance = async (operator: ApiClient, account: string): Promise<bigint> => BigInt((await ok<{ balance: string }>(operator, 'token/balance', { account, asset: 'DECC' })).balance);

/** Genesis and the DECC rate once per network, then the charging platform fee (1000 bps) and minimum deposit. */
export async function setupCharging(w: ApiWorld, tag: string): Promise<ApiClient> {
  const operator = await w.newUser('PlatformMSP', `${tag}-op`, { role: 'operator' });
  const genesis = await ok<{ genesis: unknown }>(operator, 'token/get-genesis');
  if (!genesis.genesis) await ok(operator, 'token/genesis', {});
  const rate = await ok<{ rate?: unknown } | null>(operator, 'token/get-rate');
  if (!rate || !('deccPerDec' in rate)) {
    const pool = new ActorPool();
    try {
      await postRate(pool, await enrollOperator(pool), '1');
    } finally {
      pool.close();
    }
  }
  await ok(operator, 'charging/configure', { feeBps: 1000, minDeposit: '1' });
  return operator;
}
