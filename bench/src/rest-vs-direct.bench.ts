/**
 * REST overhead (issue 6): the same workload, a blind single-key write
 * (`network:Beacon`), submitted (a) directly through the Fabric Gateway by
 * CA-enrolled identities and (b) through the gateway API, started in-process
 * on a free port with its own data folder, by API users (one per worker,
 * synchronous submit: the reply waits for the commit). Same org, same peer,
 * same concurrency, same run. Goal: REST adds < 5 ms p50 and keeps >= 90% of
 * the direct client's throughput.
 */
import { ApiClient, runId, type Actor, type ActorPool } from '@dec/e2e';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { mkdirSync, rmSync } from 'node:fs';
import { percentile, runLoad, type LoadResult, type TxOutcome } from './load';

export interface RestVsDirectOptions {
  concurrencies: number[];
  txPerLevel: (concurrency: number) => number;
  /** Folder for the API's database and keys (removed afterwards). */
  dataDir: string;
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

async function restSubmit(client: ApiClient, note: string): Promise<TxOutcome> {
  const res = await client.post<{ error?: { code: string; message: string; validationCode?: number } }>(`/api/v1/${CHANNEL}/network/beacon`, { note });
  if (res.status === 200 || res.status === 201) return { code: 0 };
  if (res.body.error?.code === 'MVCC_CONFLICT') return { code: 11 };
  if (typeof res.body.error?.validationCode === 'number') return { code: res.body.error.validationCode };
  throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
}

interface Timed {
  result: LoadResult;
  latencies: number[];
}

/** runLoad, keeping the latencies of valid commits so halves can be merged. */
async function timedLoad(name: string, concurrency: number, total: number, submit: (worker: number, seq: number) => Promise<TxOutcome>): Promise<Timed> {
  const latencies: number[] = [];
  const result = await runLoad(name, concurrency, total, async (w, seq) => {
    const t0 = process.hrtime.bigint();
    const out = await submit(w, seq);
    if (out.code === 0) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return out;
  });
  return { result, latencies };
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
async function enrollWorkers(pool: ActorPool, api: RunningApi, mspId: string, workers: number[]): Promise<{ direct: Actor[]; rest: ApiClient[] }> {
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
    return anon.as(res.body.apiKey);
  });
  return { direct, rest };
}

/** Warm-up outside the measurement: gRPC channels, the API's per-identity sessions, HTTP keep-alive. */
async function warmUp(direct: Actor[], rest: ApiClient[]): Promise<void> {
  await Promise.all(
    direct.map(async (actor, w) => {
      const d = await directSubmit(actor, `warm-d${w}`);
      const r = await restSubmit(rest[w]!, `warm-r${w}`);
      if (d.code !== 0 || r.code !== 0) throw new Error(`warm-up failed: direct code ${d.code}, REST code ${r.code}`);
    }),
  );
}

/** One concurrency level: two halves each, in the order direct, REST, REST, direct, so drift in background load falls on both paths alike. */
async function measureLevel(c: number, total: number, direct: Actor[], rest: ApiClient[], log: (line: string) => void): Promise<RestVsDirectLevel> {
  const half = Math.ceil(total / 2);
  const dRuns: Timed[] = [];
  const rRuns: Timed[] = [];
  for (const path of ['direct', 'REST', 'REST', 'direct'] as const) {
    log(`REST vs direct, concurrency ${c}: ${half} ${path} beacons ...`);
    if (path === 'direct') dRuns.push(await timedLoad('direct network:Beacon', c, half, (w, seq) => directSubmit(direct[w]!, `d${c}-${dRuns.length}-${seq}`)));
    else rRuns.push(await timedLoad('REST network:Beacon', c, half, (w, seq) => restSubmit(rest[w]!, `r${c}-${rRuns.length}-${seq}`)));
  }
  const d = merge(dRuns);
  const r = merge(rRuns);
  const p50DiffMs = r.p50ms - d.p50ms;
  const throughputRatio = d.tps > 0 ? r.tps / d.tps : 0;
  const clean = d.otherFailures === 0 && r.otherFailures === 0;
  return { concurrency: c, direct: d, rest: r, p50DiffMs, throughputRatio, goalMet: clean && p50DiffMs < GOAL.maxP50DiffMs && throughputRatio >= GOAL.minThroughputRatio };
}

export async function restVsDirectBench(pool: ActorPool, options: RestVsDirectOptions): Promise<RestVsDirectResult> {
  const mspId = options.mspId ?? 'BankMSP';
  const maxConc = Math.max(...options.concurrencies);
  rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  let api: RunningApi | undefined;
  try {
    process.env.DEC_API_LOG_LEVEL ??= 'silent';
    api = await startApi({ port: 0, dataDir: options.dataDir, rateLimitPerMinute: 1_000_000 });
    options.log(`REST vs direct: API at ${api.url}; enrolling ${maxConc} direct identities and ${maxConc} API users of ${mspId} ...`);
    const { direct, rest } = await enrollWorkers(pool, api, mspId, Array.from({ length: maxConc }, (_, i) => i));
    await warmUp(direct, rest);
    const levels: RestVsDirectLevel[] = [];
    for (const c of options.concurrencies) levels.push(await measureLevel(c, options.txPerLevel(c), direct, rest, options.log));
    return { workload: 'network:Beacon (blind write), synchronous submit', mspId, goal: GOAL, levels, goalMet: levels.every((l) => l.goalMet) };
  } finally {
    await api?.close();
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

export function formatRestVsDirect(result: RestVsDirectResult): string[] {
  const lines = result.levels.map(
    (l) =>
      `concurrency ${l.concurrency}: direct ${l.direct.tps.toFixed(1)} tx/s p50 ${l.direct.p50ms.toFixed(1)} ms p99 ${l.direct.p99ms.toFixed(1)} ms; ` +
      `REST ${l.rest.tps.toFixed(1)} tx/s p50 ${l.rest.p50ms.toFixed(1)} ms p99 ${l.rest.p99ms.toFixed(1)} ms; ` +
      `REST adds ${l.p50DiffMs.toFixed(1)} ms p50, keeps ${(100 * l.throughputRatio).toFixed(0)}% of direct throughput — goal ${l.goalMet ? 'met' : 'NOT met'}`,
  );
  return [...lines, `REST vs direct goal (p50 +< ${result.goal.maxP50DiffMs} ms, >= ${100 * result.goal.minThroughputRatio}% throughput): ${result.goalMet ? 'met' : 'NOT met'}`];
}
