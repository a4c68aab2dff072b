/** Input schemas of the rules transactions. */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { bps, id, party, receivableId, text } from '../common/schemas';
import { SCORE_CEILING, SCORE_FLOOR } from '../credit/method';
import { RULE_IDS } from './state';

const creditScore = z
  .number()
  .int('must be an integer')
  .min(SCORE_FLOOR, `must be at least ${SCORE_FLOOR} (the lowest score)`)
  .max(SCORE_CEILING, `must be at most ${SCORE_CEILING} (the highest score)`);

export const setRulesInput = z
  .object({
    maxAdvanceRateBps: bps(10_000).optional(),
    concentrationLimit: positiveAmount.optional(),
    /** Lowest credit score of the party that repays a financing (debtor / buyer / owner); 300 (the floor) refuses nobody. */
    minCreditScore: creditScore.optional(),
    /** Lowest credit score a fundraiser must have for the energy crowdfunding audit (reported by credit:Standing). */
    minCrowdfundingScore: creditScore.optional(),
  })
  .refine((r) => Object.keys(r).length > 0, 'must change at least one rule');

export const checkFinancingInput = z.object({
  assetType: z.enum(ASSET_TYPES),
  assetId: receivableId,
  advanceRateBps: bps(10_000),
  /** The bank whose concentration is checked; defaults to the caller. */
  bank: party.optional(),
});

export const raiseAlertInput = z.object({
  rule: z.enum([...RULE_IDS, 'other']),
  assetType: z.enum(ASSET_TYPES).optional(),
  assetId: receivableId.optional(),
  financingId: id.optional(),
  /** The party suspected of the attempt (e.g. the holder who tried to finance twice). */
  suspect: party.optional(),
  /** For max-advance-rate alerts: the attempted rate, re-checked against the current rules. */
  advanceRateBps: bps(10_000).optional(),
  detail: text(1000),
});

/** An alert ID is the ID of the transaction that recorded it. */
export const alertRef = z.object({ alertId: z.string().regex(/^[0-9a-zA-Z_-]{1,128}$/, 'must be a transaction ID') });
