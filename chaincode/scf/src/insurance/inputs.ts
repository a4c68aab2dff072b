/** Input schemas of the insurance transactions. */
import { amount, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { hash, id, isoDate, party, text } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const underwriteInput = z
  .object({
    policyId: id,
    leaseId: id,
    /** The lease's project company or the lessor. */
    insured: party,
    equipment: z.array(equipmentItem).min(1, 'must list at least one item').max(100, 'must list at most 100 items'),
    coverage: positiveAmount,
    premium: amount,
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((p) => p.endDate > p.startDate, { message: 'must be after startDate', path: ['endDate'] });

export const fileClaimInput = z.object({
  claimId: id,
  policyId: id,
  amount: positiveAmount,
  description: text(1000),
  evidenceHash: hash,
});

export const assessClaimInput = z.discriminatedUnion('decision', [
  z.object({ claimId: id, decision: z.literal('approve'), approvedAmount: positiveAmount, reason: text(1000), reportHash: hash.optional() }),
  z.object({ claimId: id, decision: z.literal('reject'), reason: text(1000), reportHash: hash.optional() }),
]);

export const payClaimInput = z.object({ claimId: id, evidenceHash: hash });

export const policyRef = z.object({ policyId: id });
export const claimRef = z.object({ claimId: id });
