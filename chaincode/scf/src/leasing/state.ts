/**
 * The stored lease. Decoded through zod on every read, so corrupted or foreign
 * state fails loudly instead of being trusted.
 */
import { amount, decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { hash, id, isoDate, party } from '../common/schemas';

export const LEASE_STATUSES = ['applied', 'rejected', 'approved', 'late', 'defaulted', 'completed'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];

export const equipmentItem = z.object({
  description: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  model: z.string().max(100, 'must be at most 100 characters').optional(),
  quantity: z.number().int('must be an integer').min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000'),
});

export const instalment = z.object({
  n: z.number().int(),
  dueDate: isoDate,
  principal: amount,
  interest: amount,
  rent: amount,
  collected: amount,
});
export type Instalment = z.infer<typeof instalment>;

export const leaseTerms = z.object({
  principal: positiveAmount,
  rateBps: z.number().int(),
  termMonths: z.number().int(),
  firstDueDate: isoDate,
  defaultAfterDays: z.number().int(),
  totalInterest: amount,
  totalRent: positiveAmount,
});

export const supplierPayment = z.object({
  n: z.number().int(),
  amount: positiveAmount,
  evidenceHash: hash,
  at: z.string(),
  txId: z.string(),
});

export const rentCollection = z.object({
  instalment: z.number().int(),
  amount: positiveAmount,
  evidenceHash: hash,
  at: z.string(),
  txId: z.string(),
});

export const lease = z.object({
  id,
  status: z.enum(LEASE_STATUSES),
  projectCompany: party,
  stationId: id,
  constructionApprovalHash: hash,
  equipment: z.array(equipmentItem),
  supplier: party,
  requestedAmount: positiveAmount,
  appliedAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: party.optional(),
  rejectionReason: z.string().optional(),
  terms: leaseTerms.optional(),
  schedule: z.array(instalment),
  supplierPayments: z.array(supplierPayment),
  supplierPaid: amount,
  collections: z.array(rentCollection),
  collected: amount,
  receivableIssued: z.boolean(),
});
export type Lease = z.infer<typeof lease>;
export const decodeLease = decoder(lease, 'lease');
