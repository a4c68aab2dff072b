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
import { formatTable, type LoadResult } from './load';
import { formatMarket, marketBench } from './market.bench';
import { formatMetering, meteringBench } from './metering.bench';
import { formatRestVsDirect, restVsDirectBench } from './rest-vs-direct.bench';
import { tokenTransferBench } from './token-transfer.bench';

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function ratios(rows: LoadResult[]): string[] {
  const out: string[] = [];
  for (const row of rows.filter((r) => !r.name.startsWith('baseline'))) {
    const base = rows.find((r) => r.name.startsWith('baseline') && r.concurrency === row.concurrency);
    if (base) out.push(`concurrency ${row.concurrency}: ${row.name} at ${((100 * row.tps) / base.tps).toFixed(0)}% of baseline throughput, ${row.mvccConflicts} MVCC conflicts`);
  }
  return out;
}

async function main(): Promise<void> {
  const startedHere = readState() === undefined;
  await up();
  const pool = new ActorPool();
  try {
    const levels = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
    const rows = process.env.BENCH_TOKEN === '0' ? [] : await tokenTransferBench(pool, { concurrencies: levels, txPerLevel: (c) => (c === 1 ? 40 : Math.max(200, 6 * c)), log });
    if (rows.length > 0) console.log(`\nToken transfers vs. baseline (same network, same run)\n${formatTable(rows)}\n`);
    for (const line of ratios(rows)) console.log(line);
    let market: Awaited<ReturnType<typeof marketBench>> | undefined;
    if (process.env.BENCH_MARKET !== '0') {
      market = await marketBench(pool, {
        concurrencies: levels,
        ordersPerLevel: (c) => (c === 1 ? 40 : Math.max(200, 6 * c)),
        matchOrders: Number(process.env.BENCH_MARKET_ORDERS ?? 1_000),
        pageSize: Number(process.env.BENCH_MARKET_PAGE ?? 500),
        log,
      });
      const beside = [...market.orders, ...rows.filter((r) => r.name.startsWith('baseline'))].sort((a, b) => a.concurrency - b.concurrency || a.name.localeCompare(b.name));
      console.log(`\nMarket orders vs. baseline (same network, same run)\n${formatTable(beside)}\n${formatMarket(market)}\n`);
      for (const line of ratios(beside)) console.log(line);
    }
    let restVsDirect: Awaited<ReturnType<typeof restVsDirectBench>> | undefined;
    if (process.env.BENCH_REST !== '0') {
      restVsDirect = await restVsDirectBench(pool, { concurrencies: levels, txPerLevel: (c) => (c === 1 ? 40 : Math.max(200, 6 * c)), dataDir: path.join(REPO_ROOT, '.run', 'bench-gateway-api'), log });
      console.log(`\nREST vs. direct fabric-gateway client (same workload, same run)\n${formatTable(restVsDirect.levels.flatMap((l) => [l.direct, l.rest]))}\n`);
      for (const line of formatRestVsDirect(restVsDirect)) console.log(line);
    }
    let metering: Awaited<ReturnType<typeof meteringBench>> | undefined;
    if (process.env.BENCH_METERING !== '0') {
      metering = await meteringBench({
        meters: Number(process.env.BENCH_METERING_METERS ?? 20),
        readingsPerRun: Number(process.env.BENCH_METERING_READINGS ?? 4_000),
        settings: (process.env.BENCH_METERING_SETTINGS ?? '500x4,250x8').split(',').map((s) => s.split('x').map(Number) as [number, number]),
        log,
      });
      console.log(`\nMeter readings end to end (MQTT publish → committed block → verdict) vs. P-256 verify ceiling (same run)\n${formatMetering(metering)}\n`);
    }
    const dir = path.join(REPO_ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), rows, market, restVsDirect, metering }, null, 2));
    log(`report: ${path.relative(process.cwd(), file)}`);
  } finally {
    pool.close();
    if (startedHere && process.env.DEC_KEEP_NETWORK !== '1') await down();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
