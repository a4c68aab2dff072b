/**
 * Metering state access. Key scheme (Fabric composite keys; `~` separates parts):
 *
 *   meter.meter    ~<meterEid>                              Meter (registration, key, status)
 *   meter.cursor   ~<meterEid>                              Cursor: the last accepted reading
 *   meter.reading  ~<meterEid>~<ts>~<seq:20>                StoredReading (ts = ISO-8601 with ms)
 *   meter.interval ~<meterEid>~<slotStart>                  Interval energy of one settlement slot
 *   meter.anomaly  ~<meterEid>~<txTime>~<txId>~<n:4>        Anomaly (gap, regression, jump, forgery)
 *   meter.zone     ~<zone>~<meterEid>                       { eid }  index of meters per grid zone
 *
 * Why (MVCC): every key of a reading batch starts with the meter's own eID, so
 * batches for different meters share no key: any number of them commit in one
 * block. A batch reads meter.meter, meter.cursor and the meter.interval keys
 * of the slots it adds to; it writes the cursor, the intervals and one new
 * meter.reading key per accepted reading (a blind write: the cursor already
 * proves no reading exists above the last sequence). Only two batches for the
 * same meter in one block conflict, and the ingestor never has two in flight.
 * The time-ordered parts (reading ts, slot start, anomaly tx time) make "meter
 * M between T1 and T2" a single range scan. Readings and intervals are never
 * range-read in a submit, so queries cannot cause phantom conflicts.
 */
import { decoder, keyPart, sortableNumber, ValidationError, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import {
  anomalySchema,
  cursorSchema,
  intervalSchema,
  meterSchema,
  storedReadingSchema,
  type Anomaly,
  type Cursor,
  type Interval,
  type Meter,
  type StoredReading,
} from './state';

export const METERING_KEYS = {
  meter: 'meter.meter',
  cursor: 'meter.cursor',
  reading: 'meter.reading',
  interval: 'meter.interval',
  anomaly: 'meter.anomaly',
  zone: 'meter.zone',
} as const;

const decodeMeter = decoder(meterSchema, 'meter');
const decodeCursor = decoder(cursorSchema, 'meter cursor');
const decodeReading = decoder(storedReadingSchema, 'reading');
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

  async reading(eid: string, ts: string, seq: number): Promise<StoredReading | undefined> {
    return this.ledger.get(this.readingKey(eid, ts, seq), decodeReading);
  }

  async saveReading(r: StoredReading): Promise<void> {
    await this.ledger.put(this.readingKey(r.meter, r.ts, r.seq), r);
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
    const prefix = this.ledger.key(objectType, keyPart('meter', eid));
    if (bookmark && !bookmark.startsWith(prefix)) throw new ValidationError('request.bookmark', 'does not belong to this query');
    const start = bookmark || (from ? this.ledger.key(objectType, eid, from) : '');
    const page = await this.ledger.page(objectType, [eid], pageSize, start, decode);
    if (!to) return page;
    const items = page.items.filter((e) => (e.attributes[1] ?? '') < to);
    return { items, bookmark: items.length < page.items.length ? '' : page.bookmark };
  }

  async pageReadings(eid: string, from: string | undefined, to: string | undefined, pageSize: number, bookmark: string): Promise<Page<StoredReading>> {
    return this.timeRange(METERING_KEYS.reading, eid, from, to, pageSize, bookmark, decodeReading);
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
