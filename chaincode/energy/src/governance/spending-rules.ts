/**
 * Who must approve a spend (white paper 8.5, 8.6.4), as pure rules:
 *
 *   value ≤ 1,000,000 DECC                          → the platform operator alone
 *   value > 1,000,000 DECC                          → the secretary general AND the finance director
 *   value > 5,000,000 DECC, or any investment (8.5) → a passed committee decision (effect Spend)
 *
 * The paper states RMB; the chain has no RMB price, so value is in DECC, the
 * stable point, taken as 1 DECC = 1 RMB. DEC is valued at the posted DECC
 * rate (rounded down, as minting); before any rate is posted at 1 DECC per DEC.
 */
import { ValidationError } from '@dec/chaincode-kit/core';
import { deccForDec } from '../token/exchange';
import { ONE_DEC, ONE_DECC } from '../token/units';

/** 8.6.4: "exceeding 1 million RMB" → the finance director and the secretary general. */
export const OFFICERS_LEVEL = 1_000_000n * ONE_DECC;
/** 8.6.4: "exceeding 5 million RMB" → the decision committee. */
export const COMMITTEE_LEVEL = 5_000_000n * ONE_DECC;
/** The DECC rate assumed for valuing DEC before the committee has posted one. */
export const REFERENCE_RATE_E18 = ONE_DEC;

export type Tier = 'operator' | 'officers' | 'committee';

/** Value in DECC base units (rounded down). */
export function valueOf(asset: 'DEC' | 'DECC', amount: bigint, rateE18: bigint | undefined): bigint {
  return asset === 'DECC' ? amount : deccForDec(amount, rateE18 ?? REFERENCE_RATE_E18);
}

/** The approval a spend needs (per transaction, as the paper states its values). */
export function tierOf(value: bigint, purpose: 'spending' | 'investment'): Tier {
  if (purpose === 'investment' || value > COMMITTEE_LEVEL) return 'committee';
  return value > OFFICERS_LEVEL ? 'officers' : 'operator';
}

/** The refusal when the named approvals do not reach the tier. */
export function requireApprovalFor(tier: Tier, named: { approvalId?: string | undefined; decisionId?: string | undefined }, value: bigint): void {
  if (tier === 'committee' && named.decisionId === undefined) {
    throw new ValidationError('request.decisionId', `is required: this spend (value ${value.toString()} DECC base units, or an investment) needs a passed committee decision with a Spend effect (white paper 8.5, 8.6.4)`);
  }
  if (tier === 'officers' && named.decisionId === undefined && named.approvalId === undefined) {
    throw new ValidationError('request.approvalId', `is required: this spend (value ${value.toString()} DECC base units) needs the secretary general's and the finance director's approval (governance:RequestSpend, ApproveSpend), or a committee decision`);
  }
}

export function requireSameSpend(kind: string, stated: Record<string, string>, asked: Record<string, string>): void {
  for (const [field, value] of Object.entries(stated)) {
    const a = asked[field] ?? '';
    const same = field === 'amount' ? BigInt(value) === BigInt(a) : value === a;
    if (!same) throw new ValidationError(`request.${field}`, `does not match the ${kind}: approved ${value}, requested ${a}`);
  }
}
