/** Input schemas of the orders transactions. */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { id, isoDate } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const registerInput = z.object({
  orderId: id,
  /** A confirmed order of which the caller is the seller's sub-supplier; absent for an order to the lessor. */
  parentOrderId: id.optional(),
  /** The lease the equipment is for (top-level orders; the caller must be its supplier). */
  leaseId: id.optional(),
  items: z.array(equipmentItem).min(1, 'must list at least one item').max(100, 'must list at most 100 items'),
  amount: positiveAmount,
  dueDate: isoDate,
});

export const orderRef = z.object({ orderId: id });
