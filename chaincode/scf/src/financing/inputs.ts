/** Input schemas of the financing transactions (public arguments and private transient fields). */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { saltInput } from '../common/salt';
import { bps, hash, id, isoDate, receivableId } from '../common/schemas';

/** Strict: an unknown field is refused, so terms put in the public arguments by mistake fail instead of leaking. */
export const offerInput = z.strictObject({
  financingId: id,
  assetType: z.enum(ASSET_TYPES),
  assetId: receivableId,
});

/** Transient `terms` of financing:Offer. Never passed as an argument. */
export const termsInput = z.object({
  advanceRateBps: z.number().int('must be an integer').min(1, 'must be greater than 0').max(10_000, 'must be at most 10000'),
  discountBps: bps(10_000),
  maturityDate: isoDate,
  /** Random hex: salts the terms record and the offer's refusal detail, if any (common/salt.ts). */
  salt: saltInput,
});

export const acceptInput = z.object({
  financingId: id,
  /** SHA-256 (hex) of the private terms as stored, from financing:Get: binds acceptance to exactly those terms. */
  termsHash: hash,
});

export const financingRef = z.object({ financingId: id });

export const advanceInput = z.object({ financingId: id, evidenceHash: hash });

export const repaymentInput = z.strictObject({ financingId: id, evidenceHash: hash });

/** Transient `repayment` of financing:RecordRepayment. */
export const repaymentAmount = z.object({ amount: positiveAmount });
