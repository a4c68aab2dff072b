/** Input schemas of the market contract: one JSON object argument per transaction. */
import { amount, positiveAmount, statedEnum } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { beneficiarySchema } from '../crowdfunding/beneficiary';
import { deviceEidSchema, isoTime, note, pageRequest, participantEidSchema } from '../common/ids';
import { readingTime } from '../metering/state';
import { latE6Schema, lonE6Schema, MARKET_SLOT_MINUTES, zoneSchema } from './state';

export const orderIdSchema = z.string().regex(/^ord:[0-9a-f]{32}$/, 'must be an order ID (ord:<32 hex>)');
export const ppaIdSchema = z.string().regex(/^ppa:[0-9a-f]{32}$/, 'must be a PPA ID (ppa:<32 hex>)');
export const emergencyIdSchema = z.string().regex(/^emg:[0-9a-f]{32}$/, 'must be an emergency ID (emg:<32 hex>)');
export const assignmentIdSchema = z.string().regex(/^asg:[0-9a-f]{32}$/, 'must be an assignment ID (asg:<32 hex>)');

/** A slot start: ISO-8601 UTC with milliseconds (e.g. 2026-01-01T10:15:00.000Z). */
export const slotSchema = readingTime;

const smallInt = (min: number, max: number) => z.number().int('must be an integer').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const configureZoneInput = z.strictObject({
  zone: zoneSchema,
  slotMinutes: statedEnum(
    z
      .number()
      .int()
      .refine((m) => (MARKET_SLOT_MINUTES as readonly number[]).includes(m), `must be one of ${MARKET_SLOT_MINUTES.join(', ')}`),
    MARKET_SLOT_MINUTES,
  ).optional(),
  gateMinutes: smallInt(0, 1440).optional(),
  graceMinutes: smallInt(0, 10080).optional(),
  settleWindowMinutes: smallInt(1, 44640).optional(),
  minDeposit: amount.optional(),
  feeBps: smallInt(0, 1000).optional(),
  toleranceBps: smallInt(0, 10000).optional(),
  penaltyPerKwh: amount.optional(),
  lonScalePpm: smallInt(0, 1_000_000).optional(),
});

export const postOrderInput = z.strictObject({
  eid: participantEidSchema,
  side: z.enum(['sell', 'buy']),
  meter: deviceEidSchema,
  zone: zoneSchema,
  slot: slotSchema,
  quantityWh: positiveAmount,
  /** DECC base units per kWh. */
  limitPrice: positiveAmount,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  expiresAt: isoTime.optional(),
});

export const amendOrderInput = z
  .strictObject({
    orderId: orderIdSchema,
    quantityWh: positiveAmount.optional(),
    limitPrice: positiveAmount.optional(),
    expiresAt: isoTime.optional(),
  })
  .refine((i) => i.quantityWh !== undefined || i.limitPrice !== undefined || i.expiresAt !== undefined, 'must change quantityWh, limitPrice or expiresAt');

export const orderIdInput = z.strictObject({ orderId: orderIdSchema });

/** Matching and settlement work through a slot in pages of this many trades / buy orders. */
export const MAX_PAGE = 2000;
export const slotZoneInput = z.strictObject({ slot: slotSchema, zone: zoneSchema });
export const slotZonePageInput = z.strictObject({ slot: slotSchema, zone: zoneSchema, pageSize: smallInt(1, MAX_PAGE).default(500) });

export const proposePpaInput = z.strictObject({
  seller: participantEidSchema,
  sellerMeter: deviceEidSchema,
  buyer: participantEidSchema,
  buyerMeter: deviceEidSchema,
  zone: zoneSchema,
  quantityWh: positiveAmount,
  price: positiveAmount,
  firstSlot: slotSchema,
  lastSlot: slotSchema,
});
export const ppaIdInput = z.strictObject({ ppaId: ppaIdSchema });
export const terminatePpaInput = z.strictObject({ ppaId: ppaIdSchema, reason: note(200).min(1, 'must not be empty') });
export const settlePpaInput = z.strictObject({ ppaId: ppaIdSchema, slot: slotSchema });

export const postEmergencyInput = z.strictObject({
  grid: participantEidSchema,
  zone: zoneSchema,
  slot: slotSchema,
  quantityWh: positiveAmount,
  price: positiveAmount,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
});
export const offerEmergencyInput = z.strictObject({
  emergencyId: emergencyIdSchema,
  eid: participantEidSchema,
  meter: deviceEidSchema,
  quantityWh: positiveAmount,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
});
export const emergencyIdInput = z.strictObject({ emergencyId: emergencyIdSchema });

export const assignRevenueInput = z.strictObject({
  meter: deviceEidSchema,
  beneficiary: beneficiarySchema,
  /** DECC base units: proceeds go to the beneficiary until this much has been paid. */
  cap: positiveAmount,
  ref: note(200).optional(),
});
export const assignmentIdInput = z.strictObject({ assignmentId: assignmentIdSchema });
export const meterInput = z.strictObject({ meter: deviceEidSchema });

export const eidInput = z.strictObject({ eid: participantEidSchema });
export const eidPageInput = z.strictObject({ eid: participantEidSchema, ...pageRequest });
export const orderBookInput = z.strictObject({ slot: slotSchema, zone: zoneSchema, ...pageRequest });
export const statementInput = z.strictObject({ eid: participantEidSchema, slot: slotSchema, zone: zoneSchema });
export const zoneInput = z.strictObject({ zone: zoneSchema });

/** market:PpaSettlements: a PPA's settlements, paged. */
export const ppaPageInput = z.strictObject({ ppaId: ppaIdSchema, ...pageRequest });
