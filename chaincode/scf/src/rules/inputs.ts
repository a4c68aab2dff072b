/** Input schemas of the rules transactions. */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { bps, id, party, receivableId, text } from '../common/schemas';
import { RULE_IDS } from './state';

export const setRulesInput = z
  .object({
    maxAdvanceRateBps: bps(10_000).optional(),
    concentrationLimit: positiveAmount.optional(),
  })
  .refine((r) => r.maxAdvanceRateBps !== undefined || r.concentrationLimit !== undefined, 'must change at least one rule');

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
