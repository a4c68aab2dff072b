/**
 * Typed state of maintenance (white paper 4.1.2, process 3): maintainers
 * available for dispatch in a zone, and maintenance orders from a breakdown
 * report to the maintainer's payment. Validated when read (store.ts).
 */
import { z } from 'zod';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const maintainerSchema = z.object({
  eid: z.string(),
  zone: z.string(),
  latE6: z.number().int(),
  lonE6: z.number().int(),
  /** The maintenance charge per order (DECC base units), fixed in an order at dispatch. */
  charge: amountString,
  status: z.enum(['available', 'busy', 'off']),
  orderId: z.string().optional(),
  updatedAt: z.string(),
});
export type Maintainer = z.infer<typeof maintainerSchema>;

export const ORDER_STATES = ['unassigned', 'dispatched', 'accepted', 'completed', 'paid'] as const;

export const orderSchema = z.object({
  id: z.string(),
  pointId: z.string(),
  connectorId: z.number().int(),
  provider: z.string(),
  zone: z.string(),
  reporter: z.string(),
  description: z.string(),
  photoHash: z.string(),
  status: z.enum(ORDER_STATES),
  maintainer: z.string().optional(),
  charge: amountString.optional(),
  /** Squared distance (micro-degrees) of the dispatched maintainer from the point. */
  distance2: z.string().optional(),
  evidenceHash: z.string().optional(),
  reportedAt: z.string(),
  dispatchedAt: z.string().optional(),
  acceptedAt: z.string().optional(),
  completedAt: z.string().optional(),
  paidAt: z.string().optional(),
  paidHow: z.enum(['confirmed', 'timeout']).optional(),
});
export type Order = z.infer<typeof orderSchema>;
