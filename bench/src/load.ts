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

/** Counts outcomes and commit latencies; both load shapes report through it. */
export class Tally {
  private readonly latencies: number[] = [];
  private committed = 0;
  private mvccConflicts = 0;
  private otherFailures = 0;
  private firstError: string | undefined;

  /** Runs one submit; latency counts from `since` (the send time, or the scheduled time in an open loop). */
  async run(since: bigint, submit: () => Promise<TxOutcome>): Promise<void> {
    try {
      const { code } = await submit();
      if (code === 0) {
        this.committed++;
        this.latencies.push(Number(process.hrtime.bigint() - since) / 1e6);
      } else if (code === 11) this.mvccConflicts++;
      else {
        this.otherFailures++;
        this.firstError ??= `validation code ${code}`;
      }
    } catch (e) {
      this.otherFailures++;
      const details = (e as { details?: { message: string }[] }).details;
      this.firstError ??= details?.[0]?.message ?? String(e);
    }
  }

  result(name: string, concurrency: number, total: number, seconds: number): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const { committed, mvccConflicts, otherFailures, firstError } = this;
    return { name, concurrency, total, committed, mvccConflicts, otherFailures, seconds, tps: committed / seconds, p50ms: percentile(sorted, 50), p99ms: percentile(sorted, 99), firstError };
  }
}

export async function runLoad(
  name: string,
  concurrency: number,
  total: number,
  submit: (worker: number, seq: number) => Promise<TxOutcome>,
): Promise<LoadResult> {
  const tally = new Tally();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let seq = next++; seq < total; seq = next++) await tally.run(process.hrtime.bigint(), () => submit(worker, seq));
    }),
  );
  return tally.result(name, concurrency, total, Number(process.hrtime.bigint() - started) / 1e9);
}

export function formatTable(rows: LoadResult[]): string {
  const head = ['workload', 'conc', 'tx', 'ok', 'mvcc', 'fail', 'tx/s', 'p50 ms', 'p99 ms'];
  const lines = rows.map((r) => [r.name, r.concurrency, r.total, r.committed, r.mvccConflicts, r.otherFailures, r.tps.toFixed(1), r.p50ms.toFixed(0), r.p99ms.toFixed(0)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const errors = rows.filter((r) => r.firstError).map((r) => `  ${r.name} @${r.concurrency}: first failure: ${r.firstError}`);
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...errors].join('\n');
}
