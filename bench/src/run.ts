/**
 * `npm run bench`: brings the network up if needed, runs every benchmark with
 * its baseline, prints a table and writes test-results/bench-<time>.json.
 * Figures depend on the machine; on 2 cores every peer, orderer and chaincode
 * process shares the CPU with the load generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ActorPool } from '@dec/e2e';
import { down, readState, REPO_ROOT, up } from '@dec/test-network';
import { chargingBench, formatCharging } from './charging.bench';
import { baselineCpu } from './baseline-cpu';
import { formatCpuCost } from './cpu-cost';
import { formatTable, type LoadResult } from './load';
import { formatMarket, marketBench, type MarketBenchResult } from './market.bench';
import { formatMetering, meteringBench } from './metering.bench';
import { formatRestVsDirect, restVsDirectBench, type RestVsDirectResult } from './rest-vs-direct.bench';
import { tokenTransferBench } from './token-transfer.bench';

const log = (line: string): void => {
  process.stdout.write(`[bench] ${line}\n`);
};

function ratios(rows: LoadResult[]): string[] {
  const out: string[] = [];
  for (const row of rows.filter((r) => !r.name.startsWith('baseline'))) {
    const open = (r: LoadResult) => r.name.includes('(open loop');
    const base = rows.find((r) => r.name.startsWith('baseline') && r.concurrency === row.concurrency && open(r) === open(row));
    if (base) out.push(`${open(row) ? 'open loop at' : 'concurrency'} ${row.concurrency}${open(row) ? ' tx/s' : ''}: ${row.name} at ${((100 * row.tps) / base.tps).toFixed(0)}% of baseline throughput, ${row.mvccConflicts} MVCC conflicts`);
  }
  return out;
}

const levelsFromEnv = (): number[] => (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const txPerLevel = (c: number): number => (c === 1 ? 40 : Math.max(200, 6 * c));
const skipped = (name: string): boolean => process.env[name] === '0';

async function tokenSection(pool: ActorPool, levels: number[]): Promise<LoadResult[]> {
  if (skipped('BENCH_TOKEN')) return [];
  const rows = await tokenTransferBench(pool, { concurrencies: levels, txPerLevel, openRate: Number(process.env.BENCH_OPEN_RATE ?? 0), log });
  if (rows.length > 0) console.log(`\nToken transfers vs. baseline (same network, same run)\n${formatTable(rows)}\n`);
  for (const line of ratios(rows)) console.log(line);
  return rows;
}

async function marketSection(pool: ActorPool, levels: number[], baseline: LoadResult[]): Promise<MarketBenchResult | undefined> {
  if (skipped('BENCH_MARKET')) return undefined;
  const market = await marketBench(pool, {
    concurrencies: levels,
    ordersPerLevel: txPerLevel,
    matchOrders: Number(process.env.BENCH_MARKET_ORDERS ?? 1_000),
    pageSize: Number(process.env.BENCH_MARKET_PAGE ?? 500),
    log,
  });
  const beside = [...market.orders, ...baseline.filter((r) => r.name.startsWith('baseline'))].sort((a, b) => a.concurrency - b.concurrency || a.name.localeCompare(b.name));
  console.log(`\nMarket orders vs. baseline (same network, same run)\n${formatTable(beside)}\n${formatMarket(market)}\n`);
  for (const line of ratios(beside)) console.log(line);
  return market;
}

async function restSection(pool: ActorPool, levels: number[]): Promise<RestVsDirectResult | undefined> {
  if (skipped('BENCH_REST')) return undefined;
  const cpuProfileDir = process.env.BENCH_API_CPU_PROF ? path.resolve(process.env.BENCH_API_CPU_PROF) : undefined;
  const result = await restVsDirectBench(pool, { concurrencies: levels, txPerLevel, dataDir: path.join(REPO_ROOT, '.run', 'bench-gateway-api'), cpuProfileDir, log });
  if (cpuProfileDir) log(`gateway API CPU profile in ${cpuProfileDir}`);
  console.log(`\nREST vs. direct fabric-gateway client (same workload, same run)\n${formatTable(result.levels.flatMap((l) => [l.direct, l.rest]))}\n`);
  for (const line of formatRestVsDirect(result)) console.log(line);
  return result;
}

/** CPU per committed transaction of the baseline write, the yardstick of the CPU figures beside it. */
async function cpuBaselineSection(pool: ActorPool): Promise<Awaited<ReturnType<typeof baselineCpu>> | undefined> {
  if (skipped('BENCH_CPU_BASELINE')) return undefined;
  const total = Number(process.env.BENCH_CPU_BASELINE_TX ?? 200);
  log(`CPU baseline: ${total} network:Beacon writes at concurrency 10 ...`);
  const baseline = await baselineCpu(pool, { concurrency: 10, total });
  console.log(`\nBaseline network:Beacon (direct client, concurrency 10, same run): ${baseline.load.tps.toFixed(1)} tx/s, p50 ${baseline.load.p50ms.toFixed(0)} ms\n${formatCpuCost(baseline.cpu)}\n`);
  return baseline;
}

async function meteringSection(baseline: Awaited<ReturnType<typeof baselineCpu>> | undefined): Promise<Awaited<ReturnType<typeof meteringBench>> | undefined> {
  if (skipped('BENCH_METERING')) return undefined;
  const metering = await meteringBench({
    meters: Number(process.env.BENCH_METERING_METERS ?? 20),
    readingsPerRun: Number(process.env.BENCH_METERING_READINGS ?? 4_000),
    settings: (process.env.BENCH_METERING_SETTINGS ?? '500x4,250x8').split(',').map((s) => s.split('x').map(Number) as [number, number]),
    log,
  });
  console.log(`\nMeter readings end to end (MQTT publish → committed block → verdict) vs. P-256 verify ceiling (same run)\n${formatMetering(metering)}`);
  if (baseline) console.log(`beside the baseline: ${formatCpuCost(baseline.cpu)}`);
  console.log('');
  return metering;
}

async function chargingSection(pool: ActorPool): Promise<LoadResult[] | undefined> {
  if (skipped('BENCH_CHARGING')) return undefined;
  const levels = (process.env.BENCH_CHARGING_CONCURRENCY ?? '1,10').split(',').map(Number);
  const rows = await chargingBench(pool, { concurrencies: levels, sessionsPerLevel: (c) => (c === 1 ? 20 : Math.max(50, 3 * c)), log });
  console.log(`\nCharging sessions (scan-to-pay start + settling stop) vs. baseline pairs of writes (same network, same run)\n${formatTable(rows)}\n`);
  for (const line of formatCharging(rows)) console.log(line);
  return rows;
}

function writeReport(report: Record<string, unknown>): void {
  const dir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2));
  log(`report: ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const startedHere = readState() === undefined;
  await up();
  const pool = new ActorPool();
  try {
    const levels = levelsFromEnv();
    const rows = await tokenSection(pool, levels);
    const market = await marketSection(pool, levels, rows);
    const cpuBaseline = await cpuBaselineSection(pool);
    const restVsDirect = await restSection(pool, levels);
    const metering = await meteringSection(cpuBaseline);
    const charging = await chargingSection(pool);
    writeReport({ rows, market, cpuBaseline, restVsDirect, metering, charging });
  } finally {
    pool.close();
    if (startedHere && process.env.DEC_KEEP_NETWORK !== '1') await down();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
