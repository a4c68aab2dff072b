/**
 * REST overhead (issue 6, issue 14 item 3): the same workload, a blind
 * single-key write (`network:Beacon`), submitted (a) directly through the
 * Fabric Gateway by CA-enrolled identities and (b) through the gateway API by
 * API users (one per worker, synchronous submit: the reply waits for the
 * commit; a keep-alive node:http client, ./rest-client.ts). The API runs in a
 * process of its own (./api-child.ts; under `node --cpu-prof` with
 * BENCH_API_CPU_PROF=<dir>), so the load generator does not share its event
 * loop. Same org, same peer, same concurrency, same run.
 * Beside latency, the CPU each process spent per committed transaction
 * (./cpu-cost.ts): the gateway API's per request, the load generator's, the
 * network's. Goal: REST adds < 5 ms p50 and keeps >= 90% of the direct
 * client's throughput.
 */
import { ApiClient, runId, type Actor, type ActorPool } from '@dec/e2e';
import { mkdirSync, rmSync } from 'node:fs';
import { startApiChild, type ApiChild } from './api-child';
import { cpuCost, mergeCosts, networkProcesses, sampleCpu, type CpuCost, type ProcessRef } from './cpu-cost';
import { RestClient } from './rest-client';
import { percentile, runLoad, type LoadResult, type TxOutcome } from './load';

export interface RestVsDirectOptions {
  concurrencies: number[];
  txPerLevel: (concurrency: number) => number;
  /** Folder for the API's database and keys (removed afterwards). */
  dataDir: string;
  /** Run the API process under `node --cpu-prof`, writing its profile here. */
  cpuProfileDir?: string;
  mspId?: string;
  log: (line: string) => void;
}

export interface RestVsDirectLevel {
  concurrency: number;
  direct: LoadResult;
  rest: LoadResult;
  /** REST p50 minus direct p50. */
  p50DiffMs: number;
  /** REST tx/s divided by direct tx/s. */
  throughputRatio: number;
  /** CPU per committed transaction, per process, for each path. */
  directCpu: CpuCost;
  restCpu: CpuCost;
  goalMet: boolean;
}

export interface RestVsDirectResult {
  workload: string;
  mspId: string;
  goal: { maxP50DiffMs: number; minThroughputRatio: number };
  levels: RestVsDirectLevel[];
  goalMet: boolean;
}

const CHANNEL = 'energy';
const GOAL = { maxP50DiffMs: 5, minThroughputRatio: 0.9 };

/** Runs `fn` over `items` with at most `limit` in flight. */
async function withLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
    }),
  );
  return out;
}

async function directSubmit(actor: Actor, note: string): Promise<TxOutcome> {
  const tx = await actor.contract(CHANNEL).newProposal('network:Beacon', { arguments: [JSON.stringify({ note })] }).endorse();
  return { code: (await (await tx.submit()).getStatus()).code };
}

async function restSubmit(client: RestClient, note: string): Promise<TxOutcome> {
  const res = await client.post(`/api/v1/${CHANNEL}/network/beacon`, { note });
  if (res.status === 200 || res.status === 201) return { code: 0 };
  const error = (res.body as { error?: { code: string; validationCode?: number } } | undefined)?.error;
  if (error?.code === 'MVCC_CONFLICT') return { code: 11 };
  if (typeof error?.validationCode === 'number') return { code: error.validationCode };
  throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
}

interface Timed {
  result: LoadResult;
  latencies: number[];
  cpu: CpuCost;
}

/** runLoad, keeping the latencies of valid commits so halves can be merged. */
async function timedLoad(name: string, concurrency: number, total: number, procs: ProcessRef[], submit: (worker: number, seq: number) => Promise<TxOutcome>): Promise<Timed> {
  const latencies: number[] = [];
  const before = sampleCpu(procs);
  const result = await runLoad(name, concurrency, total, async (w, seq) => {
    const t0 = process.hrtime.bigint();
    const out = await submit(w, seq);
    if (out.code === 0) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return out;
  });
  return { result, latencies, cpu: cpuCost(procs, before, sampleCpu(procs), result.committed, 'transaction') };
}

function merge(runs: Timed[]): LoadResult {
  const first = runs[0]!.result;
  const sum = (f: (r: LoadResult) => number) => runs.reduce((acc, t) => acc + f(t.result), 0);
  const latencies = runs.flatMap((t) => t.latencies).sort((a, b) => a - b);
  const committed = sum((r) => r.committed);
  const seconds = sum((r) => r.seconds);
  return {
    name: first.name,
    concurrency: first.concurrency,
    total: sum((r) => r.total),
    committed,
    mvccConflicts: sum((r) => r.mvccConflicts),
    otherFailures: sum((r) => r.otherFailures),
    seconds,
    tps: committed / seconds,
    p50ms: percentile(latencies, 50),
    p99ms: percentile(latencies, 99),
    firstError: runs.find((t) => t.result.firstError)?.result.firstError,
  };
}

/** One direct identity and one API user per worker, all of `mspId`. */
async function enrollWorkers(pool: ActorPool, api: ApiChild, mspId: string, workers: number[]): Promise<{ direct: Actor[]; rest: RestClient[] }> {
  const anon = new ApiClient(api.url);
  const adminKey = api.adminKeys[mspId];
  if (!adminKey) throw new Error(`the API created no admin for ${mspId}`);
  const admin = anon.as(adminKey);
  const run = runId();
  // The first enrollment sets up the org's registrar home; concurrent first uses would race on it.
  const first = await pool.enroll(mspId, 'bench-direct-0', {});
  const direct = [first, ...(await withLimit(workers.slice(1), 10, (i) => pool.enroll(mspId, `bench-direct-${i}`, {})))];
  const rest = await withLimit(workers, 10, async (i) => {
    const res = await admin.post<{ apiKey?: string }>('/api/v1/identities', { enrollmentId: `bench-rest-${i}-${run}` });
    if (res.status !== 201 || !res.body.apiKey) throw new Error(`POST /api/v1/identities: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return new RestClient(api.url, res.body.apiKey, 1);
  });
  return { direct, rest };
}

/** Warm-up outside the measurement: gRPC channels, the API's per-identity sessions, HTTP keep-alive. */
async function warmUp(direct: Actor[], rest: RestClient[]): Promise<void> {
  await Promise.all(
    direct.map(async (actor, w) => {
      const d = await directSubmit(actor, `warm-d${w}`);
      const r = await restSubmit(rest[w]!, `warm-r${w}`);
      if (d.code !== 0 || r.code !== 0) throw new Error(`warm-up failed: direct code ${d.code}, REST code ${r.code}`);
    }),
  );
}

/** One concurrency level: two halves each, in the order direct, REST, REST, direct, so drift in background load falls on both paths alike. */
async function measureLevel(c: number, total: number, direct: Actor[], rest: RestClient[], procs: ProcessRef[], log: (line: string) => void): Promise<RestVsDirectLevel> {
  const half = Math.ceil(total / 2);
  const dRuns: Timed[] = [];
  const rRuns: Timed[] = [];
  for (const path of ['direct', 'REST', 'REST', 'direct'] as const) {
    log(`REST vs direct, concurrency ${c}: ${half} ${path} beacons ...`);
    if (path === 'direct') dRuns.push(await timedLoad('direct network:Beacon', c, half, procs, (w, seq) => directSubmit(direct[w]!, `d${c}-${dRuns.length}-${seq}`)));
    else rRuns.push(await timedLoad('REST network:Beacon', c, half, procs, (w, seq) => restSubmit(rest[w]!, `r${c}-${rRuns.length}-${seq}`)));
  }
  const d = merge(dRuns);
  const r = merge(rRuns);
  const p50DiffMs = r.p50ms - d.p50ms;
  const throughputRatio = d.tps > 0 ? r.tps / d.tps : 0;
  const clean = d.otherFailures === 0 && r.otherFailures === 0;
  const cpu = { directCpu: mergeCosts(dRuns.map((t) => t.cpu)), restCpu: mergeCosts(rRuns.map((t) => t.cpu)) };
  return { concurrency: c, direct: d, rest: r, p50DiffMs, throughputRatio, ...cpu, goalMet: clean && p50DiffMs < GOAL.maxP50DiffMs && throughputRatio >= GOAL.minThroughputRatio };
}

export async function restVsDirectBench(pool: ActorPool, options: RestVsDirectOptions): Promise<RestVsDirectResult> {
  const mspId = options.mspId ?? 'BankMSP';
  const maxConc = Math.max(...options.concurrencies);
  rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  let api: ApiChild | undefined;
  try {
    if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
    api = await startApiChild({ dataDir: options.dataDir, cpuProfileDir: options.cpuProfileDir });
    const procs: ProcessRef[] = [
      ...networkProcesses(),
      { name: 'gateway API', kind: 'gateway API', pid: api.pid, alone: true },
      { name: 'load generator', kind: 'load generator (direct client)', pid: process.pid, alone: true },
    ];
    options.log(`REST vs direct: API at ${api.url} (pid ${api.pid}); enrolling ${maxConc} direct identities and ${maxConc} API users of ${mspId} ...`);
    const { direct, rest } = await enrollWorkers(pool, api, mspId, Array.from({ length: maxConc }, (_, i) => i));
    await warmUp(direct, rest);
    const levels: RestVsDirectLevel[] = [];
    try {
      for (const c of options.concurrencies) levels.push(await measureLevel(c, options.txPerLevel(c), direct, rest, procs, options.log));
    } finally {
      for (const client of rest) client.close();
    }
    return { workload: 'network:Beacon (blind write), synchronous submit', mspId, goal: GOAL, levels, goalMet: levels.every((l) => l.goalMet) };
  } finally {
    await api?.close();
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

export function formatRestVsDirect(result: RestVsDirectResult): string[] {
  const ms = (c: CpuCost, kind: string): string => (c.byKind[kind] ?? 0).toFixed(2);
  const lines = result.levels.flatMap((l) => [
    `concurrency ${l.concurrency}: direct ${l.direct.tps.toFixed(1)} tx/s p50 ${l.direct.p50ms.toFixed(1)} ms p99 ${l.direct.p99ms.toFixed(1)} ms; ` +
      `REST ${l.rest.tps.toFixed(1)} tx/s p50 ${l.rest.p50ms.toFixed(1)} ms p99 ${l.rest.p99ms.toFixed(1)} ms; ` +
      `REST adds ${l.p50DiffMs.toFixed(1)} ms p50, keeps ${(100 * l.throughputRatio).toFixed(0)}% of direct throughput — goal ${l.goalMet ? 'met' : 'NOT met'}`,
    `  CPU ms per transaction (load average ${l.restCpu.loadavg1.toFixed(1)}): gateway API process ${ms(l.restCpu, 'gateway API')} per REST request ` +
      `(${ms(l.directCpu, 'gateway API')} while the direct client ran: its block indexer), load generator ${ms(l.restCpu, 'load generator (direct client)')} REST vs ${ms(l.directCpu, 'load generator (direct client)')} direct, ` +
      `network ${(l.restCpu.totalMsPerUnit - (l.restCpu.byKind['gateway API'] ?? 0) - (l.restCpu.byKind['load generator (direct client)'] ?? 0)).toFixed(2)} REST vs ` +
      `${(l.directCpu.totalMsPerUnit - (l.directCpu.byKind['gateway API'] ?? 0) - (l.directCpu.byKind['load generator (direct client)'] ?? 0)).toFixed(2)} direct`,
  ]);
  return [...lines, `REST vs direct goal (p50 +< ${result.goal.maxP50DiffMs} ms, >= ${100 * result.goal.minThroughputRatio}% throughput): ${result.goalMet ? 'met' : 'NOT met'}`];
}
