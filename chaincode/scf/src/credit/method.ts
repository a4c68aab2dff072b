/**
 * The credit method, stated once: a score is a pure function of the counted
 * facts of one party, in integers, so every endorser computes the same number
 * and a reader can redo it from the breakdown. The README states the same table.
 *
 *   score = clamp(300, 900,
 *       600
 *     +   5 · min(onTimeRent, 40)          instalments fully repaid by their due date
 *     −  15 · lateRent                      instalments fully repaid after their due date
 *     −  40 · arrears                       a lease of the party went late
 *     − 150 · defaults                      a lease of the party defaulted
 *     −  20 · marketPenalties               under-delivery penalties on the energy market
 *     −  10 · meterAnomalies                meter readings rejected as implausible or forged
 *     +   2 · min(drawdowns, 10)            crowdfunding drawdowns for a budgeted purpose
 *     +  10 · min(dividendsOnTime, 20)      dividends paid within their period
 *     −  30 · dividendsLate                 dividends paid after their period
 *     + trunc(40 · (ratingSum − 3 · ratings) / ratings)   average rating 1..5 around 3 (0 without ratings)
 *   )
 * The caps on good behaviour stop a party from farming a score with many tiny
 * repayments; bad behaviour is never capped.
 */
import type { CreditFacts } from './state';

export const CREDIT_METHOD = 'dec-credit-v1';
export const SCORE_FLOOR = 300;
export const SCORE_CEILING = 900;
export const SCORE_BASE = 600;

/** Points of each counted fact: [weight, cap of the count (undefined: none)]. */
export const WEIGHTS: Record<Exclude<keyof CreditFacts, 'ratingSum' | 'ratings'>, readonly [number, number | undefined]> = {
  onTimeRent: [5, 40],
  lateRent: [-15, undefined],
  arrears: [-40, undefined],
  defaults: [-150, undefined],
  marketPenalties: [-20, undefined],
  meterAnomalies: [-10, undefined],
  drawdowns: [2, 10],
  dividendsOnTime: [10, 20],
  dividendsLate: [-30, undefined],
};

/** Points from ratings: 40 per star above (or below) an average of 3, truncated toward zero. */
export function ratingPoints(facts: Pick<CreditFacts, 'ratingSum' | 'ratings'>): number {
  if (facts.ratings === 0) return 0;
  return Math.trunc((40 * (facts.ratingSum - 3 * facts.ratings)) / facts.ratings);
}

/** Each input's points, for the breakdown. */
export function contributions(facts: CreditFacts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, [weight, cap]] of Object.entries(WEIGHTS)) {
    const count = facts[name as keyof typeof WEIGHTS];
    out[name] = weight * (cap === undefined ? count : Math.min(count, cap));
  }
  out.ratings = ratingPoints(facts);
  return out;
}

export function scoreOf(facts: CreditFacts): number {
  const total = Object.values(contributions(facts)).reduce((a, b) => a + b, SCORE_BASE);
  return Math.max(SCORE_FLOOR, Math.min(SCORE_CEILING, total));
}
