import { expect } from 'chai';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { keyFingerprint, normalisePem, parseP256Key, readingMessage, rotationMessage, verifySignature } from './crypto';
import { assessReading, LIMITS, powerPlausible, spreadEnergy, type ReadingContext } from './logic';
import type { Cursor, Meter, Reading } from './state';

const METER = 'eid:d:0123456789abcdef0123456789abcdef';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function keys(): { priv: KeyObject; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { priv: privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function signed(priv: KeyObject, r: Omit<Reading, 'sig'>, encoding: 'der' | 'ieee-p1363' = 'der'): Reading {
  return { ...r, sig: sign('sha256', Buffer.from(readingMessage(r)), { key: priv, dsaEncoding: encoding }).toString('base64') };
}

const meter = (pem: string, over: Partial<Meter> = {}): Meter => ({
  eid: METER,
  ownerEid: 'eid:p:0123456789abcdef0123456789abcdef',
  zone: 'Z1',
  ratedPowerW: 10_000,
  slotMinutes: 15,
  publicKey: pem,
  keyVersion: 1,
  status: 'certified',
  registeredAt: iso(T0),
  registeredBy: 'x',
  registeredTxId: 't',
  ...over,
});

describe('metering: signatures (ECDSA P-256)', () => {
  const k = keys();
  const key = (parseP256Key(k.pem) as { key: KeyObject }).key;
  const r = { meter: METER, seq: 7, ts: iso(T0), importWh: '1500', exportWh: '20' };

  it('has a fixed canonical encoding (the meter firmware and the simulator sign exactly this)', () => {
    expect(readingMessage(r)).to.equal(`DEC-METER-READING-V1\n${METER}\n7\n2026-03-01T10:00:00.000Z\n1500\n20`);
    expect(rotationMessage(METER, 3, 'ab')).to.equal(`DEC-METER-KEY-ROTATION-V1\n${METER}\n3\nab`);
  });

  it('verifies DER and raw r||s signatures and refuses tampered fields or another key', () => {
    expect(verifySignature(key, readingMessage(r), signed(k.priv, r).sig)).to.equal(true);
    expect(verifySignature(key, readingMessage(r), signed(k.priv, r, 'ieee-p1363').sig)).to.equal(true);
    const sig = signed(k.priv, r).sig;
    expect(verifySignature(key, readingMessage({ ...r, importWh: '1501' }), sig)).to.equal(false);
    expect(verifySignature(key, readingMessage({ ...r, seq: 8 }), sig)).to.equal(false);
    expect(verifySignature(key, readingMessage(r), signed(keys().priv, r).sig)).to.equal(false);
    expect(verifySignature(key, readingMessage(r), 'AAAA')).to.equal(false);
  });

  it('accepts only P-256 keys and normalises them', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(parseP256Key(rsa)).to.have.property('error').that.match(/P-256/);
    expect(parseP256Key(p384)).to.have.property('error').that.match(/P-256/);
    expect(parseP256Key('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).to.have.property('error');
    expect(normalisePem(key)).to.equal(k.pem);
    expect(keyFingerprint(key)).to.match(/^[0-9a-f]{64}$/);
  });
});

describe('metering: reading plausibility', () => {
  const k = keys();
  const key = (parseP256Key(k.pem) as { key: KeyObject }).key;
  const cursor: Cursor = { seq: 10, ts: iso(T0), importWh: '1000', exportWh: '500', accepted: 11, txId: 'tx' };
  const ctx = (r: Reading, over: Partial<ReadingContext> = {}): ReadingContext => ({
    meter: meter(k.pem),
    deviceStatus: 'active',
    cursor,
    signatureValid: verifySignature(key, readingMessage(r), r.sig),
    stored: undefined,
    nowMs: T0 + 60_000,
    ...over,
  });
  const next = (over: Partial<Omit<Reading, 'sig'>> = {}) => signed(k.priv, { meter: METER, seq: 11, ts: iso(T0 + 60_000), importWh: '1100', exportWh: '500', ...over });

  it('accepts the next reading with its energy delta', () => {
    const r = next();
    expect(assessReading(r, ctx(r))).to.deep.equal({ verdict: 'accepted', deltaImportWh: 100n, deltaExportWh: 0n, anomalies: [] });
  });

  it('takes the first reading of a meter as the baseline (no energy)', () => {
    const r = next({ seq: 0 });
    expect(assessReading(r, ctx(r, { cursor: undefined }))).to.include({ verdict: 'accepted', deltaImportWh: 0n });
  });

  it('rejects forged, regressing, stale and badly timed readings with their reason', () => {
    const forged = { ...next(), importWh: '9999' };
    expect(assessReading(forged, ctx(forged))).to.include({ verdict: 'rejected', reason: 'FORGED_SIGNATURE', anomaly: 'FORGED_SIGNATURE' });
    const back = next({ importWh: '999' });
    expect(assessReading(back, ctx(back))).to.include({ verdict: 'rejected', reason: 'COUNTER_REGRESSION', anomaly: 'REGRESSION' });
    const backExport = next({ exportWh: '499' });
    expect(assessReading(backExport, ctx(backExport))).to.include({ reason: 'COUNTER_REGRESSION' });
    const stale = next({ seq: 10 });
    expect(assessReading(stale, ctx(stale))).to.include({ verdict: 'rejected', reason: 'STALE_SEQUENCE', anomaly: 'REGRESSION' });
    const sameTime = next({ ts: iso(T0) });
    expect(assessReading(sameTime, ctx(sameTime))).to.include({ reason: 'TIMESTAMP_REGRESSION' });
    const future = next({ ts: iso(T0 + 60_000 + LIMITS.maxFutureSkewMs + 1) });
    expect(assessReading(future, ctx(future))).to.include({ reason: 'TIMESTAMP_IN_FUTURE', anomaly: 'TIMESTAMP' });
    const old = next({ ts: iso(T0 - LIMITS.maxAgeMs) });
    expect(assessReading(old, ctx(old, { cursor: undefined }))).to.include({ reason: 'TIMESTAMP_TOO_OLD' });
  });

  it('rejects energy a meter of its rated power cannot have measured (exact integer bound)', () => {
    // 10 kW rated + 10 %: at most 11 kW for 60 s = 183.33 Wh.
    expect(powerPlausible(183n, 60_000, 10_000)).to.equal(true);
    expect(powerPlausible(184n, 60_000, 10_000)).to.equal(false);
    const jump = next({ importWh: String(1000 + 184) });
    expect(assessReading(jump, ctx(jump))).to.include({ verdict: 'rejected', reason: 'IMPLAUSIBLE_POWER', anomaly: 'IMPLAUSIBLE_JUMP' });
    const ok = next({ importWh: String(1000 + 183) });
    expect(assessReading(ok, ctx(ok)).verdict).to.equal('accepted');
  });

  it('treats an identical copy of a stored reading as a duplicate, not a regression', () => {
    const r = signed(k.priv, { meter: METER, seq: 10, ts: cursor.ts, importWh: '1000', exportWh: '500' });
    const stored = { ...r, deltaImportWh: '0', deltaExportWh: '0', keyVersion: 1, txId: 'tx-first' };
    expect(assessReading(r, ctx(r, { stored }))).to.deep.equal({ verdict: 'duplicate', detail: 'reading 10 was already accepted in tx-first' });
    const altered = signed(k.priv, { meter: METER, seq: 10, ts: cursor.ts, importWh: '1001', exportWh: '500' });
    expect(assessReading(altered, ctx(altered, { stored }))).to.include({ reason: 'STALE_SEQUENCE' });
  });

  it('refuses readings of uncertified, decommissioned or retired meters', () => {
    const r = next();
    expect(assessReading(r, ctx(r, { meter: meter(k.pem, { status: 'registered' }) }))).to.include({ reason: 'METER_NOT_CERTIFIED' });
    expect(assessReading(r, ctx(r, { meter: meter(k.pem, { status: 'decommissioned' }) }))).to.include({ reason: 'METER_DECOMMISSIONED' });
    expect(assessReading(r, ctx(r, { deviceStatus: 'retired' }))).to.include({ reason: 'METER_DECOMMISSIONED' });
  });

  it('accepts a reading after a gap but reports the gap', () => {
    const r = next({ seq: 14, ts: iso(T0 + 2 * 3_600_000), importWh: '2000' });
    const a = assessReading(r, ctx(r, { nowMs: T0 + 2 * 3_600_000 }));
    expect(a.verdict).to.equal('accepted');
    expect(a.verdict === 'accepted' && a.anomalies.map((g) => g.kind)).to.deep.equal(['GAP', 'GAP']);
  });
});

describe('metering: interval energy per settlement slot', () => {
  const slot = 15 * 60_000;

  it('puts energy inside one slot into that slot', () => {
    expect(spreadEnergy(T0 + 1000, T0 + 60_000, 10n, 2n, 15)).to.deep.equal([{ slotStartMs: T0, importWh: 10n, exportWh: 2n, interpolated: false }]);
  });

  it('a reading exactly on a boundary closes the slot before it', () => {
    expect(spreadEnergy(T0 + 60_000, T0 + slot, 10n, 0n, 15)[0]).to.include({ slotStartMs: T0 });
  });

  it('splits across slots pro rata in integers that sum to the whole', () => {
    const parts = spreadEnergy(T0 + slot - 60_000, T0 + slot + 120_000, 301n, 7n, 15);
    expect(parts.map((p) => p.slotStartMs)).to.deep.equal([T0, T0 + slot]);
    expect(parts.map((p) => p.importWh)).to.deep.equal([100n, 201n]);
    expect(parts.reduce((s, p) => s + p.exportWh, 0n)).to.equal(7n);
    const long = spreadEnergy(T0 + 7, T0 + 5 * slot + 13, 1_000_003n, 999n, 15);
    expect(long).to.have.length(6);
    expect(long.reduce((s, p) => s + p.importWh, 0n)).to.equal(1_000_003n);
    expect(long.reduce((s, p) => s + p.exportWh, 0n)).to.equal(999n);
  });

  it('does not spread over more than a day of slots: the energy goes to the closing slot', () => {
    const parts = spreadEnergy(T0, T0 + 3 * 24 * 3_600_000, 50n, 0n, 15);
    expect(parts).to.deep.equal([{ slotStartMs: T0 + 3 * 24 * 3_600_000 - slot, importWh: 50n, exportWh: 0n, interpolated: true }]);
  });
});
