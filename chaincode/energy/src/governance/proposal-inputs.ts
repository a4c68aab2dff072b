/**
 * Input schemas of community proposals (white paper 8.3.4, 8.4): a core member
 * announces a round of one vote type with its window and the proposer's reward;
 * participants submit competing proposals and vote for or against each with
 * locked DEC; anyone tallies after the close in bounded pages.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { DEFAULT_TALLY_PAGE, MAX_PROPOSER_REWARD, MAX_TALLY_PAGE, PROPOSAL_VOTE_TYPES } from './rules';

export const roundIdSchema = z.string().regex(/^round:[0-9a-f]{32}$/, 'must be a round ID (round:<32 hex>)');
export const proposalIdSchema = z.string().regex(/^proposal:[0-9a-f]{32}$/, 'must be a proposal ID (proposal:<32 hex>)');
/** 0 to MAX_PROPOSER_REWARD (100000) DECC base units, as a pattern the OpenAPI document states. */
const rewardAmount = z.string().regex(/^(0|[1-9][0-9]{0,4}|100000)$/, `must be an integer string of at most ${MAX_PROPOSER_REWARD.toString()} DECC base units`);

export const openRoundInput = z.strictObject({
  opener: participantEidSchema,
  voteType: z.enum(PROPOSAL_VOTE_TYPES),
  title: note(200).min(1, 'must not be empty'),
  votingSeconds: z.number().int().min(30, 'must be at least 30').max(60 * 86_400, 'must be at most 60 days').default(7 * 86_400),
  /** DECC base units paid from the reward pool (sys:rewards) to the winning proposal's proposer. */
  reward: rewardAmount.default('10000'),
});
export const submitProposalInput = z.strictObject({ roundId: roundIdSchema, proposer: participantEidSchema, title: note(200).min(1, 'must not be empty'), documentHash: sha256Hex });
export const voteProposalInput = z.strictObject({ proposalId: proposalIdSchema, voter: participantEidSchema, support: z.boolean(), amount: positiveAmount });
export const tallyRoundInput = z.strictObject({ roundId: roundIdSchema, pageSize: z.number().int().min(1, 'must be at least 1').max(MAX_TALLY_PAGE, `must be at most ${MAX_TALLY_PAGE.toString()}`).default(DEFAULT_TALLY_PAGE) });
export const roundIdInput = z.strictObject({ roundId: roundIdSchema });
export const proposalIdInput = z.strictObject({ proposalId: proposalIdSchema });
export const pagedRoundInput = z.strictObject({ roundId: roundIdSchema, ...pageRequest });
export const listRoundsInput = z.strictObject({ ...pageRequest });
