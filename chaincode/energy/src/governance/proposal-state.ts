/**
 * Community proposal state: a round (one vote type, its window, reward and the
 * progress of its paged tally), its competing proposals and their ballots.
 */
import { z } from 'zod';
import { participantEidSchema } from '../common/ids';
import { proposalIdSchema, roundIdSchema } from './proposal-inputs';
import { PROPOSAL_VOTE_TYPES } from './rules';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
export const proposalTallySchema = z.object({ proposalId: proposalIdSchema, for: amount, against: amount });
export type ProposalTally = z.infer<typeof proposalTallySchema>;

/** open (submit, vote) → tallying (after the close) → decided (a winner, or none approved). */
export const roundSchema = z.object({
  roundId: roundIdSchema,
  voteType: z.enum(PROPOSAL_VOTE_TYPES),
  title: z.string(),
  opener: participantEidSchema,
  reward: amount,
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(['open', 'tallying', 'decided']),
  tally: z.object({
    ballots: z.number().int().min(0),
    pages: z.number().int().min(0),
    after: z.string().optional(),
    current: proposalTallySchema.optional(),
    /** The approved proposal with the most affirmative votes so far. */
    best: proposalTallySchema.optional(),
  }),
  winner: proposalIdSchema.optional(),
  rewardPaidTo: participantEidSchema.optional(),
  decidedAt: z.string().optional(),
  txId: z.string(),
});
export type Round = z.infer<typeof roundSchema>;

export const proposalSchema = z.object({
  proposalId: proposalIdSchema,
  roundId: roundIdSchema,
  proposer: participantEidSchema,
  title: z.string(),
  documentHash: z.string(),
  at: z.string(),
  txId: z.string(),
  /** Written by the tally when its ballots have been counted. */
  result: z.object({ for: amount, against: amount, approved: z.boolean() }).optional(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalBallotSchema = z.object({
  roundId: roundIdSchema,
  proposalId: proposalIdSchema,
  voter: participantEidSchema,
  support: z.boolean(),
  weight: amount,
  holdId: z.string(),
  at: z.string(),
  txId: z.string(),
});
export type ProposalBallot = z.infer<typeof proposalBallotSchema>;
