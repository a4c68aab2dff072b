/**
 * A warehouse receipt: a logistics party confirms goods in storage for their
 * owner (a supplier, or the lessor). The owner may pledge it to a bank; goods
 * leave the warehouse only when unpledged, the loan is repaid, or the pledgee
 * bank consents.
 *
 * stored -> financed -> repaid -> released;  stored -> released;  financed (+ bank consent) -> released
 */
import { decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { pledge } from '../common/financed';
import { id, party } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const RECEIPT_STATUSES = ['stored', 'financed', 'repaid', 'released'] as const;

export const receipt = z.object({
  id,
  issuer: party,
  owner: party,
  goods: z.array(equipmentItem),
  value: positiveAmount,
  location: z.string(),
  orderId: id.optional(),
  status: z.enum(RECEIPT_STATUSES),
  pledge: pledge.optional(),
  releaseConsent: z.object({ bank: party, at: z.string() }).optional(),
  issuedAt: z.string(),
  releasedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type Receipt = z.infer<typeof receipt>;
export const decodeReceipt = decoder(receipt, 'warehouse receipt');
