/**
 * DEC ⇄ DECC at the platform's posted rate. The rate is "DECC per DEC" as a
 * decimal, stored as rateE18 = rate × 10^18. With DEC at 18 and DECC at 2
 * decimals:
 *   DECC base = DEC base × rateE18 × 100 / 10^36      (rounded down)
 *   DEC base  = DECC base × 10^36 / (100 × rateE18)   (rounded down)
 * Rounding always favours the reserve, so the reserve never backs less than
 * the DECC outstanding at the rate it was minted.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import { decimalToE18, e18ToDecimal } from './units';

const SCALE = 10n ** 36n;
const DECC_PER_WHOLE = 100n;

export const rateSchema = z.object({
  deccPerDec: z.string(),
  rateE18: z.string().regex(/^[1-9][0-9]*$/),
  postedAt: z.string(),
  txId: z.string(),
});
export type Rate = z.infer<typeof rateSchema>;

export function postRate(deccPerDec: string, tx: EnergyEnv): Change<Rate> {
  const rateE18 = decimalToE18(deccPerDec, 'request.deccPerDec');
  if (rateE18 <= 0n) throw new ValidationError('request.deccPerDec', 'must be greater than zero');
  const state = rateSchema.parse({ deccPerDec: e18ToDecimal(rateE18), rateE18: rateE18.toString(), postedAt: tx.now, txId: tx.txId });
  return { state, events: [{ name: 'RatePosted', payload: state }] };
}

export function deccForDec(decBase: bigint, rateE18: bigint): bigint {
  return (decBase * rateE18 * DECC_PER_WHOLE) / SCALE;
}

export function decForDecc(deccBase: bigint, rateE18: bigint): bigint {
  return (deccBase * SCALE) / (DECC_PER_WHOLE * rateE18);
}

/** The rate in force, checked against the one the client saw (if it says), so a rate change between quote and submit fails instead of surprising. */
export function currentRate(rate: Rate | undefined, expected: string | undefined): bigint {
  if (!rate) throw new ConflictError('the platform has not posted a DEC/DECC rate yet');
  const e18 = BigInt(rate.rateE18);
  if (expected !== undefined && decimalToE18(expected, 'request.expectedRate') !== e18) {
    throw new ConflictError(`the posted rate is now ${rate.deccPerDec} DECC per DEC, not ${expected}`);
  }
  return e18;
}

export function quoteMint(decBase: bigint, rateE18: bigint): bigint {
  const decc = deccForDec(decBase, rateE18);
  if (decc === 0n) throw new ValidationError('request.decAmount', 'is too small to mint even 0.01 DECC at the posted rate');
  return decc;
}

export function quoteRedeem(deccBase: bigint, rateE18: bigint): bigint {
  const dec = decForDecc(deccBase, rateE18);
  if (dec === 0n) throw new ValidationError('request.deccAmount', 'is too small to redeem any DEC at the posted rate');
  return dec;
}
