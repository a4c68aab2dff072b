/**
 * Regulator rules and alerts. The rules are one record only RegulatorMSP writes;
 * until it first does, DEFAULT_RULES apply (version 0).
 */
import { decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { party, receivableId } from '../common/schemas';
import { SCORE_CEILING, SCORE_FLOOR } from '../credit/method';

export const RULE_IDS = ['double-financing', 'max-advance-rate', 'concentration-limit', 'min-credit-score'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const rules = z.object({
  /** Highest advance a bank may give, in basis points of the asset's face amount. */
  maxAdvanceRateBps: z.number().int(),
  /** Highest outstanding advance of one bank to one counterparty (base units). */
  concentrationLimit: positiveAmount,
  /**
   * Lowest credit score (credit/method.ts, 300..900) of the party whose payment repays a
   * financing (the receivable's debtor, the order's buyer, the receipt's owner). Rules
   * stored before it existed read as the floor, 300: nobody is refused.
   */
  minCreditScore: z.number().int().min(SCORE_FLOOR).max(SCORE_CEILING).default(SCORE_FLOOR),
  /** Lowest score for which `credit:Standing` reports that a fundraiser meets the crowdfunding minimum (the energy audit). */
  minCrowdfundingScore: z.number().int().min(SCORE_FLOOR).max(SCORE_CEILING).default(SCORE_FLOOR),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Rules = z.infer<typeof rules>;
export const decodeRules = decoder(rules, 'rules');

export const DEFAULT_RULES: Rules = {
  maxAdvanceRateBps: 8000,
  concentrationLimit: '100000000000',
  minCreditScore: SCORE_FLOOR,
  minCrowdfundingScore: SCORE_FLOOR,
  version: 0,
  updatedBy: 'default',
  updatedAt: '1970-01-01T00:00:00.000Z',
};

export const alert = z.object({
  alertId: z.string(),
  rule: z.enum([...RULE_IDS, 'other']),
  assetType: z.enum(ASSET_TYPES).optional(),
  assetId: receivableId.optional(),
  financingId: z.string().optional(),
  suspect: party.optional(),
  detail: z.string(),
  /** The reporting party, or `chaincode` for an alert the chaincode recorded when it refused a transaction. */
  reportedBy: z.string(),
  /** Refusals: the refused transaction's wire name (e.g. `financing:Offer`). */
  transaction: z.string().optional(),
  /**
   * Refusals whose full detail involves private figures (an offered rate, a bank's exposure):
   * the pair collection holding `alert~<alertId>` with that detail. `detail` above never carries them.
   */
  privateDetail: z.object({ collection: z.string() }).optional(),
  /** true: the chaincode re-checked the claim against state and it holds; false: it does not; null: not checkable on chain. */
  confirmed: z.boolean().nullable(),
  at: z.string(),
});
export type Alert = z.infer<typeof alert>;
export const decodeAlert = decoder(alert, 'alert');

/** Private (pair collection): the full detail of a refusal, with the figures the public alert leaves out. */
export const alertDetail = z.object({
  alertId: z.string(),
  rule: z.enum(RULE_IDS),
  detail: z.string(),
  salt: z.string().optional(),
});
export type AlertDetail = z.infer<typeof alertDetail>;
export const decodeAlertDetail = decoder(alertDetail, 'alert detail');

/**
 * What a refused transaction returns (and commits, with its alert). The gateway
 * recognises a refusal by `refused: true` and answers HTTP 422 with code RULE_VIOLATION.
 */
export interface RefusalResult {
  refused: true;
  rule: RuleId;
  /** Public detail (no private figures). */
  detail: string;
  alertId: string;
  transaction: string;
  assetType: string;
  assetId: string;
  financingId: string;
}
