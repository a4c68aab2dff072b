/**
 * Metering state access. Key scheme (Fabric composite keys; `~` separates parts):
 *
 *   meter.meter    ~<meterEid>                              Meter (registration, key, status)
 *   meter.cursor   ~<meterEid>                              Cursor: the last accepted reading
 *   meter.readings \0<meterEid>\0<lastTs>\0<lastSeq:20>\0    ReadingBatchRecord: the readings of one meter
 *                                                           accepted by one batch (ordered key, ts = ISO-8601 with ms)
 *   meter.reading  ~<meterEid>~<ts>~<seq:20>                StoredReading, one per reading (before issue 14;
 *                                                           still read on the duplicate path, never written)
 *   meter.interval ~<meterEid>~<slotStart>                  Interval energy of one settlement slot
 *   meter.anomaly  ~<meterEid>~<txTime>~<txId>~<n:4>        Anomaly (gap, regression, jump, forgery)
 *   meter.zone     ~<zone>~<meterEid>                       { eid }  index of meters per grid zone
 *
 * Why (MVCC): every key of a reading batch starts with the meter's own eID, so
 * batches for different meters share no key: any number of them commit in one
 * block. A batch reads meter.meter, meter.cursor and the meter.interval keys
 * of the slots it adds to; it writes the cursor, the intervals and ONE new
 * meter.readings key per meter holding all its readings accepted in the batch
 * (a blind write: the cursor already proves no reading exists above the last
 * sequence). Why one key per meter per batch (issue 14): every key costs a
 * shim round trip at endorsement and a validation, a state-DB write and a
 * history entry on each of the six peers; 25 readings in one value cost one.
 * Only two batches for the same meter in one block conflict, and the ingestor
 * never has two in flight. The record is keyed by its LAST reading, so the
 * record holding reading (ts, seq) is the first at or after (ts, seq): a
 * resent reading (seq at or below the cursor, the rare path) is found with a
 * one-entry range read whose re-check at commit covers only that entry.
 * The time-ordered parts (reading ts, slot start, anomaly tx time) make "meter
 * M between T1 and T2" a single range scan.
 */
import { decoder, keyPart, sortableNumber, ValidationError, type Ledger, type Page } from '@dec/chaincode-kit';
import { orderedKey, orderedPrefixRange } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import {
  anomalySchema,
  cursorSchema,
  intervalSchema,
  meterSchema,
  readingBatchSchema,
  storedReadingSchema,
  unbatch,
  type Anomaly,
  type BatchedReading,
  type Cursor,
  type Interval,
  type Meter,
  type ReadingBatchRecord,
  type StoredReading,
} from './state';

export const METERING_KEYS = {
  meter: 'meter.meter',
  cursor: 'meter.cursor',
  reading: 'meter.reading',
  readings: 'meter.readings',
  interval: 'meter.interval',
  anomaly: 'meter.anomaly',
  zone: 'meter.zone',
} as const;

const decodeMeter = decoder(meterSchema, 'meter');
const decodeCursor = decoder(cursorSchema, 'meter cursor');
const decodeReading = decoder(storedReadingSchema, 'reading');
const decodeReadingBatch = decoder(readingBatchSchema, 'reading batch');
const decodeInterval = decoder(intervalSchema, 'interval');
const decodeAnomaly = decoder(anomalySchema, 'anomaly');
const decodeRef = decoder(z.object({ eid: z.string() }), 'index entry');

export class MeteringStore {
  constructor(private readonly ledger: Ledger) {}

  private meterKey(eid: string): string {
    return this.ledger.key(METERING_KEYS.meter, keyPart('meter', eid));
  }

  async meter(eid: string): Promise<Meter | undefined> {
    return this.ledger.get(this.meterKey(eid), decodeMeter);
  }

  async requireMeter(eid: string): Promise<Meter> {
    return this.ledger.require(this.meterKey(eid), decodeMeter, 'meter', eid);
  }

  async saveMeter(m: Meter, isNew: boolean): Promise<void> {
    await this.ledger.put(this.meterKey(m.eid), m);
    if (isNew) await this.ledger.put(this.ledger.key(METERING_KEYS.zone, keyPart('zone', m.zone), m.eid), { eid: m.eid });
  }

  async cursor(eid: string): Promise<Cursor | undefined> {
    return this.ledger.get(this.ledger.key(METERING_KEYS.cursor, keyPart('meter', eid)), decodeCursor);
  }

  async saveCursor(eid: string, c: Cursor): Promise<void> {
    await this.ledger.put(this.ledger.key(METERING_KEYS.cursor, keyPart('meter', eid)), c);
  }

  private readingKey(eid: string, ts: string, seq: number): string {
    return this.ledger.key(METERING_KEYS.reading, keyPart('meter', eid), ts, sortableNumber(seq));
  }

  /** Where reading (ts, seq) of a meter sorts among batch records (a record is keyed by its last reading). */
  private batchedKey(eid: string, ts: string, seq: number): string {
    return orderedKey(METERING_KEYS.readings, eid, ts, sortableNumber(seq));
  }

  /**
   * The accepted reading (ts, seq) of a meter, if any: in the first batch
   * record at or after it (one entry read), else under its own key as
   * stored before batch records.
   */
  async reading(eid: string, ts: string, seq: number): Promise<StoredReading | undefined> {
    const { end } = orderedPrefixRange(METERING_KEYS.readings, eid);
    const [first] = (await this.ledger.readRange(this.batchedKey(eid, ts, seq), end, 1, decodeReadingBatch)).items;
    const hit = first?.value.readings.find((r) => r.seq === seq && r.ts === ts);
    if (first && hit) return unbatch(first.value, hit);
    return this.ledger.get(this.readingKey(eid, ts, seq), decodeReading);
  }

  /** One meter's readings accepted in this batch, in sequence order, as one record. */
  async saveReadingBatch(b: ReadingBatchRecord): Promise<void> {
    const last = b.readings[b.readings.length - 1];
    if (!last) return;
    await this.ledger.put(this.batchedKey(b.meter, last.ts, last.seq), b);
  }

  private intervalKey(eid: string, slotStart: string): string {
    return this.ledger.key(METERING_KEYS.interval, keyPart('meter', eid), slotStart);
  }

  async interval(eid: string, slotStart: string): Promise<Interval | undefined> {
    return this.ledger.get(this.intervalKey(eid, slotStart), decodeInterval);
  }

  async saveInterval(i: Interval): Promise<void> {
    await this.ledger.put(this.intervalKey(i.meter, i.slotStart), i);
  }

  async saveAnomaly(a: Anomaly, n: number): Promise<void> {
    await this.ledger.put(this.ledger.key(METERING_KEYS.anomaly, keyPart('meter', a.meter), a.at, a.txId, sortableNumber(n, 4)), a);
  }

  // --- queries (evaluate only) ------------------------------------------------

  /**
   * One page of a meter's readings or intervals with time part in [from, to).
   * Fabric's bookmark is the key the next page starts at, so the first page
   * starts at the composite key of `from`; a client bookmark must lie inside
   * this meter's range.
   */
  private async timeRange<T>(
    objectType: string,
    eid: string,
    from: string | undefined,
    to: string | undefined,
    pageSize: number,
    bookmark: string,
    decode: (json: unknown) => T,
  ): Promise<Page<T>> {
    // The ledger refuses a bookmark from outside this meter's keys (kit/ledger/bookmark.test.ts).
    const start = bookmark || (from ? this.ledger.key(objectType, eid, from) : '');
    const page = await this.ledger.page(objectType, [eid], pageSize, start, decode);
    if (!to) return page;
    const items = page.items.filter((e) => (e.attributes[1] ?? '') < to);
    return { items, bookmark: items.length < page.items.length ? '' : page.bookmark };
  }

  /**
   * One page of a meter's accepted readings with ts in [from, to), pageSize
   * readings at most. The bookmark is the ordered key of the next reading
   * (meter, ts, seq); batch records are read from the first one at or after it.
   */
  async pageReadings(eid: string, from: string | undefined, to: string | undefined, pageSize: number, bookmark: string): Promise<Page<StoredReading>> {
    const range = orderedPrefixRange(METERING_KEYS.readings, eid);
    if (bookmark && !(bookmark.startsWith(range.start) && bookmark < range.end)) throw new ValidationError('request.bookmark', 'does not belong to this query');
    const start = bookmark || (from ? orderedKey(METERING_KEYS.readings, eid, from) : range.start);
    // Every record after the first holds only readings at or after `start`: pageSize + 2 records hold the page and the next reading.
    const records = await this.ledger.readRange(start, range.end, pageSize + 2, decodeReadingBatch);
    return readingsPage(records.items.map((e) => e.value), (r) => this.batchedKey(eid, r.ts, r.seq), start, to, pageSize);
  }

  async pageIntervals(eid: string, from: string | undefined, to: string | undefined, pageSize: number, bookmark: string): Promise<Page<Interval>> {
    return this.timeRange(METERING_KEYS.interval, eid, from, to, pageSize, bookmark, decodeInterval);
  }

  async pageAnomalies(eid: string, pageSize: number, bookmark: string): Promise<Page<Anomaly>> {
    return this.timeRange(METERING_KEYS.anomaly, eid, undefined, undefined, pageSize, bookmark, decodeAnomaly);
  }

  async pageZone(zone: string, pageSize: number, bookmark: string): Promise<Page<Meter>> {
    const page = await this.ledger.page(METERING_KEYS.zone, [keyPart('zone', zone)], pageSize, bookmark, decodeRef);
    const items = [];
    for (const e of page.items) items.push({ ...e, value: await this.requireMeter(e.value.eid) });
    return { items, bookmark: page.bookmark };
  }
}

/** Up to pageSize readings of the records with key at or after `start` and ts before `to`; the bookmark is the next one's key. */
function readingsPage(records: ReadingBatchRecord[], keyOf: (r: BatchedReading) => string, start: string, to: string | undefined, pageSize: number): Page<StoredReading> {
  const items: Page<StoredReading>['items'] = [];
  for (const record of records) {
    for (const r of record.readings) {
      const key = keyOf(r);
      if (key < start) continue;
      if (to && r.ts >= to) return { items, bookmark: '' };
      if (items.length === pageSize) return { items, bookmark: key };
      items.push({ key, attributes: [record.meter, r.ts, sortableNumber(r.seq)], value: unbatch(record, r) });
    }
  }
  return { items, bookmark: '' };
}
