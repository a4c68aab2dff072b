/**
 * Input schemas of the charging contract: one JSON object argument per
 * transaction; the dynamic code travels only in the transient map (CODE).
 */
import { amount, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { deviceEidSchema, isoTime, pageRequest, participantEidSchema } from '../common/ids';
import { latE6Schema, lonE6Schema, zoneSchema } from '../market/state';
import { starsSchema } from '../ratings/stars';

export const pointIdSchema = z.string().regex(/^cp:[0-9a-f]{32}$/, 'must be a charge point ID (cp:<32 hex>)');
export const reservationIdSchema = z.string().regex(/^rsv:[0-9a-f]{32}$/, 'must be a reservation ID (rsv:<32 hex>)');
export const sessionIdSchema = z.string().regex(/^ses:[0-9a-f]{32}$/, 'must be a session ID (ses:<32 hex>)');
/** An OCPP charge point identity: it is a URL path segment and a key part. */
export const chargerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1-36 letters, digits, _ or -');
/**
 * The dynamic code: 20 characters of base32 (100 random bits, chosen by the
 * user's wallet, fits an OCPP idTag). With that much entropy the salted hash on
 * the ledger cannot be reversed by trying candidates.
 */
export const codeSchema = z.string().regex(/^[A-Z2-7]{20}$/, 'must be 20 base32 characters (A-Z, 2-7)');
export const CODE = 'code';

/** Slot lengths a point may take reservations in (minutes; fixed at registration, so one connector's slot keys never overlap). */
export const SLOT_LENGTHS = [1, 5, 15, 30, 60] as const;
export const DEFAULT_SLOT_MINUTES = 15;

const int = (min: number, max: number) => z.number().int('must be an integer').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
/** Watt-hours: at most 12 digits (a cumulative register of up to 10^12 Wh). */
const wh = z.string().regex(/^(0|[1-9][0-9]{0,11})$/, 'must be a non-negative integer string of at most 12 digits (Wh)');
const positiveWh = z.string().regex(/^[1-9][0-9]{0,11}$/, 'must be a positive integer string of at most 12 digits (Wh)');

export const configureInput = z.strictObject({
  feeBps: int(0, 2000),
  minDeposit: positiveAmount,
});

export const registerPointInput = z.strictObject({
  provider: participantEidSchema,
  device: deviceEidSchema,
  chargerId: chargerIdSchema,
  zone: zoneSchema,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  connectors: z
    .array(z.strictObject({ connectorId: int(1, 99), powerW: int(1, 1_000_000) }))
    .min(1, 'must list at least one connector')
    .max(16, 'must list at most 16 connectors'),
  pricePerKwh: amount,
  pricePerHour: amount.default('0'),
  reservationFee: amount,
  freeCancelMinutes: int(0, 10_080).default(60),
  slotMinutes: z.union(SLOT_LENGTHS.map((n) => z.literal(n)), { error: `must be one of ${SLOT_LENGTHS.join(', ')}` }).default(DEFAULT_SLOT_MINUTES),
});

export const pointInput = z.strictObject({ pointId: pointIdSchema });
export const chargerInput = z.strictObject({ chargerId: chargerIdSchema });

export const setConnectorStateInput = z.strictObject({
  pointId: pointIdSchema,
  connectorId: int(1, 99),
  state: z.enum(['available', 'out-of-service', 'maintenance']),
});

export const searchInput = z.strictObject({
  zone: zoneSchema,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  ...pageRequest,
});

export const reserveInput = z.strictObject({
  user: participantEidSchema,
  pointId: pointIdSchema,
  connectorId: int(1, 99),
  start: isoTime,
  end: isoTime,
  /** The energy budget the hold covers (Wh). */
  maxWh: wh,
});

export const reservationInput = z.strictObject({ reservationId: reservationIdSchema });

export const startReservedInput = z.strictObject({
  reservationId: reservationIdSchema,
  meterStartWh: wh,
});

export const verifyCodeInput = z.strictObject({
  chargerId: chargerIdSchema,
  connectorId: int(1, 99),
});

export const startInstantInput = z.strictObject({
  user: participantEidSchema,
  pointId: pointIdSchema,
  connectorId: int(1, 99),
  maxWh: positiveWh,
  maxMinutes: int(1, 1440),
});

export const recordMeterInput = z.strictObject({ sessionId: sessionIdSchema, meterWh: wh });
export const stopSessionInput = z.strictObject({ sessionId: sessionIdSchema, meterStopWh: wh });
export const sessionInput = z.strictObject({ sessionId: sessionIdSchema });
export const userPageInput = z.strictObject({ user: participantEidSchema, ...pageRequest });
export const rateSessionInput = z.strictObject({ sessionId: sessionIdSchema, stars: starsSchema });
