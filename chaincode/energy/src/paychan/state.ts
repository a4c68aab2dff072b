/**
 * Typed state of a payment channel (white paper 4.1.2, the raiden-style
 * channel for frequent small payments between a user and a service
 * provider). Validated when read (decoder in store.ts).
 */
import { z } from 'zod';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const CHANNEL_STATES = ['opening', 'open', 'closing', 'settled'] as const;

export const channelSchema = z.object({
  id: z.string(),
  user: z.string(),
  provider: z.string(),
  /** P-256 SPKI PEM keys that sign balance proofs for each side (the provider's arrives at Join). */
  userKey: z.string(),
  providerKey: z.string().optional(),
  userDeposit: amountString,
  providerDeposit: amountString,
  userHoldId: z.string(),
  providerHoldId: z.string().optional(),
  /** Seconds between a unilateral close and the earliest settlement by the closer. */
  challengeSeconds: z.number().int(),
  status: z.enum(CHANNEL_STATES),
  /** The latest accepted state: cumulative amounts under the highest nonce (0 = none submitted). */
  nonce: z.number().int(),
  userPaid: amountString,
  providerPaid: amountString,
  openedAt: z.string(),
  joinedAt: z.string().optional(),
  closedBy: z.string().optional(),
  closedAt: z.string().optional(),
  challengeEndsAt: z.string().optional(),
  /** Who submitted the proof now on the channel (after a challenge: the other side). */
  lastProofBy: z.string().optional(),
  settledAt: z.string().optional(),
  settledHow: z.enum(['cooperative', 'unilateral', 'withdrawn']).optional(),
  toUser: amountString.optional(),
  toProvider: amountString.optional(),
  platformFee: amountString.optional(),
});
export type Channel = z.infer<typeof channelSchema>;
