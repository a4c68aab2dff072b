/** Input schemas of the metering contract: one JSON object argument per transaction. */
import { statedEnum } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { deviceEidSchema, note, pageRequest } from '../common/ids';
import { locationSchema, readingTime, SLOT_MINUTES, zoneSchema } from './state';

/** Most readings one SubmitReadings may carry (keeps a transaction well under the block size limit). */
export const MAX_BATCH = 500;

const pem = z
  .string()
  .max(4000, 'must be at most 4000 characters')
  .regex(/^-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/, 'must be a PEM public key (SPKI)');
const reason = note(200).min(1, 'must not be empty');

export const registerMeterInput = z.strictObject({
  meter: deviceEidSchema,
  zone: zoneSchema,
  location: locationSchema.optional(),
  ratedPowerW: z.number().int('must be an integer').min(1, 'must be at least 1').max(1_000_000_000, 'must be at most 1000000000'),
  slotMinutes: statedEnum(
    z
      .number()
      .int()
      .refine((m) => (SLOT_MINUTES as readonly number[]).includes(m), `must be one of ${SLOT_MINUTES.join(', ')}`),
    SLOT_MINUTES,
  ).optional(),
  /** Optional when the identity device record already carries the key; must match it when both are given. */
  publicKey: pem.optional(),
});

export const meterInput = z.strictObject({ meter: deviceEidSchema });
export const certifyMeterInput = z.strictObject({ meter: deviceEidSchema, note: note(200).optional() });
export const decommissionMeterInput = z.strictObject({ meter: deviceEidSchema, reason });
export const rotateKeyInput = z.strictObject({
  meter: deviceEidSchema,
  publicKey: pem,
  /** Base64 signature by the current key over the rotation message; not needed when the grid operator rotates. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{40,200}={0,2}$/, 'must be a base64 signature').optional(),
});

/** Each reading is validated on its own: a malformed one is rejected with its reason, the rest go on. */
export const submitReadingsInput = z.strictObject({
  readings: z.array(z.unknown()).min(1, 'must hold at least one reading').max(MAX_BATCH, `must hold at most ${MAX_BATCH} readings`),
});

const range = {
  /** Inclusive lower bound (reading time or slot start). */
  from: readingTime.optional(),
  /** Exclusive upper bound. */
  to: readingTime.optional(),
};
export const rangeQueryInput = z.strictObject({ meter: deviceEidSchema, ...range, ...pageRequest });
export const anomaliesInput = z.strictObject({ meter: deviceEidSchema, ...pageRequest });
export const zoneInput = z.strictObject({ zone: zoneSchema, ...pageRequest });
