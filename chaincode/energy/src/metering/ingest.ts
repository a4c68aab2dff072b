/**
 * metering:SubmitReadings: verifies and books a batch of readings. Each
 * reading gets its own verdict; rejected ones write nothing but an anomaly
 * record, the rest of the batch commits. Readings of one meter are taken in
 * sequence order; each meter's cursor and slot intervals are read once and
 * written once per batch, and its accepted readings are written as one record
 * (store.ts: one key per meter per batch, not one per reading).
 */
import type { DecContext } from '@dec/chaincode-kit';
import { str } from '@dec/chaincode-kit/core';
import type { KeyObject } from 'node:crypto';
import { IdentityStore } from '../identity/store';
import { parseP256Key, readingMessage, verifySignature } from './crypto';
import { assessReading, spreadEnergy, type RejectReason } from './logic';
import { recordCreditFact } from '../credit/facts';
import { readingSchema, type Anomaly, type AnomalyKind, type BatchedReading, type Cursor, type Interval, type Meter, type Reading, type StoredReading } from './state';
import { MeteringStore } from './store';

export interface ReadingResult {
  /** Position in the submitted batch. */
  i: number;
  meter?: string;
  seq?: number;
  verdict: 'accepted' | 'duplicate' | 'rejected';
  reason?: RejectReason;
  detail?: string;
}

export interface BatchResult {
  results: ReadingResult[];
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** A field of a raw reading, when it has the expected type (for the verdict of a malformed reading). */
function rawField(raw: unknown, name: 'meter' | 'seq'): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
}

function malformed(i: number, raw: unknown): ReadingResult {
  const parsed = readingSchema.safeParse(raw);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const field = issue ? ['readings', String(i), ...issue.path.map(String)].join('.') : `readings.${i}`;
  const meter = rawField(raw, 'meter');
  const seq = rawField(raw, 'seq');
  return {
    i,
    meter: typeof meter === 'string' && meter.length <= 64 ? meter : undefined,
    seq: typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : undefined,
    verdict: 'rejected',
    reason: 'MALFORMED',
    detail: `${field}: ${issue?.message ?? 'is invalid'}`,
  };
}

type DeviceStatus = Parameters<typeof assessReading>[1]['deviceStatus'];

interface Positioned {
  i: number;
  r: Reading;
}

/** One meter's readings of the batch, taken in `seq` order against its cursor. */
class MeterRun {
  private cursor: Cursor | undefined;
  private readonly startCursor: Cursor | undefined;
  private readonly intervals = new Map<string, Interval>();
  /** Readings accepted in this batch, by sequence: written as one record at the end, and what a resend in the same batch is a copy of. */
  private readonly fresh = new Map<number, BatchedReading>();
  accepted = 0;

  constructor(
    private readonly batch: ReadingBatch,
    readonly meter: Meter,
    private readonly key: KeyObject | undefined,
    private readonly deviceStatus: DeviceStatus,
    cursor: Cursor | undefined,
  ) {
    this.cursor = cursor;
    this.startCursor = cursor;
  }

  get lastSeq(): number | undefined {
    return this.cursor?.seq;
  }

  async take({ i, r }: Positioned): Promise<ReadingResult> {
    const base = { i, meter: this.meter.eid, seq: r.seq };
    const signatureValid = this.key !== undefined && verifySignature(this.key, readingMessage(r), r.sig);
    const stored = this.cursor && r.seq <= this.cursor.seq ? await this.stored(r) : undefined;
    const a = assessReading(r, { meter: this.meter, deviceStatus: this.deviceStatus, cursor: this.cursor, signatureValid, stored, nowMs: this.batch.nowMs });
    if (a.verdict === 'rejected') {
      if (a.anomaly) this.batch.note(this.meter.eid, a.anomaly, a.detail, r, a.reason);
      return { ...base, verdict: 'rejected', reason: a.reason, detail: a.detail };
    }
    if (a.verdict === 'duplicate') return { ...base, verdict: 'duplicate', detail: a.detail };
    for (const g of a.anomalies) this.batch.note(this.meter.eid, g.kind, g.detail, r);
    await this.accept(r, a.deltaImportWh, a.deltaExportWh);
    return { ...base, verdict: 'accepted' };
  }

  /** The accepted reading with r's sequence and time: earlier in this batch, else on the ledger. */
  private async stored(r: Reading): Promise<StoredReading | undefined> {
    const mine = this.fresh.get(r.seq);
    if (mine) return mine.ts === r.ts ? { meter: this.meter.eid, ...mine, keyVersion: this.meter.keyVersion, txId: this.batch.txId } : undefined;
    return this.batch.store.reading(this.meter.eid, r.ts, r.seq);
  }

  private async accept(r: Reading, deltaImportWh: bigint, deltaExportWh: bigint): Promise<void> {
    const txId = this.batch.txId;
    this.fresh.set(r.seq, { seq: r.seq, ts: r.ts, importWh: r.importWh, exportWh: r.exportWh, deltaImportWh: str(deltaImportWh), deltaExportWh: str(deltaExportWh), sig: r.sig });
    if (this.cursor) await this.addEnergy(this.cursor, r, deltaImportWh, deltaExportWh);
    this.cursor = { seq: r.seq, ts: r.ts, importWh: r.importWh, exportWh: r.exportWh, accepted: (this.cursor?.accepted ?? 0) + 1, txId };
    this.accepted++;
  }

  /** Spreads the energy since the cursor over the slots it spans. */
  private async addEnergy(cursor: Cursor, r: Reading, deltaImportWh: bigint, deltaExportWh: bigint): Promise<void> {
    for (const share of spreadEnergy(Date.parse(cursor.ts), Date.parse(r.ts), deltaImportWh, deltaExportWh, this.meter.slotMinutes)) {
      const slotStart = new Date(share.slotStartMs).toISOString();
      const current = await this.interval(slotStart, share.slotStartMs);
      this.intervals.set(slotStart, {
        ...current,
        importWh: str(BigInt(current.importWh) + share.importWh),
        exportWh: str(BigInt(current.exportWh) + share.exportWh),
        readings: current.readings + 1,
        interpolated: current.interpolated || share.interpolated,
        updatedTxId: this.batch.txId,
      });
    }
  }

  /** The slot's interval: as this batch left it, else as stored, else empty. */
  private async interval(slotStart: string, slotStartMs: number): Promise<Interval> {
    const known = this.intervals.get(slotStart) ?? (await this.batch.store.interval(this.meter.eid, slotStart));
    if (known) return known;
    const slotEnd = new Date(slotStartMs + this.meter.slotMinutes * 60_000).toISOString();
    return { meter: this.meter.eid, zone: this.meter.zone, slotStart, slotEnd, importWh: '0', exportWh: '0', readings: 0, interpolated: false, updatedTxId: this.batch.txId };
  }

  async save(): Promise<void> {
    if (this.fresh.size > 0) {
      await this.batch.store.saveReadingBatch({ meter: this.meter.eid, keyVersion: this.meter.keyVersion, txId: this.batch.txId, readings: [...this.fresh.values()] });
    }
    if (this.cursor && this.cursor !== this.startCursor) await this.batch.store.saveCursor(this.meter.eid, this.cursor);
    for (const slot of [...this.intervals.keys()].sort()) await this.batch.store.saveInterval(this.intervals.get(slot) as Interval);
  }
}

/** One SubmitReadings batch: verdicts by batch position, anomalies and per-meter summaries. */
class ReadingBatch {
  readonly store: MeteringStore;
  readonly nowMs: number;
  readonly txId: string;
  private readonly at: string;
  private readonly identity: IdentityStore;
  readonly results: ReadingResult[];
  readonly anomalies: Anomaly[] = [];
  /** Owner eID of each meter with readings in the batch: an anomaly counts against the owner's credit. */
  readonly owners = new Map<string, string>();
  readonly meterSummaries: { meter: string; accepted: number; lastSeq?: number }[] = [];

  constructor(
    private readonly ctx: DecContext,
    size: number,
  ) {
    this.store = new MeteringStore(ctx.ledger);
    this.identity = new IdentityStore(ctx.ledger);
    this.nowMs = ctx.ledger.txTimeMs;
    this.at = ctx.ledger.txTime;
    this.txId = ctx.ledger.txId;
    this.results = new Array<ReadingResult>(size);
  }

  note(meter: string, kind: AnomalyKind, detail: string, r: Reading, reason?: RejectReason): void {
    this.anomalies.push({ meter, kind, reason, seq: r.seq, ts: r.ts, detail, at: this.at, txId: this.txId });
  }

  /** Parses each reading on its own and groups them by meter, keeping batch positions. */
  group(raw: unknown[]): Map<string, Positioned[]> {
    const byMeter = new Map<string, Positioned[]>();
    raw.forEach((item, i) => {
      const parsed = readingSchema.safeParse(item);
      if (!parsed.success) {
        this.results[i] = malformed(i, item);
        return;
      }
      const list = byMeter.get(parsed.data.meter) ?? [];
      list.push({ i, r: parsed.data });
      byMeter.set(parsed.data.meter, list);
    });
    return byMeter;
  }

  async ingestMeter(meterEid: string, items: Positioned[]): Promise<void> {
    const meter = await this.store.meter(meterEid);
    if (!meter) {
      for (const { i, r } of items) this.results[i] = { i, meter: meterEid, seq: r.seq, verdict: 'rejected', reason: 'UNKNOWN_METER', detail: `meter ${meterEid} is not registered for metering` };
      return;
    }
    this.owners.set(meterEid, meter.ownerEid);
    const device = await this.identity.device(meterEid);
    const parsedKey = parseP256Key(meter.publicKey);
    const key = 'key' in parsedKey ? parsedKey.key : undefined;
    const run = new MeterRun(this, meter, key, device?.status ?? 'retired', await this.store.cursor(meterEid));
    for (const item of items) this.results[item.i] = await run.take(item);
    await run.save();
    this.meterSummaries.push({ meter: meterEid, accepted: run.accepted, lastSeq: run.lastSeq });
  }

  /** One credit fact per meter with anomalies in this batch (a burst of bad readings is one event of behaviour). */
  private async countAnomalies(): Promise<void> {
    const perMeter = new Map<string, number>();
    for (const a of this.anomalies) perMeter.set(a.meter, (perMeter.get(a.meter) ?? 0) + 1);
    for (const meter of [...perMeter.keys()].sort()) {
      const owner = this.owners.get(meter);
      if (owner) await recordCreditFact(this.ctx, { subject: owner, kind: 'meterAnomalies', ref: { meter, anomalies: String(perMeter.get(meter)) } });
    }
  }

  async finish(): Promise<BatchResult> {
    for (const [n, a] of this.anomalies.entries()) {
      await this.store.saveAnomaly(a, n);
      this.ctx.emit('MeterAnomaly', a);
    }
    await this.countAnomalies();
    const count = (v: ReadingResult['verdict']): number => this.results.filter((r) => r.verdict === v).length;
    const out: BatchResult = { results: this.results, accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected') };
    if (out.accepted > 0 || this.anomalies.length > 0) {
      this.ctx.emit('ReadingsSubmitted', { accepted: out.accepted, duplicates: out.duplicates, rejected: out.rejected, meters: this.meterSummaries.filter((m) => m.accepted > 0) });
    }
    return out;
  }
}

export async function submitReadings(ctx: DecContext, raw: unknown[]): Promise<BatchResult> {
  const batch = new ReadingBatch(ctx, raw.length);
  const byMeter = batch.group(raw);
  // Meters in sorted order so every endorser reads and writes in the same order.
  for (const meterEid of [...byMeter.keys()].sort()) {
    const items = (byMeter.get(meterEid) ?? []).sort((a, b) => a.r.seq - b.r.seq || a.i - b.i);
    await batch.ingestMeter(meterEid, items);
  }
  return batch.finish();
}
