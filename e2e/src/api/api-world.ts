/**
 * What every gateway API suite starts from: the API in-process on a free port
 * with its own data folder, each org's API admin, and six users enrolled at
 * their orgs' CAs with the roles the chaincode checks.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { ApiClient } from '../fixtures/api-client';

/** A placeholder 64-hex-digit hash made of `c`. */
export const H = (c: string): string => c.repeat(64).slice(0, 64);

/** A write commits on the submitter's peer first; another org's peer may be a block behind. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await read();
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`never became true: ${JSON.stringify(last)}`);
}

export interface ApiWorld {
  /** A suffix for this world's names, so suites and runs against a long-lived network never collide. */
  run: string;
  api: RunningApi;
  anon: ApiClient;
  /** Each org's API admin, by MSP ID. */
  admin: Record<string, ApiClient>;
  projectCompany: ApiClient;
  lessorOfficer: ApiClient;
  bankOfficer: ApiClient;
  supplier: ApiClient;
  regulator: ApiClient;
  platformUser: ApiClient;
  /** The enrollment ID of each user above, by its short name (pc, lessor, bank, supplier, regulator, platform). */
  enrollmentIds: Record<string, string>;
  /** Enrolls another user of `mspId` through its admin. */
  newUser: (mspId: string, name: string, attrs?: { role?: string; eid?: string }) => Promise<ApiClient>;
  close(): Promise<void>;
}

export async function startApiWorld(): Promise<ApiWorld> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-gateway-api-'));
  const api = await startApi({
    port: 0,
    dataDir,
    logger: pino({ level: 'silent' }),
    rateLimitPerMinute: 100_000,
    authFailuresPerMinute: 10_000,
    // The suites' webhook receivers listen on loopback, which webhooks may call only when allowlisted.
    webhooks: { maxAttempts: 5, baseDelayMs: 100, pollMs: 100, timeoutMs: 5000, allow: ['127.0.0.0/8'] },
  });
  const anon = new ApiClient(api.url);
  const admin: Record<string, ApiClient> = {};
  for (const [mspId, key] of Object.entries(api.adminKeys)) admin[mspId] = anon.as(key);
  expect(Object.keys(admin)).to.have.members(['PlatformMSP', 'GridMSP', 'BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']);
  const enrollmentIds: Record<string, string> = {};
  const newUser = async (mspId: string, name: string, attrs: { role?: string; eid?: string } = {}): Promise<ApiClient> => {
    const enrollmentId = `${name}-${run}`;
    const res = await admin[mspId]!.post<{ apiKey: string }>('/api/v1/identities', { enrollmentId, ...attrs });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    enrollmentIds[name] = enrollmentId;
    return anon.as(res.body.apiKey);
  };
  const [projectCompany, lessorOfficer, bankOfficer, supplier, regulator, platformUser] = await Promise.all([
    newUser('LessorMSP', 'pc', { role: 'project-company', eid: `pc-${run}` }),
    newUser('LessorMSP', 'lessor', { role: 'lessor-officer' }),
    newUser('BankMSP', 'bank', { role: 'bank-officer' }),
    newUser('SupplierMSP', 'supplier', { role: 'supplier', eid: `sup-${run}` }),
    newUser('RegulatorMSP', 'regulator', { role: 'regulator' }),
    newUser('PlatformMSP', 'platform'),
  ]);
  return {
    run, api, anon, admin, projectCompany, lessorOfficer, bankOfficer, supplier, regulator, platformUser, enrollmentIds, newUser,
    close: async () => {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
