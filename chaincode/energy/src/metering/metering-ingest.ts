/**
 * metering:SubmitReadings: verifies and books a batch of readings. Each
 * reading gets its own verdict; rejected ones write nothing but an anomaly
 * record, the rest of the batch commits. Readings of one meter are taken in
 * sequence order; each meter's cursor and slot intervals are read once and
 * written once per batch.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { str } from '@dec/chaincode-kit/core';
import type { KeyObject } from 'node:crypto';
import { IdentityStore } from '../identity/identity-store';
import { parseP256Key, readingMessage, verifySignature } from './metering-crypto';
import { assessReading, spreadEnergy, type RejectReason } from './metering-logic';
import { readingSchema, type Anomaly, type AnomalyKind, type Cursor, type Interval, type Reading } from './metering-state';
import { MeteringStore } from './metering-store';

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

function malformed(i: number, raw: unknown): ReadingResult {
  const parsed = readingSchema.safeParse(raw);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const field = issue ? ['readings', String(i), ...issue.path.map(String)].join('.') : `readings.${i}`;
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    i,
    meter: typeof obj.meter === 'string' && obj.meter.length <= 64 ? obj.meter : undefined,
    seq: typeof obj.seq === 'number' && Number.isSafeInteger(obj.seq) ? obj.seq : undefined,
    verdict: 'rejected',
    reason: 'MALFORMED',
    detail: `${field}: ${issue?.message ?? 'is invalid'}`,
  };
}

export async function submitReadings(ctx: DecContext, raw: unknown[]): Promise<BatchResult> {
  const store = new MeteringStore(ctx.ledger);
  const identity = new IdentityStore(ctx.ledger);
  const nowMs = ctx.ledger.txTimeMs;
  const at = ctx.ledger.txTime;
  const txId = ctx.ledger.txId;
  const results: ReadingResult[] = new Array<ReadingResult>(raw.length);

  // Parse each reading on its own and group by meter, keeping batch positions.
  const byMeter = new Map<string, { i: number; r: Reading }[]>();
  raw.forEach((item, i) => {
    const parsed = readingSchema.safeParse(item);
    if (!parsed.success) {
      results[i] = malformed(i, item);
      return;
    }
    const list = byMeter.get(parsed.data.meter) ?? [];
    list.push({ i, r: parsed.data });
    byMeter.set(parsed.data.meter, list);
  });

  const anomalies: Anomaly[] = [];
  const meterSummaries: { meter: string; accepted: number; lastSeq?: number }[] = [];
  const note = (meter: string, kind: AnomalyKind, detail: string, r: Reading, reason?: RejectReason) => {
    anomalies.push({ meter, kind, reason, seq: r.seq, ts: r.ts, detail, at, txId });
  };

  // Meters in sorted order so every endorser reads and writes in the same order.
  for (const meterEid of [...byMeter.keys()].sort()) {
    const items = (byMeter.get(meterEid) ?? []).sort((a, b) => a.r.seq - b.r.seq || a.i - b.i);
    const meter = await store.meter(meterEid);
    if (!meter) {
      for (const { i, r } of items) results[i] = { i, meter: meterEid, seq: r.seq, verdict: 'rejected', reason: 'UNKNOWN_METER', detail: `meter ${meterEid} is not registered for metering` };
      continue;
    }
    const device = await identity.device(meterEid);
    const parsedKey = parseP256Key(meter.publicKey);
    const key: KeyObject | undefined = 'key' in parsedKey ? parsedKey.key : undefined;
    let cursor: Cursor | undefined = await store.cursor(meterEid);
    const startCursor = cursor;
    const intervals = new Map<string, Interval>();
    let accepted = 0;

    for (const { i, r } of items) {
      const base = { i, meter: meterEid, seq: r.seq };
      const signatureValid = key !== undefined && verifySignature(key, readingMessage(r), r.sig);
      const stored = cursor && r.seq <= cursor.seq ? await store.reading(meterEid, r.ts, r.seq) : undefined;
      const a = assessReading(r, { meter, deviceStatus: device?.status ?? 'retired', cursor, signatureValid, stored, nowMs });
      if (a.verdict === 'rejected') {
        results[i] = { ...base, verdict: 'rejected', reason: a.reason, detail: a.detail };
        if (a.anomaly) note(meterEid, a.anomaly, a.detail, r, a.reason);
        continue;
      }
      if (a.verdict === 'duplicate') {
        results[i] = { ...base, verdict: 'duplicate', detail: a.detail };
        continue;
      }
      for (const g of a.anomalies) note(meterEid, g.kind, g.detail, r);
      await store.saveReading({
        meter: meterEid,
        seq: r.seq,
        ts: r.ts,
        importWh: r.importWh,
        exportWh: r.exportWh,
        deltaImportWh: str(a.deltaImportWh),
        deltaExportWh: str(a.deltaExportWh),
        sig: r.sig,
        keyVersion: meter.keyVersion,
        txId,
      });
      if (cursor) {
        for (const share of spreadEnergy(Date.parse(cursor.ts), Date.parse(r.ts), a.deltaImportWh, a.deltaExportWh, meter.slotMinutes)) {
          const slotStart = new Date(share.slotStartMs).toISOString();
          const current =
            intervals.get(slotStart) ??
            (await store.interval(meterEid, slotStart)) ?? {
              meter: meterEid,
              zone: meter.zone,
              slotStart,
              slotEnd: new Date(share.slotStartMs + meter.slotMinutes * 60_000).toISOString(),
              importWh: '0',
              exportWh: '0',
              readings: 0,
              interpolated: false,
              updatedTxId: txId,
            };
          intervals.set(slotStart, {
            ...current,
            importWh: str(BigInt(current.importWh) + share.importWh),
            exportWh: str(BigInt(current.exportWh) + share.exportWh),
            readings: current.readings + 1,
            interpolated: current.interpolated || share.interpolated,
            updatedTxId: txId,
          });
        }
      }
      cursor = { seq: r.seq, ts: r.ts, importWh: r.importWh, exportWh: r.exportWh, accepted: (cursor?.accepted ?? 0) + 1, txId };
      accepted++;
      results[i] = { ...base, verdict: 'accepted' };
    }

    if (cursor && cursor !== startCursor) await store.saveCursor(meterEid, cursor);
    for (const slot of [...intervals.keys()].sort()) await store.saveInterval(intervals.get(slot) as Interval);
    meterSummaries.push({ meter: meterEid, accepted, lastSeq: cursor?.seq });
  }

  for (const [n, a] of anomalies.entries()) {
    await store.saveAnomaly(a, n);
    ctx.emit('MeterAnomaly', a);
  }
  const count = (v: ReadingResult['verdict']) => results.filter((r) => r.verdict === v).length;
  const out: BatchResult = { results, accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected') };
  if (out.accepted > 0 || anomalies.length > 0) {
    ctx.emit('ReadingsSubmitted', { accepted: out.accepted, duplicates: out.duplicates, rejected: out.rejected, meters: meterSummaries.filter((m) => m.accepted > 0) });
  }
  return out;
}
