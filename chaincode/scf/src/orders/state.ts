/**
 * A purchase order. Top-level: a supplier sells equipment to the lessor (the
 * buyer), who confirms it. Derived: a sub-supplier sells parts to the supplier
 * of a confirmed parent order (buyer = the parent's seller); derived orders of
 * one parent never total more than the parent.
 *
 * registered -> confirmed -> financed -> repaid
 */
import { amount, decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { pledge } from '../common/financed';
import { id, isoDate, party } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const ORDER_STATUSES = ['registered', 'confirmed', 'financed', 'repaid'] as const;

export const order = z.object({
  id,
  seller: party,
  buyer: party,
  parentOrderId: id.optional(),
  leaseId: id.optional(),
  items: z.array(equipmentItem),
  amount: positiveAmount,
  derivedTotal: amount,
  dueDate: isoDate,
  status: z.enum(ORDER_STATUSES),
  pledge: pledge.optional(),
  createdAt: z.string(),
  confirmedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof order>;
export const decodeOrder = decoder(order, 'order');
