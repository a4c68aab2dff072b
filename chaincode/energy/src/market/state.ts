/**
 * Market state, as stored. Every record is parsed through these schemas when it
 * is built and when it is read back. No floats: energy in watt-hours, prices in
 * DECC base units (1/100 DECC) per kWh, penalties in DEC base units per kWh,
 * coordinates in micro-degrees (integers), all money and energy as integer
 * strings (bigint in logic).
 */
import { amount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { beneficiarySchema } from '../crowdfunding/beneficiary';
import { deviceEidSchema, participantEidSchema } from '../common/ids';
import { zoneSchema } from '../metering/state';

export { zoneSchema };

const int = z.number().int();

/** Micro-degrees: latitude ±90,000,000, longitude ±180,000,000. */
export const latE6Schema = int.min(-90_000_000, 'must be at least -90000000').max(90_000_000, 'must be at most 90000000');
export const lonE6Schema = int.min(-180_000_000, 'must be at least -180000000').max(180_000_000, 'must be at most 180000000');

/** Slot lengths a zone may trade in (minutes; each divides an hour, as metering's do). */
export const MARKET_SLOT_MINUTES = [1, 5, 15, 30, 60] as const;

/** Trading parameters of one grid zone, set by the platform operator. */
export const zoneConfigSchema = z.object({
  zone: zoneSchema,
  /** Length of a delivery slot; fixed once the zone exists. */
  slotMinutes: int,
  /** Gate closure: orders can be posted, amended and cancelled until slotStart − gateMinutes; matching from then on. */
  gateMinutes: int.nonnegative(),
  /** Meter data grace: settlement from slotEnd + graceMinutes (later readings no longer count). */
  graceMinutes: int.nonnegative(),
  /** Escrow lifetime after the grace period: a buy hold expires at slotEnd + grace + settleWindow. */
  settleWindowMinutes: int.positive(),
  /** DEC base units a participant must have in its business deposit to post. */
  minDeposit: amount,
  /** Platform fee in basis points of each payment, deducted from the seller's proceeds. */
  feeBps: int.min(0).max(1000),
  /** Under-delivery dead band, basis points of the traded quantity. */
  toleranceBps: int.min(0).max(10_000),
  /** Penalty in DEC base units per kWh short beyond the tolerance, slashed from the seller's deposit to the buyer. */
  penaltyPerKwh: amount,
  /** cos(latitude of the zone) × 10^6: scales longitude differences to latitude units for distances. */
  lonScalePpm: int.min(0).max(1_000_000),
  updatedAt: z.string(),
  updatedTxId: z.string(),
});
export type ZoneConfig = z.infer<typeof zoneConfigSchema>;

/** The parameters settlement uses, frozen into the clearing record when matching starts. */
export type SettlementParams = Pick<ZoneConfig, 'feeBps' | 'toleranceBps' | 'penaltyPerKwh'>;

export const SIDES = ['sell', 'buy'] as const;
export type Side = (typeof SIDES)[number];

export const orderSchema = z.object({
  id: z.string(),
  side: z.enum(SIDES),
  owner: participantEidSchema,
  meter: deviceEidSchema,
  /** The meter's own interval length (divides the zone's slot length). */
  meterSlotMinutes: int.positive(),
  zone: zoneSchema,
  /** Slot start, ISO-8601 with milliseconds. */
  slot: z.string(),
  quantityWh: amount,
  /** DECC base units per kWh: the most a buyer pays, the least a seller takes. */
  limitPrice: amount,
  latE6: int,
  lonE6: int,
  expiresAt: z.string().optional(),
  /** open until the gate; cancelled; settled (buy orders, when their escrow is closed). */
  status: z.enum(['open', 'cancelled', 'settled']),
  /** Buy orders: the hold escrowing the maximum cost, and that cost. */
  holdId: z.string().optional(),
  maxCost: amount.optional(),
  /** Time priority: the posting time, reset by an amendment. */
  priorityAt: z.string(),
  postedAt: z.string(),
  postedTxId: z.string(),
  amendedAt: z.string().optional(),
  closedAt: z.string().optional(),
  closedTxId: z.string().optional(),
  /** Buy orders after settlement: what was paid out of the hold and what went back. */
  paid: amount.optional(),
  released: amount.optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const tradeSchema = z.object({
  id: z.string(),
  slot: z.string(),
  zone: zoneSchema,
  /** Position in the matching result (0-based). */
  seq: int.nonnegative(),
  buyOrderId: z.string(),
  /** Position among the buy order's trades. */
  n: int.nonnegative(),
  sellOrderId: z.string(),
  buyer: participantEidSchema,
  seller: participantEidSchema,
  buyerMeter: deviceEidSchema,
  sellerMeter: deviceEidSchema,
  buyerMeterSlotMinutes: int.positive(),
  sellerMeterSlotMinutes: int.positive(),
  quantityWh: amount,
  /** DECC base units per kWh (the seller's ask). */
  price: amount,
  /** Squared projected distance, in micro-degrees². */
  distance2: int.nonnegative(),
  /** Energy of the seller's / buyer's meter in this slot owed to earlier commitments (PPAs, then earlier trades). */
  sellerPriorWh: amount,
  buyerPriorWh: amount,
  /** obligated (a delivery obligation) → settled. */
  status: z.enum(['obligated', 'settled']),
  matchedTxId: z.string(),
  settlement: z
    .object({
      sellerExportWh: amount.nullable(),
      buyerImportWh: amount.nullable(),
      deliveredWh: amount,
      paid: amount,
      fee: amount,
      sellerNet: amount,
      assigned: amount,
      shortfallWh: amount,
      penalty: amount,
      penaltyTaken: amount,
      data: z.enum(['complete', 'seller-missing', 'buyer-missing', 'both-missing']),
      /** Some of the seller's export in the slot was interpolated (spread from a reading across a silence) and was not counted as delivered. Absent in records settled before issue 13. */
      sellerInterpolated: z.boolean().optional(),
      at: z.string(),
      txId: z.string(),
    })
    .optional(),
});
export type Trade = z.infer<typeof tradeSchema>;
export type TradeSettlement = NonNullable<Trade['settlement']>;

export const clearingSchema = z.object({
  slot: z.string(),
  zone: zoneSchema,
  status: z.enum(['matching', 'matched', 'settling', 'settled']),
  /** SHA-256 of the canonical trade list: every page recomputes it and must agree. */
  resultHash: z.string(),
  trades: int.nonnegative(),
  /** Trades written so far (matching pages). */
  written: int.nonnegative(),
  buyOrders: int.nonnegative(),
  sellOrders: int.nonnegative(),
  /** Buy orders settled so far (settlement pages, in key order). */
  settledBuyOrders: int.nonnegative(),
  volumeWh: amount,
  /** Σ quantity × price / 1000 (rounded down per trade): the traded value in DECC base units. */
  value: amount,
  params: z.object({ feeBps: int, toleranceBps: int, penaltyPerKwh: amount, graceMinutes: int, slotMinutes: int }),
  totals: z.object({ deliveredWh: amount, paid: amount, fees: amount, released: amount, penalties: amount }),
  matchedAt: z.string().optional(),
  settledAt: z.string().optional(),
  updatedTxId: z.string(),
});
export type Clearing = z.infer<typeof clearingSchema>;

/**
 * The order book of one slot and zone once matching has started: written by the
 * first `market:Match` page, read by every order mutation of the slot. An order
 * change endorsed before the freeze read this key as absent, so it fails MVCC
 * validation if it commits after (issue 13).
 */
export const bookFreezeSchema = z.object({
  slot: z.string(),
  zone: zoneSchema,
  status: z.literal('frozen'),
  frozenAt: z.string(),
  frozenTxId: z.string(),
});
export type BookFreeze = z.infer<typeof bookFreezeSchema>;

export const ppaSchema = z.object({
  id: z.string(),
  zone: zoneSchema,
  seller: participantEidSchema,
  sellerMeter: deviceEidSchema,
  sellerMeterSlotMinutes: int.positive(),
  buyer: participantEidSchema,
  buyerMeter: deviceEidSchema,
  buyerMeterSlotMinutes: int.positive(),
  /** Contracted energy per slot. */
  quantityWh: amount,
  /** DECC base units per kWh. */
  price: amount,
  firstSlot: z.string(),
  lastSlot: z.string(),
  status: z.enum(['proposed', 'active', 'rejected', 'terminated']),
  proposedBy: participantEidSchema,
  proposedAt: z.string(),
  proposedTxId: z.string(),
  acceptedAt: z.string().optional(),
  terminatedAt: z.string().optional(),
  terminationReason: z.string().optional(),
});
export type Ppa = z.infer<typeof ppaSchema>;

export const ppaSettlementSchema = z.object({
  ppaId: z.string(),
  slot: z.string(),
  sellerPriorWh: amount,
  buyerPriorWh: amount,
  settlement: tradeSchema.shape.settlement.unwrap(),
});
export type PpaSettlement = z.infer<typeof ppaSettlementSchema>;

export const emergencySchema = z.object({
  id: z.string(),
  zone: zoneSchema,
  slot: z.string(),
  grid: participantEidSchema,
  quantityWh: amount,
  price: amount,
  latE6: int,
  lonE6: int,
  holdId: z.string(),
  maxCost: amount,
  status: z.enum(['open', 'dispatched', 'settled', 'cancelled']),
  dispatchedWh: amount,
  postedAt: z.string(),
  postedTxId: z.string(),
  dispatchedAt: z.string().optional(),
  settledAt: z.string().optional(),
  paid: amount.optional(),
  released: amount.optional(),
});
export type Emergency = z.infer<typeof emergencySchema>;

export const offerSchema = z.object({
  id: z.string(),
  emergencyId: z.string(),
  owner: participantEidSchema,
  meter: deviceEidSchema,
  meterSlotMinutes: int.positive(),
  quantityWh: amount,
  latE6: int,
  lonE6: int,
  postedAt: z.string(),
  status: z.enum(['offered', 'dispatched', 'not-dispatched', 'settled']),
  dispatchedWh: amount,
  distance2: int.nonnegative().optional(),
  settlement: tradeSchema.shape.settlement.unwrap().optional(),
});
export type Offer = z.infer<typeof offerSchema>;

/** A station's proceeds directed to a beneficiary until `cap` has been paid. */
export const assignmentSchema = z.object({
  id: z.string(),
  meter: deviceEidSchema,
  assignor: participantEidSchema,
  /** A participant, or a crowdfunding project (its share lands in the project's revenue account). */
  beneficiary: beneficiarySchema,
  cap: amount,
  paid: amount,
  ref: z.string().optional(),
  status: z.enum(['active', 'fulfilled', 'released']),
  createdAt: z.string(),
  createdTxId: z.string(),
  closedAt: z.string().optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
