/**
 * Financing arithmetic, integers only.
 * - advance = floor(face · advanceRateBps / 10000): truncation keeps the bank at or under the rate;
 * - discount = floor(advance · discountBps / 10000): the bank's charge, deducted up front;
 * - the bank is repaid `advance` from what the asset brings in, before the holder gets anything.
 */
import { BPS } from '../common/constants';

export function advanceOf(face: bigint, advanceRateBps: number): bigint {
  return (face * BigInt(advanceRateBps)) / BPS;
}

export function discountOf(advance: bigint, discountBps: number): bigint {
  return (advance * BigInt(discountBps)) / BPS;
}

export interface WaterfallSplit {
  /** Of everything collected so far: what went to the bank (never above the advance). */
  toBank: bigint;
  /** The rest, to the holder. */
  toHolder: bigint;
  /** What the bank is still owed. */
  bankOutstanding: bigint;
}

/** Bank first: collections repay the advance in full before the holder receives anything. */
export function waterfall(collected: bigint, advance: bigint): WaterfallSplit {
  if (collected < 0n || advance < 0n) throw new RangeError('waterfall: negative amount');
  const toBank = collected < advance ? collected : advance;
  return { toBank, toHolder: collected - toBank, bankOutstanding: advance - toBank };
}
