/** Input schemas of the token contract: one JSON object argument per transaction. Amounts are base-unit integer strings. */
import { amount, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { holdIdSchema, isoTime, note, pageRequest, participantEidSchema } from '../common/ids';
import { decisionIdSchema } from '../governance/inputs';
import { spendApprovalFields } from '../governance/spending-inputs';
import { accountIdSchema, assetSchema, SYS } from './accounts';
import { feeRuleSchema } from './fees';
import { splitBpsSchema } from './genesis';
import { decimalString } from './units';

const memo = note(200).optional();
const obligationId = z.string().regex(/^[A-Za-z0-9._:/-]{1,128}$/, 'must be 1-128 characters of A-Z a-z 0-9 . _ : / -');
const creditIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}\/[0-9]{1,6}\/[1-9][0-9]{0,77}$/, 'must be a credit ID <txId>/<n>/<amount> (from token:Credits)');

export const genesisInput = z.strictObject({
  splitBps: splitBpsSchema
    .refine((s) => s.ecology + s.team + s.others === 10_000, 'must sum to 10000 basis points')
    .optional(),
});
/** The rate, the fees, large slashes and ecology releases name the passed committee decision that orders them (governance/apply.ts). */
export const postRateInput = z.strictObject({ deccPerDec: decimalString, decisionId: decisionIdSchema });
export const setFeesInput = z.strictObject({ DEC: feeRuleSchema.optional(), DECC: feeRuleSchema.optional(), decisionId: decisionIdSchema });

const payout = z.strictObject({ to: participantEidSchema, amount: positiveAmount });
const payouts = z.array(payout).min(1, 'must list at least one payout').max(100, 'must list at most 100 payouts');

export const releaseBatchInput = z.strictObject({
  pool: z.enum(['ecology', 'others']),
  batchId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 . _ -'),
  payouts,
  memo,
  decisionId: decisionIdSchema.optional(),
  ...spendApprovalFields,
});
export const releaseVestedInput = z.strictObject({ to: participantEidSchema, amount: positiveAmount.optional() });
export const fundRewardPoolInput = z.strictObject({
  from: z.enum([SYS.ecology, SYS.others, SYS.fees]),
  decAmount: positiveAmount,
  expectedRate: decimalString.optional(),
  decisionId: decisionIdSchema.optional(),
  ...spendApprovalFields,
});
export const payRewardsInput = z.strictObject({
  payouts: z.array(z.strictObject({ to: participantEidSchema, amount: positiveAmount, reason: note(100).optional() })).min(1, 'must list at least one payout').max(100, 'must list at most 100 payouts'),
  memo,
  decisionId: decisionIdSchema.optional(),
  ...spendApprovalFields,
});

/** `purpose`, `approvalId` and `decisionId` only for a spend from `sys:fees` (governance/spending-ops.ts). */
export const transferInput = z.strictObject({ from: accountIdSchema, to: accountIdSchema, asset: assetSchema, amount: positiveAmount, memo, decisionId: decisionIdSchema.optional(), ...spendApprovalFields });
export const approveInput = z.strictObject({ owner: participantEidSchema, spender: participantEidSchema, asset: assetSchema, amount });
export const transferFromInput = z.strictObject({
  owner: participantEidSchema,
  spender: participantEidSchema,
  to: accountIdSchema,
  asset: assetSchema,
  amount: positiveAmount,
  memo,
});
export const consolidateInput = z.strictObject({
  account: accountIdSchema,
  asset: assetSchema,
  credits: z.array(creditIdSchema).min(1, 'must list at least one credit').max(500, 'must list at most 500 credits').optional(),
});

export const mintDeccInput = z.strictObject({ account: participantEidSchema, decAmount: positiveAmount, expectedRate: decimalString.optional() });
export const redeemDeccInput = z.strictObject({ account: participantEidSchema, deccAmount: positiveAmount, expectedRate: decimalString.optional() });

export const createHoldInput = z.strictObject({
  payer: participantEidSchema,
  payee: participantEidSchema,
  asset: assetSchema,
  amount: positiveAmount,
  expiresAt: isoTime,
  ref: note(128).optional(),
});
export const captureHoldInput = z.strictObject({ holdId: holdIdSchema, amount: positiveAmount });
export const holdIdInput = z.strictObject({ holdId: holdIdSchema });

export const depositAmountInput = z.strictObject({ account: participantEidSchema, amount: positiveAmount });
export const slashDepositInput = z.strictObject({
  account: participantEidSchema,
  to: z.union([participantEidSchema, z.literal(SYS.fees)]),
  amount: positiveAmount,
  reason: note(200).min(1, 'must not be empty'),
  obligationId: obligationId.optional(),
  decisionId: decisionIdSchema.optional(),
});
export const openObligationInput = z.strictObject({ account: participantEidSchema, obligationId, ref: note(128).optional() });
export const closeObligationInput = z.strictObject({ account: participantEidSchema, obligationId });

export const accountInput = z.strictObject({ account: accountIdSchema });
export const balanceInput = z.strictObject({ account: accountIdSchema, asset: assetSchema });
export const pagedAccountAssetInput = z.strictObject({ account: accountIdSchema, asset: assetSchema, ...pageRequest });
export const pagedAccountInput = z.strictObject({ account: accountIdSchema, ...pageRequest });
export const allowanceQueryInput = z.strictObject({ owner: participantEidSchema, spender: participantEidSchema, asset: assetSchema });
export const emptyInput = z.strictObject({});
