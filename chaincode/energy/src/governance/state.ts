/**
 * Governance state as stored: the committee (its core members and secretary
 * general) and decisions with their effect, votes and outcome. Records are
 * parsed through these schemas when built and when read back.
 */
import { z } from 'zod';
import { participantEidSchema } from '../common/ids';
import { electionRulesSchema } from './election-inputs';
import { standingSchema } from './election-state';
import { decisionIdSchema, effectSchema } from './inputs';

export const committeeSchema = z.object({
  term: z.number().int().min(1),
  /** 'bootstrap': set once by the platform before any election; 'election': seated by an election's tally. */
  source: z.enum(['bootstrap', 'election']),
  members: z.array(participantEidSchema),
  secretaryGeneral: participantEidSchema,
  since: z.string(),
  txId: z.string(),
  note: z.string().optional(),
  /** When the term ends (absent on records written before elections existed: since + 730 days). */
  endsAt: z.string().optional(),
  /** The rules the next election called at term end uses (absent: the paper's defaults). */
  rules: electionRulesSchema.optional(),
  /** Elected: the representatives in rank order (core members are the first of them) and the election. */
  representatives: z.array(standingSchema).optional(),
  electionId: z.string().optional(),
  /** Consecutive terms the secretary general has served, this one included (absent: 1). */
  sgConsecutiveTerms: z.number().int().min(1).optional(),
  /** The director of the financial department (8.6.4), appointed by a committee decision; never the secretary general. */
  financeDirector: participantEidSchema.optional(),
  /** The election under way, if any (one at a time). */
  openElection: z.string().optional(),
});
export type Committee = z.infer<typeof committeeSchema>;

export const voteSchema = z.object({ member: participantEidSchema, approve: z.boolean(), weight: z.number().int().min(1), at: z.string(), txId: z.string() });
export type Vote = z.infer<typeof voteSchema>;

/** open → passed | rejected (as soon as the outcome is certain); passed → applied once its effect has been applied in full. */
export const DECISION_STATUSES = ['open', 'passed', 'rejected', 'applied'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const decisionSchema = z.object({
  decisionId: decisionIdSchema,
  term: z.number().int().min(1),
  proposer: participantEidSchema,
  title: z.string(),
  effect: effectSchema,
  status: z.enum(DECISION_STATUSES),
  openedAt: z.string(),
  closesAt: z.string(),
  /** Total committee votes (members, plus one more for the secretary general) and the tally so far. */
  totalWeight: z.number().int().min(1),
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  votes: z.array(voteSchema),
  decidedAt: z.string().optional(),
  /** EcologyPlan: base units released so far under the plan. */
  released: z.string().optional(),
  applied: z.array(z.object({ txId: z.string(), at: z.string(), op: z.string() })),
});
export type Decision = z.infer<typeof decisionSchema>;
