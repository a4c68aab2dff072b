/**
 * Metering rules as pure functions (no ledger): meter lifecycle, the verdict
 * on one reading against the meter's last accepted reading, and how a reading's
 * energy is split into settlement slots. The contract feeds them what the store
 * read; unit tests feed them by hand.
 */
import { big, ConflictError, type DomainEvent } from '@dec/chaincode-kit';
import type { Change, EnergyEnv } from '../common/env';
import type { Device, Participant } from '../identity/state';
import {
  meterSchema,
  type AnomalyKind,
  type Cursor,
  type Meter,
  type Reading,
  type StoredReading,
} from './state';

/** Plausibility limits. Chaincode-wide constants: every endorser must apply the same ones. */
export const LIMITS = {
  /** A reading may be at most this far ahead of the transaction time (meter clock skew + batching). */
  maxFutureSkewMs: 5 * 60_000,
  /** ... and at most this old (a broker or ingestor outage may hold readings back for days). */
  maxAgeMs: 7 * 24 * 3_600_000,
  /** Average power between two readings may exceed the rated power by at most 10 % (in basis points). */
  powerToleranceBps: 11_000n,
  /** Readings further apart than this raise a GAP anomaly (the reading still counts). */
  gapAnomalyMs: 3_600_000,
  /** A reading spanning more slots than this is not spread: its energy goes to the slot it ends in. */
  maxSpreadSlots: 96,
} as const;

export type Limits = typeof LIMITS;

export const REJECT_REASONS = [
  'MALFORMED',
  'UNKNOWN_METER',
  'METER_NOT_CERTIFIED',
  'METER_DECOMMISSIONED',
  'FORGED_SIGNATURE',
  'STALE_SEQUENCE',
  'TIMESTAMP_REGRESSION',
  'COUNTER_REGRESSION',
  'TIMESTAMP_IN_FUTURE',
  'TIMESTAMP_TOO_OLD',
  'IMPLAUSIBLE_POWER',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  verdict: 'rejected';
  reason: RejectReason;
  detail: string;
  /** The anomaly this rejection reports (none for malformed input or unknown meters). */
  anomaly?: AnomalyKind;
}

export interface Duplicate {
  verdict: 'duplicate';
  detail: string;
}

export interface Acceptance {
  verdict: 'accepted';
  deltaImportWh: bigint;
  deltaExportWh: bigint;
  /** Anomalies of an accepted reading (gaps). */
  anomalies: { kind: AnomalyKind; detail: string }[];
}

export type Assessment = Rejection | Duplicate | Acceptance;

export interface ReadingContext {
  meter: Meter;
  /** The identity contract's device record: a retired device counts as decommissioned. */
  deviceStatus: Device['status'];
  cursor: Cursor | undefined;
  signatureValid: boolean;
  /** For a sequence at or below the cursor: the stored reading with this reading's key, if any. */
  stored: StoredReading | undefined;
  nowMs: number;
}

const reject = (reason: RejectReason, detail: string, anomaly?: AnomalyKind): Rejection => ({ verdict: 'rejected', reason, detail, anomaly });

/** Average power (W) implied by `deltaWh` over `dtMs`, rounded down; for messages only. */
export function impliedPowerW(deltaWh: bigint, dtMs: number): bigint {
  return dtMs <= 0 ? 0n : (deltaWh * 3_600_000n) / BigInt(dtMs);
}

/** True when delta energy over dtMs stays within rated power × tolerance (exact integer comparison). */
export function powerPlausible(deltaWh: bigint, dtMs: number, ratedPowerW: number, limits: Limits = LIMITS): boolean {
  // deltaWh * 3600 s/h * 1000 ms/s / dtMs <= rated * tolerance / 10000
  return deltaWh * 3_600_000n * 10_000n <= BigInt(ratedPowerW) * BigInt(dtMs) * limits.powerToleranceBps;
}

/** Meter status and signature: a reading of a meter that cannot report, or not signed by its key, is refused first. */
function meterCheck(c: ReadingContext): Rejection | undefined {
  const { meter } = c;
  if (meter.status === 'decommissioned' || c.deviceStatus === 'retired') return reject('METER_DECOMMISSIONED', `meter ${meter.eid} is decommissioned`);
  if (meter.status !== 'certified') return reject('METER_NOT_CERTIFIED', `meter ${meter.eid} is not certified by the grid operator yet`);
  if (!c.signatureValid) return reject('FORGED_SIGNATURE', `signature does not verify with the meter's key (version ${meter.keyVersion})`, 'FORGED_SIGNATURE');
  return undefined;
}

/** A sequence at or below the cursor: a resend of a stored reading (duplicate), else stale. */
function sequenceCheck(r: Reading, c: ReadingContext): Rejection | Duplicate | undefined {
  const { cursor } = c;
  if (!cursor || r.seq > cursor.seq) return undefined;
  const s = c.stored;
  if (s && s.ts === r.ts && s.importWh === r.importWh && s.exportWh === r.exportWh) {
    return { verdict: 'duplicate', detail: `reading ${r.seq} was already accepted in ${s.txId}` };
  }
  return reject('STALE_SEQUENCE', `sequence ${r.seq} is not after the last accepted ${cursor.seq} and is not a copy of a stored reading`, 'REGRESSION');
}

function timeCheck(r: Reading, tsMs: number, nowMs: number, limits: Limits): Rejection | undefined {
  if (tsMs > nowMs + limits.maxFutureSkewMs) return reject('TIMESTAMP_IN_FUTURE', `timestamp ${r.ts} is more than ${limits.maxFutureSkewMs / 1000} s after the transaction time`, 'TIMESTAMP');
  if (tsMs < nowMs - limits.maxAgeMs) return reject('TIMESTAMP_TOO_OLD', `timestamp ${r.ts} is more than ${limits.maxAgeMs / 3_600_000} h before the transaction time`, 'TIMESTAMP');
  return undefined;
}

/** Monotonic counters and plausible power since the cursor; the deltas when they are. */
function movementCheck(r: Reading, tsMs: number, cursor: Cursor, meter: Meter, limits: Limits): Rejection | { dImport: bigint; dExport: bigint; dt: number } {
  const prevMs = Date.parse(cursor.ts);
  if (tsMs <= prevMs) return reject('TIMESTAMP_REGRESSION', `timestamp ${r.ts} is not after ${cursor.ts} of reading ${cursor.seq}`, 'REGRESSION');
  const dImport = big(r.importWh) - big(cursor.importWh);
  const dExport = big(r.exportWh) - big(cursor.exportWh);
  if (dImport < 0n || dExport < 0n) {
    const which = dImport < 0n ? `import ${r.importWh} < ${cursor.importWh}` : `export ${r.exportWh} < ${cursor.exportWh}`;
    return reject('COUNTER_REGRESSION', `counter went backwards since reading ${cursor.seq}: ${which} Wh`, 'REGRESSION');
  }
  const dt = tsMs - prevMs;
  for (const [name, delta] of [['import', dImport], ['export', dExport]] as const) {
    if (!powerPlausible(delta, dt, meter.ratedPowerW, limits)) {
      return reject(
        'IMPLAUSIBLE_POWER',
        `${name} of ${delta} Wh in ${dt} ms implies ${impliedPowerW(delta, dt)} W, above rated ${meter.ratedPowerW} W + ${Number(limits.powerToleranceBps - 10_000n) / 100} %`,
        'IMPLAUSIBLE_JUMP',
      );
    }
  }
  return { dImport, dExport, dt };
}

/** Gaps an accepted reading reveals: skipped sequence numbers, or a long silence. */
function gapAnomalies(r: Reading, cursor: Cursor, dt: number, limits: Limits): Acceptance['anomalies'] {
  const anomalies: Acceptance['anomalies'] = [];
  if (r.seq > cursor.seq + 1) anomalies.push({ kind: 'GAP', detail: `sequence ${cursor.seq + 1}..${r.seq - 1} missing` });
  if (dt > limits.gapAnomalyMs) anomalies.push({ kind: 'GAP', detail: `${dt / 1000} s since reading ${cursor.seq}` });
  return anomalies;
}

/** The verdict on one reading. Order: meter status, signature, duplicates, time, monotonicity, physics. */
export function assessReading(r: Reading, c: ReadingContext, limits: Limits = LIMITS): Assessment {
  const tsMs = Date.parse(r.ts);
  const refused = meterCheck(c) ?? sequenceCheck(r, c) ?? timeCheck(r, tsMs, c.nowMs, limits);
  if (refused) return refused;
  const { cursor } = c;
  if (!cursor) return { verdict: 'accepted', deltaImportWh: 0n, deltaExportWh: 0n, anomalies: [] };
  const movement = movementCheck(r, tsMs, cursor, c.meter, limits);
  if ('verdict' in movement) return movement;
  return { verdict: 'accepted', deltaImportWh: movement.dImport, deltaExportWh: movement.dExport, anomalies: gapAnomalies(r, cursor, movement.dt, limits) };
}

// --- settlement slots ---------------------------------------------------------

export interface SlotShare {
  slotStartMs: number;
  importWh: bigint;
  exportWh: bigint;
  interpolated: boolean;
}

export function slotStartOf(ms: number, slotMinutes: number): number {
  const len = slotMinutes * 60_000;
  return Math.floor(ms / len) * len;
}

/**
 * Splits the energy measured over (fromMs, toMs] across the slots it overlaps,
 * pro rata to time, in integers: each slot gets floor(delta × overlap / span)
 * and the last slot the remainder, so the parts always sum to the whole.
 */
export function spreadEnergy(fromMs: number, toMs: number, dImport: bigint, dExport: bigint, slotMinutes: number, limits: Limits = LIMITS): SlotShare[] {
  const len = slotMinutes * 60_000;
  const first = slotStartOf(fromMs, slotMinutes);
  const last = slotStartOf(toMs - 1, slotMinutes);
  const count = (last - first) / len + 1;
  if (count <= 1 || count > limits.maxSpreadSlots) {
    return [{ slotStartMs: last, importWh: dImport, exportWh: dExport, interpolated: count > 1 }];
  }
  const span = BigInt(toMs - fromMs);
  const out: SlotShare[] = [];
  let restImport = dImport;
  let restExport = dExport;
  for (let s = first; s <= last; s += len) {
    if (s === last) {
      out.push({ slotStartMs: s, importWh: restImport, exportWh: restExport, interpolated: true });
      break;
    }
    const overlap = BigInt(Math.min(toMs, s + len) - Math.max(fromMs, s));
    const i = (dImport * overlap) / span;
    const e = (dExport * overlap) / span;
    restImport -= i;
    restExport -= e;
    out.push({ slotStartMs: s, importWh: i, exportWh: e, interpolated: true });
  }
  return out;
}

// --- meter lifecycle --------------------------------------------------------------

export interface MeterRegistration {
  zone: string;
  location?: { lat: number; lon: number };
  ratedPowerW: number;
  slotMinutes: number;
  publicKey: string;
}

function meterEvent(name: string, m: Meter, extra: Record<string, unknown> = {}): DomainEvent {
  return { name, payload: { meter: m.eid, ownerEid: m.ownerEid, zone: m.zone, status: m.status, keyVersion: m.keyVersion, ...extra } };
}

/** A meter is an active identity device of kind `meter` whose owner is an active participant. */
export function registerMeter(device: Device, owner: Participant, reg: MeterRegistration, tx: EnergyEnv): Change<Meter> {
  if (device.kind !== 'meter') throw new ConflictError(`device ${device.eid} is a ${device.kind}, not a meter`);
  if (device.status !== 'active') throw new ConflictError(`device ${device.eid} is ${device.status}`);
  if (owner.status !== 'active') throw new ConflictError(`owner ${owner.eid} is ${owner.status}, not active`);
  const state = meterSchema.parse({
    eid: device.eid,
    ownerEid: owner.eid,
    zone: reg.zone,
    location: reg.location,
    ratedPowerW: reg.ratedPowerW,
    slotMinutes: reg.slotMinutes,
    publicKey: reg.publicKey,
    keyVersion: 1,
    status: 'registered',
    registeredAt: tx.now,
    registeredBy: tx.actor.id,
    registeredTxId: tx.txId,
  });
  return { state, events: [meterEvent('MeterRegistered', state, { ratedPowerW: state.ratedPowerW, slotMinutes: state.slotMinutes })] };
}

export function certifyMeter(m: Meter, tx: EnergyEnv): Change<Meter> {
  if (m.status !== 'registered') throw new ConflictError(`meter ${m.eid} is ${m.status}; only a registered meter can be certified`);
  const state = meterSchema.parse({ ...m, status: 'certified', certifiedAt: tx.now, certifiedBy: tx.actor.id });
  return { state, events: [meterEvent('MeterCertified', state)] };
}

export function decommissionMeter(m: Meter, reason: string, tx: EnergyEnv): Change<Meter> {
  if (m.status === 'decommissioned') throw new ConflictError(`meter ${m.eid} is already decommissioned`);
  const state = meterSchema.parse({ ...m, status: 'decommissioned', decommissionedAt: tx.now, decommissionReason: reason });
  return { state, events: [meterEvent('MeterDecommissioned', state, { reason })] };
}

export function rotateMeterKey(m: Meter, publicKey: string, authorisedBy: 'old-key' | 'grid-operator', tx: EnergyEnv): Change<Meter> {
  if (m.status === 'decommissioned') throw new ConflictError(`meter ${m.eid} is decommissioned`);
  if (publicKey === m.publicKey) throw new ConflictError(`meter ${m.eid} already uses this key`);
  const state = meterSchema.parse({ ...m, publicKey, keyVersion: m.keyVersion + 1, keyRotatedAt: tx.now });
  return { state, events: [meterEvent('MeterKeyRotated', state, { authorisedBy })] };
}
