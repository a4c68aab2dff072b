/**
 * Readings stored as one record per meter per batch (issue 14): what a batch
 * writes, that resends are still told apart from stale readings (across
 * batches, inside one batch, and for readings stored one key each before the
 * change), and the readings query over records.
 */
import { orderedPrefixRange } from '@dec/chaincode-kit/core';
import { expect } from 'chai';
import { user } from '../test-support/energy-world';
import { iso, MeteringWorld, reading, T0, type SimMeter } from '../test-support/metering-world';
import type { ReadingBatchRecord, StoredReading } from './state';
import { METERING_KEYS } from './store';

const alice = user('alice');
const MIN = 60_000;

/** The batch records of a meter, decoded, in key order. */
function records(w: MeteringWorld, m: SimMeter): ReadingBatchRecord[] {
  const { start, end } = orderedPrefixRange(METERING_KEYS.readings, m.eid);
  return [...w.h.world.state.entries()]
    .filter(([k]) => k >= start && k < end)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => JSON.parse(Buffer.from(v).toString('utf8')) as ReadingBatchRecord);
}

const perReadingKeys = (w: MeteringWorld): string[] => [...w.h.world.state.keys()].filter((k) => k.startsWith(`\u0000${METERING_KEYS.reading}\u0000`));

describe('metering reading batches (one record per meter per batch)', () => {
  let w: MeteringWorld;
  beforeEach(() => {
    w = new MeteringWorld();
  });

  it('writes one record per meter per batch holding its accepted readings in sequence order, and no key per reading', async () => {
    const a = await w.meter(alice);
    const b = await w.meter(user('bob'));
    w.h.advance(60 * MIN);
    const batch = [0, 1, 2, 3, 4].flatMap((s) => [reading(b, 4 - s, T0 + (4 - s) * MIN, 100 * (4 - s)), reading(a, s, T0 + s * MIN, 10 * s)]);
    const out = await w.submit([...batch, { ...reading(a, 5, T0 + 5 * MIN, 60), importWh: '61' }]);
    expect(out).to.include({ accepted: 10, rejected: 1 });
    const [ra, rb] = [records(w, a), records(w, b)];
    expect(ra).to.have.length(1);
    expect(rb).to.have.length(1);
    expect(ra[0]?.readings.map((r) => r.seq)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(rb[0]?.readings.map((r) => [r.seq, r.deltaImportWh])).to.deep.equal([[0, '0'], [1, '100'], [2, '100'], [3, '100'], [4, '100']]);
    expect(ra[0]).to.include({ meter: a.eid, keyVersion: 1 });
    expect(perReadingKeys(w)).to.deep.equal([]);
    // A batch with nothing accepted for a meter writes no record for it.
    await w.submit([reading(a, 3, T0 + 3 * MIN, 30)]);
    expect(records(w, a)).to.have.length(1);
  });

  it('answers a resend as a duplicate wherever the reading sits (mid-record, earlier batch, same batch) and a changed copy as stale, changing nothing', async () => {
    const m = await w.meter(alice);
    w.h.advance(60 * MIN);
    await w.submit([0, 1, 2, 3].map((s) => reading(m, s, T0 + s * MIN, 10 * s)));
    await w.submit([4, 5].map((s) => reading(m, s, T0 + s * MIN, 10 * s)));
    const before = w.stateFingerprint();
    const again = await w.submit([reading(m, 1, T0 + MIN, 10), reading(m, 5, T0 + 5 * MIN, 50), reading(m, 2, T0 + 2 * MIN + 1, 20), reading(m, 0, T0, 0)]);
    expect(again.results.map((r) => r.reason ?? r.verdict)).to.deep.equal(['duplicate', 'duplicate', 'STALE_SEQUENCE', 'duplicate']);
    expect(again.results[0]?.detail).to.match(/^reading 1 was already accepted in /);
    const anomaliesOnly = w.stateFingerprint();
    expect(anomaliesOnly).to.not.equal(before); // the stale one is recorded as an anomaly, nothing else
    expect(records(w, m).flatMap((r) => r.readings.map((x) => x.seq))).to.deep.equal([0, 1, 2, 3, 4, 5]);
    // The same reading twice in one batch: accepted once, then a duplicate.
    const twice = await w.submit([reading(m, 6, T0 + 6 * MIN, 60), reading(m, 6, T0 + 6 * MIN, 60)]);
    expect(twice.results.map((r) => r.verdict)).to.deep.equal(['accepted', 'duplicate']);
    expect(records(w, m).at(-1)?.readings.map((x) => x.seq)).to.deep.equal([6]);
  });

  it('still recognises a reading stored under its own key before batch records as a duplicate', async () => {
    const m = await w.meter(alice);
    w.h.advance(60 * MIN);
    await w.submit([reading(m, 0, T0, 0), reading(m, 1, T0 + MIN, 10)]);
    // Move reading 1 to the per-reading key the chaincode used before batch records.
    const [rec] = records(w, m);
    const { start, end } = orderedPrefixRange(METERING_KEYS.readings, m.eid);
    for (const k of [...w.h.world.state.keys()].filter((key) => key >= start && key < end)) w.h.world.state.delete(k);
    const r1 = rec?.readings[1];
    const legacy: StoredReading = { meter: m.eid, ...r1!, keyVersion: 1, txId: rec!.txId };
    const legacyKey = `\u0000${METERING_KEYS.reading}\u0000${m.eid}\u0000${legacy.ts}\u0000${String(legacy.seq).padStart(20, '0')}\u0000`;
    w.h.world.state.set(legacyKey, Buffer.from(JSON.stringify(legacy)));
    const out = await w.submit([reading(m, 1, T0 + MIN, 10)]);
    expect(out.results[0]?.verdict).to.equal('duplicate');
  });

  it('pages readings across records and refuses a bookmark of another meter', async () => {
    const m = await w.meter(alice);
    const other = await w.meter(user('bob'));
    w.h.advance(3 * 3_600_000);
    for (let first = 0; first < 30; first += 7) await w.submit(Array.from({ length: Math.min(7, 30 - first) }, (_, i) => reading(m, first + i, T0 + (first + i) * MIN, 10 * (first + i))));
    await w.submit([reading(other, 0, T0, 0)]);
    const q = user('anyone');
    const seen: StoredReading[] = [];
    let bookmark = '';
    do {
      const page = await w.m<{ items: StoredReading[]; bookmark: string }>('Readings', q, { meter: m.eid, from: iso(T0 + 3 * MIN), to: iso(T0 + 26 * MIN), pageSize: 5, bookmark });
      expect(page.items.length).to.be.at.most(5);
      seen.push(...page.items);
      bookmark = page.bookmark;
    } while (bookmark);
    expect(seen.map((r) => r.seq)).to.deep.equal(Array.from({ length: 23 }, (_, i) => i + 3));
    expect(seen[0]).to.include({ meter: m.eid, keyVersion: 1, importWh: '30' });
    const all = await w.m<{ items: StoredReading[]; bookmark: string }>('Readings', q, { meter: m.eid, pageSize: 100 });
    expect(all.items).to.have.length(30);
    expect(all.bookmark).to.equal('');
    const first = await w.m<{ bookmark: string }>('Readings', q, { meter: m.eid, pageSize: 2 });
    const foreign = await w.mFails('Readings', q, { meter: other.eid, bookmark: first.bookmark });
    expect(foreign.message).to.equal('VALIDATION: request.bookmark: does not belong to this query');
  });
});
