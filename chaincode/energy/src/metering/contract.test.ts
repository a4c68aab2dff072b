import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Device } from '../identity/state';
import { gridOperator, user } from '../test-support/energy-world';
import { ingestor, iso, MeteringWorld, newKey, reading, T0, type SimMeter } from '../test-support/metering-world';
import { keyFingerprint, parseP256Key, rotationMessage } from './crypto';
import type { Anomaly, Cursor, Interval, Meter, StoredReading } from './state';

describe('metering contract', () => {
  let w: MeteringWorld;
  const alice = user('alice');
  beforeEach(() => {
    w = new MeteringWorld();
  });

  it('registers a meter device with its P-256 key; the grid operator certifies it', async () => {
    const ownerEid = await w.onboard(alice);
    const k = newKey();
    const device = await w.call<Device>('identity', 'RegisterDevice', alice, { ownerEid, kind: 'meter', serial: 'M-1', publicKey: k.pem });
    const out = await w.h.invoke(w.metering, 'RegisterMeter', alice, [JSON.stringify({ meter: device.eid, zone: 'Z1', ratedPowerW: 5000, location: { lat: 31.2, lon: 121.5 } })]);
    const meter = out.result as Meter;
    expect(meter).to.include({ eid: device.eid, ownerEid, status: 'registered', slotMinutes: 15, keyVersion: 1, publicKey: k.pem });
    expect(out.events[0]?.name).to.equal('MeterRegistered');
    const err = await w.mFails('CertifyMeter', alice, { meter: device.eid });
    expect(err.message).to.match(/^ACCESS_DENIED: only the grid operator/);
    const certified = await w.m<Meter>('CertifyMeter', gridOperator, { meter: device.eid });
    expect(certified.status).to.equal('certified');
    expect((await w.mFails('CertifyMeter', gridOperator, { meter: device.eid })).message).to.match(/^CONFLICT/);
    expect((await w.mFails('RegisterMeter', alice, { meter: device.eid, zone: 'Z1', ratedPowerW: 5000 })).message).to.match(/^CONFLICT: .* already registered/);
    const zone = await w.m<{ items: Meter[] }>('MetersInZone', user('anyone'), { zone: 'Z1' });
    expect(zone.items.map((m) => m.eid)).to.deep.equal([device.eid]);
  });

  it('refuses a non-meter device, a foreign owner, a non-P-256 key, a key differing from the device record', async () => {
    const ownerEid = await w.onboard(alice, ['producer']);
    const pile = await w.call<Device>('identity', 'RegisterDevice', alice, { ownerEid, kind: 'charging-pile', serial: 'P-1' });
    expect((await w.mFails('RegisterMeter', alice, { meter: pile.eid, zone: 'Z', ratedPowerW: 1 })).message).to.match(/^CONFLICT: device .* is a charging-pile/);
    const k = newKey();
    const bare = await w.call<Device>('identity', 'RegisterDevice', alice, { ownerEid, kind: 'meter', serial: 'M-2' });
    expect((await w.mFails('RegisterMeter', alice, { meter: bare.eid, zone: 'Z', ratedPowerW: 1 })).message).to.equal('VALIDATION: request.publicKey: is required: the device record carries no key');
    expect((await w.mFails('RegisterMeter', user('mallory'), { meter: bare.eid, zone: 'Z', ratedPowerW: 1, publicKey: k.pem })).message).to.match(/^ACCESS_DENIED/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await w.mFails('RegisterMeter', alice, { meter: bare.eid, zone: 'Z', ratedPowerW: 1, publicKey: rsa })).message).to.match(/^VALIDATION: request.publicKey: must be an ECDSA P-256 key/);
    const keyed = await w.call<Device>('identity', 'RegisterDevice', alice, { ownerEid, kind: 'meter', serial: 'M-3', publicKey: k.pem });
    expect((await w.mFails('RegisterMeter', alice, { meter: keyed.eid, zone: 'Z', ratedPowerW: 1, publicKey: newKey().pem })).message).to.match(/differs from the key on the device record/);
    expect((await w.mFails('RegisterMeter', alice, { meter: keyed.eid, zone: 'Z', ratedPowerW: 0 })).message).to.equal('VALIDATION: request.ratedPowerW: must be at least 1');
    expect((await w.mFails('RegisterMeter', alice, { meter: keyed.eid, zone: 'Z', ratedPowerW: 1, slotMinutes: 7 })).message).to.match(/^VALIDATION: request.slotMinutes: must be one of/);
  });

  it('books a batch: per-reading verdicts, the good ones commit, intervals per 15-minute slot', async () => {
    const m = await w.meter(alice);
    w.h.advance(40 * 60_000);
    const batch: unknown[] = [
      reading(m, 0, T0, 1000),
      reading(m, 1, T0 + 10 * 60_000, 1100), // 100 Wh in slot 00:00
      { ...reading(m, 2, T0 + 20 * 60_000, 1400), importWh: '1500' }, // forged
      reading(m, 2, T0 + 20 * 60_000, 1400), // 300 Wh: 150 in 00:00 (5 of 10 min), 150 in 00:15
      reading(m, 3, T0 + 21 * 60_000, 1300), // regression
      'not a reading',
      { meter: m.eid, seq: 4 },
      reading(m, 1, T0 + 10 * 60_000, 1100), // duplicate
    ];
    const out = await w.submit(batch);
    expect(out.results.map((r) => r.reason ?? r.verdict)).to.deep.equal([
      'accepted', 'accepted', 'FORGED_SIGNATURE', 'accepted', 'COUNTER_REGRESSION', 'MALFORMED', 'MALFORMED', 'duplicate',
    ]);
    expect(out.results[6]).to.include({ meter: m.eid, seq: 4, detail: 'readings.6.ts: Invalid input: expected string, received undefined' });
    expect(out).to.include({ accepted: 3, duplicates: 1, rejected: 4 });

    const q = user('anyone');
    const intervals = await w.m<{ items: Interval[] }>('Intervals', q, { meter: m.eid });
    expect(intervals.items.map((i) => [i.slotStart, i.importWh, i.readings])).to.deep.equal([
      ['2026-01-01T00:00:00.000Z', '250', 2],
      ['2026-01-01T00:15:00.000Z', '150', 1],
    ]);
    const state = await w.m<{ last: Cursor }>('GetMeter', q, { meter: m.eid });
    expect(state.last).to.include({ seq: 2, importWh: '1400', accepted: 3 });
    const anomalies = await w.m<{ items: Anomaly[] }>('Anomalies', q, { meter: m.eid });
    expect(anomalies.items.map((a) => [a.kind, a.reason, a.seq])).to.deep.equal([
      ['FORGED_SIGNATURE', 'FORGED_SIGNATURE', 2],
      ['REGRESSION', 'COUNTER_REGRESSION', 3],
    ]);

    // Submitting the same batch again changes nothing: every good reading is a duplicate.
    const before = w.stateFingerprint();
    const again = await w.submit(batch.slice(0, 2));
    expect(again.results.map((r) => r.verdict)).to.deep.equal(['duplicate', 'duplicate']);
    expect(w.stateFingerprint()).to.equal(before);
  });

  it('queries readings and intervals by time range, page by page', async () => {
    const m = await w.meter(alice);
    w.h.advance(6 * 3_600_000);
    const readings = Array.from({ length: 25 }, (_, i) => reading(m, i, T0 + i * 10 * 60_000, 1000 + i * 100));
    await w.submit(readings);
    const q = user('anyone');
    const seen: StoredReading[] = [];
    let bookmark = '';
    let pages = 0;
    do {
      const page = await w.m<{ items: StoredReading[]; bookmark: string }>('Readings', q, { meter: m.eid, from: iso(T0 + 60 * 60_000), to: iso(T0 + 180 * 60_000), pageSize: 4, bookmark });
      seen.push(...page.items);
      bookmark = page.bookmark;
      pages++;
    } while (bookmark);
    expect(seen.map((r) => r.seq)).to.deep.equal([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(pages).to.be.within(3, 4);
    const iv = await w.m<{ items: Interval[] }>('Intervals', q, { meter: m.eid, from: iso(T0 + 60 * 60_000), to: iso(T0 + 120 * 60_000) });
    expect(iv.items.map((i) => i.slotStart)).to.deep.equal(['01:00', '01:15', '01:30', '01:45'].map((t) => `2026-01-01T${t}:00.000Z`));
    const total = (await w.m<{ items: Interval[] }>('Intervals', q, { meter: m.eid, pageSize: 100 })).items.reduce((s, i) => s + BigInt(i.importWh), 0n);
    expect(total).to.equal(2400n);
    const foreign = await w.mFails('Intervals', q, { meter: m.eid, bookmark: '\u0000meter.meter\u0000x\u0000' });
    expect(foreign.message).to.equal('VALIDATION: request.bookmark: does not belong to this query');
  });

  it('refuses readings of uncertified or decommissioned meters and of unknown meters; only ingestors submit', async () => {
    const pending = await w.meter(alice, { certify: false });
    w.h.advance(60_000);
    const unknown = { ...pending, eid: 'eid:d:ffffffffffffffffffffffffffffffff' };
    const out = await w.submit([reading(pending, 0, T0, 1), reading(unknown, 0, T0, 1)]);
    expect(out.results.map((r) => r.reason)).to.deep.equal(['METER_NOT_CERTIFIED', 'UNKNOWN_METER']);
    expect((await w.mFails('SubmitReadings', alice, { readings: [reading(pending, 0, T0, 1)] })).message).to.match(/^ACCESS_DENIED: only an ingestor/);
    await w.m('CertifyMeter', gridOperator, { meter: pending.eid });
    expect((await w.submit([reading(pending, 0, T0, 1)])).accepted).to.equal(1);
    expect((await w.mFails('DecommissionMeter', user('mallory'), { meter: pending.eid, reason: 'x' })).message).to.match(/^ACCESS_DENIED/);
    await w.m('DecommissionMeter', alice, { meter: pending.eid, reason: 'replaced' });
    expect((await w.submit([reading(pending, 1, T0 + 1000, 2)])).results[0]?.reason).to.equal('METER_DECOMMISSIONED');
    expect((await w.mFails('SubmitReadings', ingestor, { readings: [] })).message).to.equal('VALIDATION: request.readings: must hold at least one reading');
  });

  it('rotates the key with a signature of the old key, or by the grid operator', async () => {
    const m = await w.meter(alice);
    w.h.advance(60_000);
    const next = newKey();
    const fp = keyFingerprint((parseP256Key(next.pem) as { key: KeyObject }).key);
    const forgedSig = sign('sha256', Buffer.from(rotationMessage(m.eid, 1, fp)), newKey().priv).toString('base64');
    expect((await w.mFails('RotateKey', alice, { meter: m.eid, publicKey: next.pem, signature: forgedSig })).message).to.match(/^VALIDATION: request.signature: does not verify/);
    expect((await w.mFails('RotateKey', alice, { meter: m.eid, publicKey: next.pem })).message).to.match(/^VALIDATION: request.signature: is required/);
    const sig = sign('sha256', Buffer.from(rotationMessage(m.eid, 1, fp)), m.priv).toString('base64');
    const rotated = await w.m<Meter>('RotateKey', ingestor, { meter: m.eid, publicKey: next.pem, signature: sig });
    expect(rotated).to.include({ keyVersion: 2, publicKey: next.pem, status: 'certified' });
    // Replaying the same rotation fails: it names key version 1.
    expect((await w.mFails('RotateKey', alice, { meter: m.eid, publicKey: newKey().pem, signature: sig })).message).to.match(/does not verify/);
    const out = await w.submit([reading(m, 0, T0, 1), reading({ ...m, priv: next.priv }, 1, T0 + 1000, 2)]);
    expect(out.results.map((r) => r.reason ?? r.verdict)).to.deep.equal(['FORGED_SIGNATURE', 'accepted']);
    const third = newKey();
    expect((await w.m<Meter>('RotateKey', gridOperator, { meter: m.eid, publicKey: third.pem })).keyVersion).to.equal(3);
  });

  it('lets batches of different meters commit in one block: no shared keys, no conflicts', async () => {
    const meters: SimMeter[] = [];
    for (let i = 0; i < 6; i++) meters.push(await w.meter(user(`owner${i}`)));
    w.h.advance(30 * 60_000);
    await w.submit(meters.map((m) => reading(m, 0, T0, 0)));
    const sim = new BlockSimulator(w.h.world);
    const now = w.h.nowMs;
    const endorsements = await Promise.all(
      meters.map((m) => sim.endorse({ contract: w.metering, method: 'SubmitReadings', caller: ingestor, args: [JSON.stringify({ readings: [reading(m, 1, T0 + 60_000, 50), reading(m, 2, T0 + 20 * 60_000, 900)] })] }, now)),
    );
    expect(endorsements.map((e) => e.error?.message)).to.deep.equal(meters.map(() => undefined));
    expect(sim.commitBlock(endorsements, now)).to.deep.equal(meters.map(() => 'VALID'));
    // Two batches of the same meter in one block: the second loses (MVCC), and is retried later.
    const m0 = meters[0] as SimMeter;
    const same = await Promise.all([3, 4].map((seq) => sim.endorse({ contract: w.metering, method: 'SubmitReadings', caller: ingestor, args: [JSON.stringify({ readings: [reading(m0, seq, T0 + (20 + seq) * 60_000, 900 + seq)] })] }, now)));
    expect(sim.commitBlock(same, now)).to.deep.equal(['VALID', 'MVCC_READ_CONFLICT']);
  });
});
