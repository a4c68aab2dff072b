/**
 * Input schemas of the social contract (white paper 4.1.5). Content is named
 * by its SHA-256 only; tips are DECC base units, stakes DEC base units.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { pageRequest, participantEidSchema, sha256Hex } from '../common/ids';

export const stakeIdSchema = z.string().regex(/^stk:[0-9a-f]{32}$/, 'must be a stake ID (stk:<32 hex>)');

export const postInput = z.strictObject({ author: participantEidSchema, contentHash: sha256Hex });
/** Sharing or discussing someone else's content: `parent` is its hash. */
export const respondInput = z.strictObject({ author: participantEidSchema, contentHash: sha256Hex, parent: sha256Hex });
export const acceptInviteInput = z.strictObject({ invitee: participantEidSchema, inviter: participantEidSchema });
export const tipInput = z.strictObject({ from: participantEidSchema, to: participantEidSchema, amount: positiveAmount, contentHash: sha256Hex.optional() });
export const stakeInput = z.strictObject({
  staker: participantEidSchema,
  kind: z.enum(['report', 'recommend']),
  /** The content hash reported or recommended. */
  target: sha256Hex,
  evidenceHash: sha256Hex,
  amount: positiveAmount,
});
export const resolveStakeInput = z.strictObject({ stakeId: stakeIdSchema, upheld: z.boolean(), decisionId: z.string().max(100, 'must be at most 100 characters').optional() });
export const fundStakePoolInput = z.strictObject({ from: participantEidSchema, amount: positiveAmount });
export const contentInput = z.strictObject({ contentHash: sha256Hex });
export const stakeIdInput = z.strictObject({ stakeId: stakeIdSchema });
export const earnedInput = z.strictObject({ user: participantEidSchema, period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a UTC day YYYY-MM-DD') });
export const listStakesInput = z.strictObject({ ...pageRequest });
