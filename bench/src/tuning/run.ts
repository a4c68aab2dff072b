/**
 * `npm run bench:tuning`: the Fabric tuning table (issue 14 item 5). For each
 * variant (variants.ts) it starts a fresh network with that setting, runs the
 * baseline write (`network:Beacon`, closed loop) at 50 clients and at 1, with
 * the CPU every process spent per committed transaction, stops the network, and
 * prints one row per variant beside the defaults measured in the same run.
 * Throughput at 50 clients shows what a setting does under load; p50 at 1
 * client shows what it costs a lone caller (block cutting trades one for the
 * other). It needs the default ports: run it with no other network up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ActorPool, type Actor } from '@dec/e2e';
import { DEFAULT_TOPOLOGY_FILE } from '@dec/network';
import { down, readState, REPO_ROOT, up } from '@dec/test-network';
import { measureCpu, networkProcesses, type CpuCost } from '../cpu-cost';
import { runLoad, type LoadResult } from '../load';
import { readTopologyVariant, selectVariants, type TuningVariant } from './variants';

export interface TuningRow {
  variant: TuningVariant;
  loaded: LoadResult;
  single: LoadResult;
  cpu: CpuCost;
}

const log = (line: string): void => {
  process.stdout.write(`[tuning] ${line}\n`);
};

const CALLER_ORGS = ['BankMSP', 'LessorMSP', 'SupplierMSP', 'GridMSP'];

/** Callers spread over four orgs' gateway peers, as the bench's baseline rows are. */
async function callers(pool: ActorPool, count: number): Promise<Actor[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => pool.enroll(CALLER_ORGS[i % CALLER_ORGS.length]!, `tuning${i}`, {})));
}

async function measure(v: TuningVariant, o: { clients: number; tx: number }): Promise<Omit<TuningRow, 'variant'>> {
  const pool = new ActorPool();
  try {
    const actors = await callers(pool, 12);
    const beacon = async (w: number, note: string) => {
      const tx = await actors[w % actors.length]!.contract('energy').newProposal('network:Beacon', { arguments: [JSON.stringify({ note })] }).endorse();
      return { code: (await (await tx.submit()).getStatus()).code };
    };
    await runLoad('warm-up', 10, 100, (w, s) => beacon(w, `w${s}`));
    let loaded: LoadResult | undefined;
    const procs = () => [...networkProcesses(), { name: 'load generator', kind: 'load generator', pid: process.pid, alone: true }];
    const cpu = await measureCpu(procs, 'transaction', async () => {
      loaded = await runLoad(`${v.name} @${o.clients}`, o.clients, o.tx, (w, s) => beacon(w, `l${s}`));
      return loaded.committed;
    });
    const single = await runLoad(`${v.name} @1`, 1, 30, (w, s) => beacon(w, `s${s}`));
    if (!loaded) throw new Error('the loaded run did not run');
    return { loaded, single, cpu };
  } finally {
    pool.close();
  }
}

/** Starts a network with the variant, measures, stops it; the environment is restored afterwards. */
async function runVariant(v: TuningVariant, topologyFile: string, o: { clients: number; tx: number }): Promise<TuningRow> {
  const saved = new Map(['DEC_TOPOLOGY', ...Object.keys(v.env ?? {})].map((k) => [k, process.env[k]]));
  writeFileSync(topologyFile, readTopologyVariant(DEFAULT_TOPOLOGY_FILE, v));
  process.env.DEC_TOPOLOGY = topologyFile;
  Object.assign(process.env, v.env ?? {});
  try {
    await up();
    return { variant: v, ...(await measure(v, o)) };
  } finally {
    await down();
    for (const [k, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = value;
    }
  }
}

function formatTuning(rows: TuningRow[], clients: number): string {
  const base = rows[0];
  const head = ['setting', `tx/s @${clients}`, 'vs default', 'p50 ms', 'p99 ms', 'p50 ms @1', 'CPU ms/tx', 'fail'];
  const lines = rows.map((r) => [
    r.variant.name,
    r.loaded.tps.toFixed(1),
    base ? `${((100 * r.loaded.tps) / base.loaded.tps).toFixed(0)}%` : '',
    r.loaded.p50ms.toFixed(0),
    r.loaded.p99ms.toFixed(0),
    r.single.p50ms.toFixed(0),
    r.cpu.totalMsPerUnit.toFixed(1),
    String(r.loaded.otherFailures + r.loaded.mvccConflicts + r.single.otherFailures),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => `| ${cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  if (readState() !== undefined) throw new Error('a network is running: the tuning runs start their own on the default ports. Stop it first: npm run network:down');
  const clients = Number(process.env.BENCH_TUNING_CLIENTS ?? 50);
  const tx = Number(process.env.BENCH_TUNING_TX ?? 600);
  const variants = selectVariants(process.env.BENCH_TUNING);
  const dir = path.join(REPO_ROOT, 'test-results', 'tuning');
  mkdirSync(dir, { recursive: true });
  const rows: TuningRow[] = [];
  for (const [i, v] of variants.entries()) {
    log(`${i + 1}/${variants.length} ${v.name}: fresh network, ${tx} baseline writes at ${clients} clients, 30 at 1 ...`);
    const row = await runVariant(v, path.join(dir, 'topology.yaml'), { clients, tx });
    log(`${v.name}: ${row.loaded.tps.toFixed(1)} tx/s, p50 ${row.loaded.p50ms.toFixed(0)} ms, p99 ${row.loaded.p99ms.toFixed(0)} ms; alone p50 ${row.single.p50ms.toFixed(0)} ms; ${row.cpu.totalMsPerUnit.toFixed(1)} CPU ms/tx`);
    rows.push(row);
  }
  console.log(`\nFabric tuning: network:Beacon closed loop, a fresh network per setting (same run)\n${formatTuning(rows, clients)}\n`);
  const file = path.join(dir, `tuning-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), clients, tx, rows }, null, 2));
  log(`report: ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
