/**
 * Which readings go to the ledger together: the ingestor's batching rules as a
 * pure class (no I/O, no clock: callers pass the time), so they can be tested
 * on their own.
 *
 * - Size and time: a batch is due once `batchSize` readings wait, or once the
 *   oldest waiting reading has waited `maxWaitMs`.
 * - A meter is never in two batches at once (they would conflict on the
 *   meter's cursor on the ledger): `take` skips meters whose batch is in flight
 *   until `release` says that batch is resolved.
 * - Per meter, sequence order: each batch takes, per meter, the lowest
 *   sequence numbers waiting; a meter's readings left over (batch full) have
 *   higher sequence numbers than all of its readings in the batch.
 * - Meters come in the order of their oldest waiting reading.
 */

/** What the batcher needs to know of a waiting reading. */
export interface Batchable {
  readonly meter: string;
  readonly seq: number;
  /** When it arrived (ms, the caller's clock). */
  readonly at: number;
}

export interface BatcherOptions {
  /** Most readings per batch. */
  batchSize: number;
  /** Longest a reading waits for its batch to fill (ms). */
  maxWaitMs: number;
}

export class ReadingBatcher<E extends Batchable> {
  private waiting: E[] = [];
  private readonly busy = new Set<string>();

  constructor(private readonly options: BatcherOptions) {}

  /** Readings waiting for a batch. */
  get pending(): number {
    return this.waiting.length;
  }

  add(entry: E): void {
    this.waiting.push(entry);
  }

  /** The batch is full, or the oldest reading has waited long enough. */
  isDue(now: number): boolean {
    const oldest = this.waiting[0];
    if (!oldest) return false;
    return this.waiting.length >= this.options.batchSize || now - oldest.at >= this.options.maxWaitMs;
  }

  /** The next batch (possibly empty: every waiting meter is busy); its meters are busy until `release`. */
  take(): E[] {
    const batch: E[] = [];
    for (const [meter, list] of this.waitingByMeter()) {
      if (batch.length >= this.options.batchSize) break;
      list.sort((a, b) => a.seq - b.seq || a.at - b.at);
      batch.push(...list.slice(0, this.options.batchSize - batch.length));
      this.busy.add(meter);
    }
    const taken = new Set(batch);
    this.waiting = this.waiting.filter((e) => !taken.has(e));
    return batch;
  }

  /** The batch is resolved: its meters may go into the next one. */
  release(batch: readonly E[]): void {
    for (const e of batch) this.busy.delete(e.meter);
  }

  /** Forgets waiting readings (e.g. those of a connection that closed: the broker delivers them again). */
  drop(which: (entry: E) => boolean): void {
    this.waiting = this.waiting.filter((e) => !which(e));
  }

  /** Waiting readings of meters not busy, per meter, meters in order of their oldest waiting reading. */
  private waitingByMeter(): Map<string, E[]> {
    const byMeter = new Map<string, E[]>();
    for (const e of this.waiting) {
      if (this.busy.has(e.meter)) continue;
      const list = byMeter.get(e.meter) ?? [];
      list.push(e);
      byMeter.set(e.meter, list);
    }
    return byMeter;
  }
}
