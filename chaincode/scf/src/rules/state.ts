/**
 * Regulator rules and alerts. The rules are one record only RegulatorMSP writes;
 * until it first does, DEFAULT_RULES apply (version 0).
 */
import { decoder, positiveAmount } from '@dec/chaincode-kit';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { party, receivableId } from '../common/schemas';

export const RULE_IDS = ['double-financing', 'max-advance-rate', 'concentration-limit'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const rules = z.object({
  /** Highest advance a bank may give, in basis points of the asset's face amount. */
  maxAdvanceRateBps: z.number().int(),
  /** Highest outstanding advance of one bank to one counterparty (base units). */
  concentrationLimit: positiveAmount,
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Rules = z.infer<typeof rules>;
export const decodeRules = decoder(rules, 'rules');

export const DEFAULT_RULES: Rules = {
  maxAdvanceRateBps: 8000,
  concentrationLimit: '100000000000',
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
  reportedBy: z.string(),
  /** true: the chaincode re-checked the claim against state and it holds; false: it does not; null: not checkable on chain. */
  confirmed: z.boolean().nullable(),
  at: z.string(),
});
export type Alert = z.infer<typeof alert>;
export const decodeAlert = decoder(alert, 'alert');
