/**
 * Input schemas of the rental contract (equipment rental, white paper 4.1.2):
 * one JSON object argument per transaction; the dynamic code travels only in
 * the transient map, as in charging.
 */
import { amount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { CODE, codeSchema, DEFAULT_SLOT_MINUTES, SLOT_LENGTHS } from '../charging/inputs';
import { deviceEidSchema, isoTime, pageRequest, participantEidSchema } from '../common/ids';
import { latE6Schema, lonE6Schema, zoneSchema } from '../market/state';

export { CODE, codeSchema };

export const itemIdSchema = z.string().regex(/^rd:[0-9a-f]{32}$/, 'must be a rental item ID (rd:<32 hex>)');
export const rentalReservationIdSchema = z.string().regex(/^rrsv:[0-9a-f]{32}$/, 'must be a rental reservation ID (rrsv:<32 hex>)');
export const rentalIdSchema = z.string().regex(/^rent:[0-9a-f]{32}$/, 'must be a rental ID (rent:<32 hex>)');

/** What is rented: vehicles (a registered `vehicle` device) and other equipment. */
export const RENTAL_CATEGORIES = ['vehicle', 'e-bike', 'scooter', 'battery', 'tool', 'other'] as const;
export const categorySchema = z.enum(RENTAL_CATEGORIES);

const int = (min: number, max: number) => z.number().int('must be an integer').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const listItemInput = z.strictObject({
  provider: participantEidSchema,
  category: categorySchema,
  /** The registered vehicle device (required for category vehicle; optional otherwise). */
  device: deviceEidSchema.optional(),
  /** The provider's own label or serial of the item. */
  serial: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, _ or -'),
  zone: zoneSchema,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  pricePerHour: amount,
  reservationFee: amount,
  freeCancelMinutes: int(0, 10_080).default(60),
  slotMinutes: z.union(SLOT_LENGTHS.map((n) => z.literal(n)), { error: `must be one of ${SLOT_LENGTHS.join(', ')}` }).default(DEFAULT_SLOT_MINUTES),
  /** The return zone: a circle around (latE6, lonE6) of radiusE6 micro-degrees. */
  returnZone: z.strictObject({ latE6: latE6Schema, lonE6: lonE6Schema, radiusE6: int(1, 10_000_000) }),
  /** Fee for a return outside the zone; absent: such a return is refused. */
  outsideReturnFee: amount.optional(),
});

export const itemInput = z.strictObject({ itemId: itemIdSchema });

export const setItemStateInput = z.strictObject({
  itemId: itemIdSchema,
  state: z.enum(['available', 'out-of-service', 'maintenance']),
});

export const searchItemsInput = z.strictObject({
  zone: zoneSchema,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  category: categorySchema.optional(),
  ...pageRequest,
});

export const reserveItemInput = z.strictObject({
  user: participantEidSchema,
  itemId: itemIdSchema,
  start: isoTime,
  end: isoTime,
});

export const rentalReservationInput = z.strictObject({ reservationId: rentalReservationIdSchema });
export const startReservedRentalInput = z.strictObject({ reservationId: rentalReservationIdSchema });

export const startInstantRentalInput = z.strictObject({
  user: participantEidSchema,
  itemId: itemIdSchema,
  maxMinutes: int(1, 1440),
});

export const returnItemInput = z.strictObject({
  rentalId: rentalIdSchema,
  /** Where the item is returned (from the device's position report). */
  latE6: latE6Schema,
  lonE6: lonE6Schema,
});

export const rentalInput = z.strictObject({ rentalId: rentalIdSchema });
