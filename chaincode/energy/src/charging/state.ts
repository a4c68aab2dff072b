/**
 * Typed state of the charging domain (white paper 4.1.2): charge points with
 * their connectors, reservations for a window, charging sessions and the
 * domain's configuration. Validated when read (decoders in store.ts).
 */
import { z } from 'zod';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const CONNECTOR_STATES = ['available', 'reserved', 'in-use', 'out-of-service', 'maintenance'] as const;
export const connectorStateSchema = z.enum(CONNECTOR_STATES);
export type ConnectorState = z.infer<typeof connectorStateSchema>;

export const chargingConfigSchema = z.object({
  /** Platform fee in basis points of what a provider earns (reservation fees, no-shows, sessions). */
  feeBps: z.number().int(),
  /** The DEC business deposit a provider and a user must have locked (base units, at least 1). */
  minDeposit: amountString,
  updatedAt: z.string(),
});
export type ChargingConfig = z.infer<typeof chargingConfigSchema>;

export const pointSchema = z.object({
  id: z.string(),
  provider: z.string(),
  device: z.string(),
  /** The OCPP identity the charge point connects with (unique). */
  chargerId: z.string(),
  zone: z.string(),
  latE6: z.number().int(),
  lonE6: z.number().int(),
  connectors: z.array(z.object({ connectorId: z.number().int(), powerW: z.number().int() })),
  pricePerKwh: amountString,
  pricePerHour: amountString,
  reservationFee: amountString,
  freeCancelMinutes: z.number().int(),
  /** Reservation slot length in minutes (fixed for the point's life). */
  slotMinutes: z.number().int(),
  registeredAt: z.string(),
  registeredTxId: z.string(),
});
export type Point = z.infer<typeof pointSchema>;

export const connectorSchema = z.object({
  pointId: z.string(),
  connectorId: z.number().int(),
  state: connectorStateSchema,
  sessionId: z.string().optional(),
  updatedAt: z.string(),
});
export type Connector = z.infer<typeof connectorSchema>;

export const RESERVATION_STATES = ['booked', 'started', 'cancelled', 'no-show'] as const;
export const reservationSchema = z.object({
  id: z.string(),
  user: z.string(),
  pointId: z.string(),
  provider: z.string(),
  chargerId: z.string(),
  connectorId: z.number().int(),
  start: z.string(),
  end: z.string(),
  maxWh: amountString,
  reservationFee: amountString,
  holdId: z.string(),
  held: amountString,
  /** sha256(codeSalt | code): the code itself never reaches the ledger. */
  codeHash: z.string(),
  codeSalt: z.string(),
  /** OCPP 1.6 ReserveNow: the integer reservationId and the parentIdTag that the code authorises under. */
  ocppReservationId: z.number().int(),
  parentTag: z.string(),
  status: z.enum(RESERVATION_STATES),
  sessionId: z.string().optional(),
  bookedAt: z.string(),
  closedAt: z.string().optional(),
  providerPaid: amountString.optional(),
  platformFee: amountString.optional(),
  refunded: amountString.optional(),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  user: z.string(),
  provider: z.string(),
  pointId: z.string(),
  connectorId: z.number().int(),
  mode: z.enum(['reserved', 'instant']),
  reservationId: z.string().optional(),
  holdId: z.string(),
  held: amountString,
  /** The reservation fee already owed by a reserved session (captured with the energy cost). */
  reservationFee: amountString,
  pricePerKwh: amountString,
  pricePerHour: amountString,
  meterStartWh: amountString.optional(),
  lastMeterWh: amountString.optional(),
  status: z.enum(['active', 'settled']),
  startedAt: z.string(),
  startedTxId: z.string(),
  stoppedAt: z.string().optional(),
  energyWh: amountString.optional(),
  seconds: z.number().int().optional(),
  cost: amountString.optional(),
  captured: amountString.optional(),
  providerPaid: amountString.optional(),
  platformFee: amountString.optional(),
  refunded: amountString.optional(),
});
export type Session = z.infer<typeof sessionSchema>;
