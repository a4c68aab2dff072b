/** Input schemas of the leasing transactions (JSON string argument `input`). */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { MSP } from '../common/constants';
import { bps, companyOf, hash, id, isoDate, text } from '../common/schemas';
import { equipmentItem } from './state';

export const applyInput = z.object({
  leaseId: id,
  stationId: id,
  constructionApprovalHash: hash,
  equipment: z.array(equipmentItem).min(1, 'must list at least one item').max(100, 'must list at most 100 items'),
  supplier: companyOf(MSP.supplier, `must be a supplier company ${MSP.supplier}:<id>`),
  amount: positiveAmount,
});

export const approveInput = z.object({
  leaseId: id,
  principal: positiveAmount,
  /** Annual rate in basis points; 10000 = 100 % a year. */
  rateBps: bps(10_000),
  termMonths: z.number().int('must be an integer').min(1, 'must be at least 1').max(360, 'must be at most 360'),
  firstDueDate: isoDate,
  /** Days an instalment may stay unpaid before the lease is in default (late before that). */
  defaultAfterDays: z.number().int('must be an integer').min(1, 'must be at least 1').max(3650, 'must be at most 3650').default(90),
});

export const rejectInput = z.object({ leaseId: id, reason: text(500) });

export const supplierPaymentInput = z.object({ leaseId: id, amount: positiveAmount, evidenceHash: hash });

export const rentCollectedInput = z.object({
  leaseId: id,
  instalment: z.number().int('must be an integer').min(1, 'must be at least 1'),
  amount: positiveAmount,
  evidenceHash: hash,
});

export const leaseRef = z.object({ leaseId: id });
