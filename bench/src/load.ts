/**
 * Closed-loop load: `concurrency` workers, each with its own caller, submit one
 * transaction after another until `total` are done. Latency is from proposal to
 * commit status; throughput counts only transactions that committed valid.
 */
export interface TxOutcome {
  code: number; // Fabric validation code; 0 = VALID, 11 = MVCC_READ_CONFLICT
}

export interface LoadResult {
  name: string;
  concurrency: number;
  total: number;
  committed: number;
  mvccConflicts: number;
  otherFailures: number;
  seconds: number;
  tps: number;
  p50ms: number;
  p99ms: number;
  /** The first failure, so a broken workload says why. */
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export async function runLoad(
  name: string,
  concurrency: number,
  total: number,
  submit: (worker: number, seq: number) => Promise<TxOutcome>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let committed = 0;
  let mvccConflicts = 0;
  let otherFailures = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let seq = next++; seq < total; seq = next++) {
        const t0 = process.hrtime.bigint();
        try {
          const { code } = await submit(worker, seq);
          if (code === 0) {
            committed++;
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } else if (code === 11) mvccConflicts++;
          else {
            otherFailures++;
            firstError ??= `validation code ${code}`;
          }
        } catch (e) {
          otherFailures++;
          const details = (e as { details?: { message: string }[] }).details;
          firstError ??= details?.[0]?.message ?? String(e);
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name,
    concurrency,
    total,
    committed,
    mvccConflicts,
    otherFailures,
    seconds,
    tps: committed / seconds,
    p50ms: percentile(latencies, 50),
    p99ms: percentile(latencies, 99),
    firstError,
  };
}

export function formatTable(rows: LoadResult[]): string {
  const head = ['workload', 'conc', 'tx', 'ok', 'mvcc', 'fail', 'tx/s', 'p50 ms', 'p99 ms'];
  const lines = rows.map((r) => [r.name, r.concurrency, r.total, r.committed, r.mvccConflicts, r.otherFailures, r.tps.toFixed(1), r.p50ms.toFixed(0), r.p99ms.toFixed(0)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const errors = rows.filter((r) => r.firstError).map((r) => `  ${r.name} @${r.concurrency}: first failure: ${r.firstError}`);
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...errors].join('\n');
}
