/**
 * Quality insurance on leased equipment. An insurer underwrites a policy on a
 * lease in force; the insured (the project company or the lessor) files claims
 * with evidence; the underwriting insurer assesses and pays them. Paid claims
 * never exceed the coverage.
 *
 * claim: filed -> approved -> paid;  filed -> rejected
 */
import { amount, decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { actingParty, hash, id, isoDate, party } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const insurancePolicy = z.object({
  id,
  insurer: actingParty,
  leaseId: id,
  insured: party,
  equipment: z.array(equipmentItem),
  coverage: positiveAmount,
  premium: amount,
  startDate: isoDate,
  endDate: isoDate,
  paidTotal: amount,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InsurancePolicy = z.infer<typeof insurancePolicy>;
export const decodePolicy = decoder(insurancePolicy, 'insurance policy');

export const CLAIM_STATUSES = ['filed', 'approved', 'rejected', 'paid'] as const;

export const claim = z.object({
  id,
  policyId: id,
  claimant: actingParty,
  amount: positiveAmount,
  description: z.string(),
  evidenceHash: hash,
  status: z.enum(CLAIM_STATUSES),
  approvedAmount: amount.optional(),
  assessment: z.object({ by: actingParty, reason: z.string(), reportHash: hash.optional(), at: z.string() }).optional(),
  payment: z.object({ evidenceHash: hash, at: z.string() }).optional(),
  filedAt: z.string(),
  updatedAt: z.string(),
});
export type Claim = z.infer<typeof claim>;
export const decodeClaim = decoder(claim, 'insurance claim');
