/**
 * Metering state, as stored, and the wire shape of one meter reading. Every
 * record is parsed through these schemas when it is built and when it is read
 * back. Energy counters are integer strings in watt-hours (bigint in logic).
 */
import { amount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { deviceEidSchema, participantEidSchema } from '../common/ids';

/** Settlement slot lengths a meter may use (minutes; each divides an hour). */
export const SLOT_MINUTES = [1, 5, 15, 30, 60] as const;
export const DEFAULT_SLOT_MINUTES = 15;

/** registered → certified (grid operator) → decommissioned; registered → decommissioned. */
export const METER_STATUSES = ['registered', 'certified', 'decommissioned'] as const;
export type MeterStatus = (typeof METER_STATUSES)[number];

export const zoneSchema = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1-32 characters of A-Z a-z 0-9 . _ -');
export const locationSchema = z.strictObject({
  lat: z.number().min(-90, 'must be at least -90').max(90, 'must be at most 90'),
  lon: z.number().min(-180, 'must be at least -180').max(180, 'must be at most 180'),
});

export const meterSchema = z.object({
  /** The device eID (identity contract, kind `meter`). */
  eid: deviceEidSchema,
  ownerEid: participantEidSchema,
  zone: zoneSchema,
  location: locationSchema.optional(),
  /** Rated capacity in watts: the bound of physically plausible average power. */
  ratedPowerW: z.number().int().positive(),
  slotMinutes: z.number().int(),
  /** SPKI PEM of the meter's ECDSA P-256 key; readings are signed with it. */
  publicKey: z.string(),
  /** 1 at registration, +1 per rotation; rotation signatures name the version they replace. */
  keyVersion: z.number().int().positive(),
  status: z.enum(METER_STATUSES),
  registeredAt: z.string(),
  registeredBy: z.string(),
  registeredTxId: z.string(),
  certifiedAt: z.string().optional(),
  certifiedBy: z.string().optional(),
  keyRotatedAt: z.string().optional(),
  decommissionedAt: z.string().optional(),
  decommissionReason: z.string().optional(),
});
export type Meter = z.infer<typeof meterSchema>;

/** The last accepted reading of a meter: what the next one is checked against. */
export const cursorSchema = z.object({
  seq: z.number().int().nonnegative(),
  ts: z.string(),
  importWh: amount,
  exportWh: amount,
  accepted: z.number().int().nonnegative(),
  txId: z.string(),
});
export type Cursor = z.infer<typeof cursorSchema>;

/** ISO-8601 UTC in exactly `Date.prototype.toISOString()` form (milliseconds, `Z`). */
export const readingTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be ISO-8601 UTC with milliseconds, e.g. 2026-01-01T00:15:00.000Z')
  .refine((s) => {
    const ms = Date.parse(s);
    return Number.isFinite(ms) && new Date(ms).toISOString() === s;
  }, 'is not a valid calendar time');

/** One signed reading as a meter sends it (and as metering:SubmitReadings takes it). */
export const readingSchema = z.strictObject({
  meter: deviceEidSchema,
  seq: z.number().int('must be an integer').min(0, 'must be at least 0').max(Number.MAX_SAFE_INTEGER, 'is too large'),
  ts: readingTime,
  importWh: amount,
  exportWh: amount,
  /** Base64 ECDSA P-256/SHA-256 signature over `readingMessage(...)`, DER or raw r||s (64 bytes). */
  sig: z.string().regex(/^[A-Za-z0-9+/]{40,200}={0,2}$/, 'must be a base64 signature'),
});
export type Reading = z.infer<typeof readingSchema>;

/** An accepted reading, keyed by meter, time and sequence. */
export const storedReadingSchema = z.object({
  meter: deviceEidSchema,
  seq: z.number().int().nonnegative(),
  ts: z.string(),
  importWh: amount,
  exportWh: amount,
  /** Energy since the previous accepted reading (0 for the first one: it is the baseline). */
  deltaImportWh: amount,
  deltaExportWh: amount,
  sig: z.string(),
  keyVersion: z.number().int().positive(),
  txId: z.string(),
});
export type StoredReading = z.infer<typeof storedReadingSchema>;

/** One accepted reading inside a batch record (the meter, key version and txId are the record's). */
export const batchedReadingSchema = storedReadingSchema.omit({ meter: true, keyVersion: true, txId: true });
export type BatchedReading = z.infer<typeof batchedReadingSchema>;

/**
 * The readings of one meter accepted by one SubmitReadings transaction, in
 * sequence order: one key per meter per batch instead of one per reading
 * (issue 14), so a batch of 500 readings of 20 meters writes 20 reading keys.
 */
export const readingBatchSchema = z.object({
  meter: deviceEidSchema,
  keyVersion: z.number().int().positive(),
  txId: z.string(),
  readings: z.array(batchedReadingSchema).min(1),
});
export type ReadingBatchRecord = z.infer<typeof readingBatchSchema>;

/** A reading of a batch record in the shape of a stored reading (what queries answer). */
export function unbatch(b: ReadingBatchRecord, r: BatchedReading): StoredReading {
  return { meter: b.meter, ...r, keyVersion: b.keyVersion, txId: b.txId };
}

/** Energy of one meter in one settlement slot [slotStart, slotEnd). */
export const intervalSchema = z.object({
  meter: deviceEidSchema,
  zone: zoneSchema,
  slotStart: z.string(),
  slotEnd: z.string(),
  importWh: amount,
  exportWh: amount,
  /** Readings whose energy (or part of it) fell into this slot. */
  readings: z.number().int().nonnegative(),
  /** Some of the energy was spread pro rata from a reading spanning several slots. */
  interpolated: z.boolean(),
  updatedTxId: z.string(),
});
export type Interval = z.infer<typeof intervalSchema>;

export const ANOMALY_KINDS = ['GAP', 'REGRESSION', 'IMPLAUSIBLE_JUMP', 'FORGED_SIGNATURE', 'TIMESTAMP'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export const anomalySchema = z.object({
  meter: deviceEidSchema,
  kind: z.enum(ANOMALY_KINDS),
  /** Rejection reason when the reading was rejected; absent for an anomaly on an accepted reading (a gap). */
  reason: z.string().optional(),
  seq: z.number().int().nonnegative().optional(),
  ts: z.string().optional(),
  detail: z.string(),
  at: z.string(),
  txId: z.string(),
});
export type Anomaly = z.infer<typeof anomalySchema>;
