/**
 * Social state as stored (white paper 4.1.5): content by hash (the text stays
 * off chain), what each user has earned per period, accepted invitations, and
 * DEC stakes behind reports and recommendations with the pool that pays
 * upheld ones. Amounts are base-unit integer strings.
 */
import { z } from 'zod';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const CONTENT_KINDS = ['post', 'share', 'comment'] as const;

export const contentSchema = z.object({
  hash: z.string(),
  author: z.string(),
  kind: z.enum(CONTENT_KINDS),
  /** The content shared or discussed (share, comment). */
  parent: z.string().optional(),
  /** DECC paid from the reward pool for this action. */
  reward: amount,
  at: z.string(),
  txId: z.string(),
});
export type Content = z.infer<typeof contentSchema>;

export const earnedSchema = z.object({ user: z.string(), period: z.string(), amount });
export type Earned = z.infer<typeof earnedSchema>;

export const inviteSchema = z.object({ invitee: z.string(), inviter: z.string(), reward: amount, at: z.string() });
export type Invite = z.infer<typeof inviteSchema>;

export const stakeSchema = z.object({
  id: z.string(),
  staker: z.string(),
  kind: z.enum(['report', 'recommend']),
  target: z.string(),
  evidenceHash: z.string(),
  amount,
  status: z.enum(['open', 'upheld', 'rejected']),
  createdAt: z.string(),
  resolvedAt: z.string().optional(),
  decisionId: z.string().optional(),
  /** DEC earned from the stake pool when upheld (the stake itself is returned too). */
  reward: amount.optional(),
});
export type Stake = z.infer<typeof stakeSchema>;

/** The stake pool's DEC, tracked here so a write path never sums credits: lost stakes and contributions in, upheld rewards out. */
export const stakePoolSchema = z.object({ amount, updatedAt: z.string() });
export type StakePool = z.infer<typeof stakePoolSchema>;

/** Token accounts of the social domain (not participant eIDs, so no token:Transfer can move them). */
export const STAKE_POOL_ACCOUNT = 'so-stake-pool';
export const stakeAccount = (stakeId: string): string => `so-stake:${stakeId.slice(4)}`;
