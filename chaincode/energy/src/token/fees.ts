/**
 * Transfer fees paid to the platform fee account: per asset, `bps` basis points
 * of the amount (rounded down) but at least `min` base units. Zero by default.
 * The payer pays the fee on top of the amount.
 */
import { z } from 'zod';
import type { Asset } from './accounts';
import { BPS } from './units';

export const MAX_FEE_BPS = 1000;

const feeRule = z.object({
  bps: z.number().int().min(0).max(MAX_FEE_BPS, `must be at most ${MAX_FEE_BPS}`),
  min: z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'must be a non-negative integer string in base units'),
});
export const feeScheduleSchema = z.object({ DEC: feeRule, DECC: feeRule });
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;
export type FeeRule = z.infer<typeof feeRule>;
export { feeRule as feeRuleSchema };

export const NO_FEES: FeeSchedule = { DEC: { bps: 0, min: '0' }, DECC: { bps: 0, min: '0' } };

export function transferFee(schedule: FeeSchedule, asset: Asset, amount: bigint): bigint {
  const rule = schedule[asset];
  const proportional = (amount * BigInt(rule.bps)) / BPS;
  const min = BigInt(rule.min);
  return proportional > min ? proportional : min;
}
