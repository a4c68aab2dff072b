/**
 * Input schemas of elections (white paper 8.3.3, 8.4.1): calling one, standing,
 * voting with DEC, tallying in bounded pages, and reading the ballots back so
 * that anyone can recompute the result.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { ELECTION_DEFAULTS, DEFAULT_TALLY_PAGE, MAX_TALLY_PAGE } from './rules';

export const electionIdSchema = z.string().regex(/^election:[0-9a-f]{32}$/, 'must be an election ID (election:<32 hex>)');

/** What a CallElection decision states: the numbers the paper fixes are the defaults; tests may choose smaller ones. */
export const electionRulesSchema = z
  .strictObject({
    representatives: z.number().int().min(3, 'must be at least 3').max(ELECTION_DEFAULTS.representatives, 'must be at most 101').default(ELECTION_DEFAULTS.representatives),
    coreMembers: z.number().int().min(3, 'must be at least 3').max(ELECTION_DEFAULTS.coreMembers, 'must be at most 9').default(ELECTION_DEFAULTS.coreMembers),
    termDays: z.number().int().min(1, 'must be at least 1').max(ELECTION_DEFAULTS.termDays, 'must be at most 730').default(ELECTION_DEFAULTS.termDays),
    votingSeconds: z.number().int().min(30, 'must be at least 30').max(60 * 86_400, 'must be at most 60 days').default(ELECTION_DEFAULTS.votingSeconds),
  })
  .refine((r) => r.coreMembers <= r.representatives, { path: ['coreMembers'], message: 'must not exceed representatives' });
export type ElectionRules = z.output<typeof electionRulesSchema>;

export const callElectionEffect = z.strictObject({ kind: z.literal('CallElection'), rules: electionRulesSchema.default(electionRulesSchema.parse({})) });

/** With `decisionId`: applies a passed CallElection decision (any time). Without: from 60 days before the term ends, with the committee's rules. */
export const openElectionInput = z.strictObject({ decisionId: z.string().regex(/^decision:[0-9a-f]{32}$/, 'must be a decision ID (decision:<32 hex>)').optional() });
export const standInput = z.strictObject({ electionId: electionIdSchema, candidate: participantEidSchema, statementHash: sha256Hex.optional(), note: note(200).optional() });
export const castBallotInput = z.strictObject({ electionId: electionIdSchema, voter: participantEidSchema, candidate: participantEidSchema, amount: positiveAmount });
export const tallyInput = z.strictObject({ electionId: electionIdSchema, pageSize: z.number().int().min(1, 'must be at least 1').max(MAX_TALLY_PAGE, `must be at most ${MAX_TALLY_PAGE.toString()}`).default(DEFAULT_TALLY_PAGE) });
export const electionIdInput = z.strictObject({ electionId: electionIdSchema });
export const pagedElectionInput = z.strictObject({ electionId: electionIdSchema, ...pageRequest });
export const listElectionsInput = z.strictObject({ ...pageRequest });
