/**
 * Pure rental rules: time cost and the hold's budget (charging's formulas
 * with no energy), the return zone and what a return costs. Windows, slots,
 * the dynamic code, cancellation and the settlement split are charging's
 * (charging/logic.ts), unchanged. No ledger, no clock.
 *
 * Rounding (integer DECC base units):
 *   cost   = floor(seconds × pricePerHour / 3600), in the user's favour;
 *   budget = ceil(windowSeconds × pricePerHour / 3600);
 *   hold   = reservation fee + budget + the outside-return fee (if the item has one);
 *   earned = reservation fee + cost + (outside the zone: the outside-return fee), capped at the hold.
 */
import { ValidationError } from '@dec/chaincode-kit/core';
import { budget, distance2, sessionCost } from '../charging/logic';
import type { Item } from './state';

export function rentalCost(seconds: bigint, pricePerHour: bigint): bigint {
  return sessionCost(0n, seconds, 0n, pricePerHour);
}

export function rentalBudget(seconds: bigint, pricePerHour: bigint): bigint {
  return budget(0n, seconds, 0n, pricePerHour);
}

/** Inside (or on the edge of) the item's return circle, by squared micro-degree distance. */
export function insideReturnZone(item: Pick<Item, 'returnZone'>, at: { latE6: number; lonE6: number }): boolean {
  const r = BigInt(item.returnZone.radiusE6);
  return distance2(item.returnZone, at) <= r * r;
}

/** The fee a return at `at` owes: 0 inside the zone; outside, the item's stated fee, or refused when it has none. */
export function returnFee(item: Pick<Item, 'returnZone' | 'outsideReturnFee'>, at: { latE6: number; lonE6: number }): { inside: boolean; fee: bigint } {
  if (insideReturnZone(item, at)) return { inside: true, fee: 0n };
  if (item.outsideReturnFee === undefined) throw new ValidationError('request.latE6', 'the return place is outside the item\'s return zone, where it cannot be returned');
  return { inside: false, fee: BigInt(item.outsideReturnFee) };
}
