/**
 * Election state as stored: the election with its rules and the progress of
 * its paged tally, candidates, and ballots (one per voter, each naming the
 * hold that locks its DEC). Parsed when built and when read back.
 */
import { z } from 'zod';
import { participantEidSchema } from '../common/ids';
import { electionIdSchema, electionRulesSchema } from './election-inputs';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
export const standingSchema = z.object({ eid: participantEidSchema, votes: amount });
export type Standing = z.infer<typeof standingSchema>;
/** A candidate skipped at the tally (over the 20 % cap then), with its votes and the DEC it held. */
export const skippedSchema = z.object({ eid: participantEidSchema, votes: amount, held: amount });
export type Skipped = z.infer<typeof skippedSchema>;

/** open (stand, vote) → tallying (after the close, pages of ballots counted) → seated | failed. */
export const ELECTION_STATUSES = ['open', 'tallying', 'seated', 'failed'] as const;

export const electionSchema = z.object({
  electionId: electionIdSchema,
  /** The term it elects (the seated committee's term + 1). */
  term: z.number().int().min(2),
  calledBy: z.union([z.object({ decisionId: z.string() }), z.literal('term-end')]),
  rules: electionRulesSchema,
  opensAt: z.string(),
  closesAt: z.string(),
  resultsDueBy: z.string(),
  status: z.enum(ELECTION_STATUSES),
  tally: z.object({
    ballots: z.number().int().min(0),
    weight: amount,
    /** The last ballot key counted (the next page starts after it). */
    after: z.string().optional(),
    /** The candidate whose ballots are being summed (ballots are keyed by candidate). */
    current: standingSchema.optional(),
    /** The best `representatives` so far, in rank order. */
    leaders: z.array(standingSchema),
    pages: z.number().int().min(0),
    /** Candidates left out of the ranking because they held more than 20 % of all DEC when their ballots were counted. */
    skipped: z.array(skippedSchema).optional(),
  }),
  result: z
    .object({
      representatives: z.array(standingSchema),
      coreMembers: z.array(participantEidSchema),
      secretaryGeneral: participantEidSchema.optional(),
      skipped: z.array(skippedSchema).optional(),
      reason: z.string().optional(),
      at: z.string(),
      txId: z.string(),
      late: z.boolean(),
    })
    .optional(),
});
export type Election = z.infer<typeof electionSchema>;

export const candidateSchema = z.object({
  electionId: electionIdSchema,
  eid: participantEidSchema,
  /** 'incumbent': a core member of the seated committee, a candidate automatically (8.4.1). */
  via: z.enum(['stood', 'incumbent']),
  heldAtStanding: amount,
  statementHash: z.string().optional(),
  note: z.string().optional(),
  at: z.string(),
  txId: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const ballotSchema = z.object({
  electionId: electionIdSchema,
  voter: participantEidSchema,
  candidate: participantEidSchema,
  weight: amount,
  holdId: z.string(),
  at: z.string(),
  txId: z.string(),
});
export type Ballot = z.infer<typeof ballotSchema>;
