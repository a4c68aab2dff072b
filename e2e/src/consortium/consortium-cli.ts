/**
 * The consortium commands as the tests run them: the real CLI in a child
 * process, one admin per call, exactly as each admin would on its own host.
 * Phase timings are printed so a slow step shows in the test output.
 */
import { loadGatewayConfig, findOrg, openGateway, PeerClients, signingIdentity, type Gateway } from '@dec/fabric-client';
import type { GatewayOrg } from '@dec/network';
import { REPO_ROOT, registerAndEnroll, RUN_DIR } from '@dec/test-network';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CLI = path.join(REPO_ROOT, 'test-network', 'dist', 'consortium', 'cli.js');

export interface CliResult {
  code: number;
  output: string;
}

/** Runs `consortium <args>`; resolves with its exit code and output (never rejects on a non-zero exit). */
export function consortium(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Runs a command that must succeed; fails with its output otherwise. */
export async function ok(...args: string[]): Promise<string> {
  const r = await consortium(...args);
  if (r.code !== 0) throw new Error(`consortium ${args.join(' ')} failed (exit ${r.code}):\n${r.output}`);
  return r.output;
}

/** The folder where the admins' update and signature files are exchanged in this run. */
export function exchangeDir(runId: string): string {
  const dir = path.join(RUN_DIR, 'consortium', 'exchange', runId);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A joining org's gateway entry, as `consortium org-create`/`join` wrote it in the org's own folder. */
export function joiningGatewayOrg(orgName: string): GatewayOrg {
  return JSON.parse(readFileSync(path.join(RUN_DIR, 'consortium', 'hosts', orgName, 'gateway', 'org.json'), 'utf8')) as GatewayOrg;
}

/** A user of `org` enrolled at its CA with `attributes`, with a Gateway through the org's first peer. */
export async function gatewayUser(clients: PeerClients, org: GatewayOrg, name: string, attributes: Record<string, string>): Promise<Gateway> {
  const user = await registerAndEnroll(org, name, attributes);
  const peer = org.peers[0];
  if (!peer) throw new Error(`${org.mspId} has no peer`);
  return openGateway(clients.get(peer), signingIdentity(user.mspId, user.certificate, user.privateKey));
}

/** The topology org's gateway entry. */
export function topologyOrg(mspId: string): GatewayOrg {
  return findOrg(loadGatewayConfig(), mspId);
}

/** Prints how long a phase took. */
export async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const value = await fn();
  console.log(`      [phase] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return value;
}
