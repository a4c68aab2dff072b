/**
 * Input schemas of spending approvals (white paper 8.5, 8.6.4): the two
 * effects a committee may decide (a named spend; the finance director's
 * appointment), the request and approval of a mid-level spend, and the fields
 * a spending token transaction names its approval with.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { note, pageRequest, participantEidSchema } from '../common/ids';
import { SYS } from '../token/accounts';

export const spendIdSchema = z.string().regex(/^spend:[0-9a-f]{32}$/, 'must be a spend approval ID (spend:<32 hex>)');
const decisionRef = z.string().regex(/^decision:[0-9a-f]{32}$/, 'must be a decision ID (decision:<32 hex>)');

/** The token transactions that spend from the platform's pools and accounts, and the account each spends from. */
export const SPEND_OPS = ['ReleaseBatch', 'FundRewardPool', 'PayRewards', 'Transfer'] as const;
export const SPEND_SOURCES = [SYS.others, SYS.fees, SYS.rewards] as const;
export const SPEND_PURPOSES = ['spending', 'investment'] as const;

/** What is spent: stated once in the approval (or decision) and matched exactly by the transaction that spends. */
const spendSpec = {
  op: z.enum(SPEND_OPS),
  source: z.enum(SPEND_SOURCES),
  asset: z.enum(['DEC', 'DECC']),
  amount: positiveAmount,
  purpose: z.enum(SPEND_PURPOSES).default('spending'),
};

/** A committee decision to spend (above 5,000,000 DECC of value, or any investment). */
export const spendEffect = z.strictObject({ kind: z.literal('Spend'), ...spendSpec });
/** A committee decision naming the director of the financial department (8.3.1: the committee appoints directors). */
export const appointFinanceDirectorEffect = z.strictObject({ kind: z.literal('AppointFinanceDirector'), eid: participantEidSchema });

export const requestSpendInput = z.strictObject({ ...spendSpec, note: note(200).optional() });
export const approveSpendInput = z.strictObject({ spendId: spendIdSchema, approver: participantEidSchema });
export const spendIdInput = z.strictObject({ spendId: spendIdSchema });
export const listSpendsInput = z.strictObject({ ...pageRequest });
export const appointFinanceDirectorInput = z.strictObject({ decisionId: decisionRef });

/** The fields a spending token transaction adds: what it is for, and the approval it names (if its value needs one). */
export const spendApprovalFields = {
  purpose: z.enum(SPEND_PURPOSES).default('spending'),
  approvalId: spendIdSchema.optional(),
};
