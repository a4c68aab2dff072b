/**
 * Typed state of equipment rental (white paper 4.1.2): items a provider lists
 * (vehicles and other devices) with their availability, reservations for a
 * window and rentals (the time an item is out). Validated when read (store.ts).
 */
import { z } from 'zod';
import { CONNECTOR_STATES } from '../charging/state';
import { RENTAL_CATEGORIES } from './inputs';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

/** The same availability states as a charge point's connector. */
export const ITEM_STATES = CONNECTOR_STATES;

export const itemSchema = z.object({
  id: z.string(),
  provider: z.string(),
  category: z.enum(RENTAL_CATEGORIES),
  device: z.string().optional(),
  serial: z.string(),
  zone: z.string(),
  /** Where the item is now (moves to the return place at each return). */
  latE6: z.number().int(),
  lonE6: z.number().int(),
  pricePerHour: amountString,
  reservationFee: amountString,
  freeCancelMinutes: z.number().int(),
  slotMinutes: z.number().int(),
  returnZone: z.object({ latE6: z.number().int(), lonE6: z.number().int(), radiusE6: z.number().int() }),
  outsideReturnFee: amountString.optional(),
  listedAt: z.string(),
  listedTxId: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const itemStateSchema = z.object({
  itemId: z.string(),
  state: z.enum(ITEM_STATES),
  rentalId: z.string().optional(),
  updatedAt: z.string(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const rentalReservationSchema = z.object({
  id: z.string(),
  user: z.string(),
  itemId: z.string(),
  provider: z.string(),
  start: z.string(),
  end: z.string(),
  reservationFee: amountString,
  holdId: z.string(),
  held: amountString,
  /** sha256(codeSalt | code): the code itself never reaches the ledger. */
  codeHash: z.string(),
  codeSalt: z.string(),
  status: z.enum(['booked', 'started', 'cancelled', 'no-show']),
  rentalId: z.string().optional(),
  bookedAt: z.string(),
  closedAt: z.string().optional(),
  providerPaid: amountString.optional(),
  platformFee: amountString.optional(),
  refunded: amountString.optional(),
});
export type RentalReservation = z.infer<typeof rentalReservationSchema>;

export const rentalSchema = z.object({
  id: z.string(),
  user: z.string(),
  provider: z.string(),
  itemId: z.string(),
  mode: z.enum(['reserved', 'instant']),
  reservationId: z.string().optional(),
  holdId: z.string(),
  held: amountString,
  reservationFee: amountString,
  pricePerHour: amountString,
  outsideReturnFee: amountString.optional(),
  status: z.enum(['active', 'returned']),
  startedAt: z.string(),
  startedTxId: z.string(),
  returnedAt: z.string().optional(),
  returnLatE6: z.number().int().optional(),
  returnLonE6: z.number().int().optional(),
  insideReturnZone: z.boolean().optional(),
  seconds: z.number().int().optional(),
  cost: amountString.optional(),
  outsideFee: amountString.optional(),
  captured: amountString.optional(),
  providerPaid: amountString.optional(),
  platformFee: amountString.optional(),
  refunded: amountString.optional(),
});
export type Rental = z.infer<typeof rentalSchema>;
