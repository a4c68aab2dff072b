/**
 * Gets one batch of readings onto the ledger and says what became of each:
 * metering:SubmitReadings through @dec/fabric-client, retried until it
 * commits (the network may be restarting), except when the chaincode refused
 * the whole batch (access, validation), which retrying cannot fix. The ledger
 * call is injected, so the retry and verdict rules are tested without Fabric.
 */
import { GatewayError, submitValidTransaction, type Contract } from '@dec/fabric-client';
import type { ReadingPayload, Verdict } from './protocol';

/** One reading's result as metering:SubmitReadings returns it (by position in the batch). */
export interface ReadingResult {
  i: number;
  verdict: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  detail?: string;
}

/** A committed batch: its transaction and the per-reading results. */
export interface CommittedBatch {
  txId: string;
  results: ReadingResult[];
}

/** Submits a batch and resolves once its transaction committed valid; throws otherwise. */
export type SubmitReadings = (readings: ReadingPayload[]) => Promise<CommittedBatch>;

/** metering:SubmitReadings on the energy contract. */
export function ledgerSubmitter(contract: Contract): SubmitReadings {
  return async (readings) => {
    const out = await submitValidTransaction(contract, 'metering:SubmitReadings', { arguments: [JSON.stringify({ readings })] });
    const { results } = JSON.parse(Buffer.from(out.result).toString('utf8')) as { results: ReadingResult[] };
    return { txId: out.transactionId, results };
  };
}

/** The refusal of a whole batch that retrying cannot fix (the chaincode's ACCESS_DENIED or VALIDATION), or undefined. */
export function permanentRefusal(e: unknown): string | undefined {
  const details = e instanceof GatewayError ? e.details.map((d) => d.message).join(' ') : '';
  const message = e instanceof Error ? e.message : String(e);
  const m = /(ACCESS_DENIED|VALIDATION): [^\n]*/.exec(`${message} ${details}`);
  return m ? m[0].trim() : undefined;
}

/** The verdict of each reading of a committed batch (a result missing for a position counts as accepted, as the chaincode has no such case). */
export function committedVerdicts(readings: readonly ReadingPayload[], batch: CommittedBatch): Verdict[] {
  return readings.map((r, i) => {
    const result = batch.results[i];
    const v: Verdict = { meter: r.meter, seq: r.seq, verdict: result?.verdict === 'rejected' ? 'rejected' : 'accepted', txId: batch.txId };
    if (result?.verdict === 'duplicate') v.duplicate = true;
    if (result?.verdict === 'rejected') {
      v.reason = result.reason;
      v.detail = result.detail;
    }
    return v;
  });
}

/** Every reading of a batch the chaincode refused as a whole. */
export function refusedVerdicts(readings: readonly ReadingPayload[], refusal: string): Verdict[] {
  return readings.map((r) => ({ meter: r.meter, seq: r.seq, verdict: 'rejected', reason: 'SUBMIT_REFUSED', detail: refusal }));
}

export interface SubmitterOptions {
  submit: SubmitReadings;
  /** The ingestor was killed: give up at once, resolve nothing. */
  abandoned(): boolean;
  log(line: string): void;
  /** Called before each retry of a batch that did not commit. */
  onRetry?(): void;
  sleep?(ms: number): Promise<void>;
}

/** What became of a batch: a verdict per reading, and its transaction if it committed. */
export interface BatchResolution {
  verdicts: Verdict[];
  txId?: string;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Back-off before attempt `attempt + 1`: 0.5 s more each time, at most 5 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(500 * attempt, 5000);
}

export class BatchSubmitter {
  constructor(private readonly o: SubmitterOptions) {}

  /** Submits until the batch commits or is refused; undefined if the ingestor was killed meanwhile. */
  async resolve(readings: ReadingPayload[]): Promise<BatchResolution | undefined> {
    for (let attempt = 1; !this.o.abandoned(); attempt++) {
      try {
        const batch = await this.o.submit(readings);
        return this.o.abandoned() ? undefined : { verdicts: committedVerdicts(readings, batch), txId: batch.txId };
      } catch (e) {
        if (this.o.abandoned()) return undefined;
        const refusal = permanentRefusal(e);
        if (refusal) {
          this.o.log(`batch of ${readings.length} refused: ${refusal}`);
          return { verdicts: refusedVerdicts(readings, refusal) };
        }
        this.o.onRetry?.();
        this.o.log(`batch of ${readings.length} not committed (attempt ${attempt}): ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}; retrying`);
        await (this.o.sleep ?? defaultSleep)(retryDelayMs(attempt));
      }
    }
    return undefined;
  }
}
