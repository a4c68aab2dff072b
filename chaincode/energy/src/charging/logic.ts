/**
 * Pure charging rules: reservation windows and their slots, the dynamic code's
 * salted hash, prices and rounding, the settlement split, the cancellation
 * rule and the search order. No ledger, no clock (times come in as arguments).
 *
 * Rounding (all amounts integer DECC base units):
 *   session cost  = floor((energyWh × pricePerKwh × 3600 + seconds × pricePerHour × 1000) / 3 600 000)
 *                   one floor over the sum, in the user's favour;
 *   budget (hold) = the same formula rounded UP, for the most the session may use;
 *   platform fee  = floor(earned × feeBps / 10 000), in the provider's favour;
 *   provider gets earned − fee; the user gets held − earned. Every unit lands once.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { createHash } from 'node:crypto';

/** The longest window one reservation may take (32 slots of its point): bounds the keys it reads and writes. */
export const MAX_WINDOW_SLOTS = 32;
/** How long after its window (or an instant session's limit) a hold stays capturable. */
export const HOLD_GRACE_MS = 7 * 24 * 3_600_000;
/** How far ahead a window may start. */
export const MAX_LEAD_MS = 30 * 24 * 3_600_000;
/** Search ranks at most this many points of a zone (bounded read). */
export const SEARCH_SCAN_LIMIT = 500;

/** The slot starts (ms) a window covers; the window must be aligned to the point's slots, in the future and at most MAX_WINDOW_SLOTS long. */
export function windowSlots(startIso: string, endIso: string, nowMs: number, slotMinutes: number): number[] {
  const SLOT_MS = slotMinutes * 60_000;
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (start % SLOT_MS !== 0) throw new ValidationError('request.start', `must be on a ${slotMinutes}-minute boundary`);
  if (end % SLOT_MS !== 0) throw new ValidationError('request.end', `must be on a ${slotMinutes}-minute boundary`);
  if (end <= start) throw new ValidationError('request.end', 'must be after request.start');
  if ((end - start) / SLOT_MS > MAX_WINDOW_SLOTS) throw new ValidationError('request.end', `a window is at most ${MAX_WINDOW_SLOTS * slotMinutes} minutes`);
  if (start < currentSlot(nowMs, slotMinutes)) throw new ValidationError('request.start', 'must not be before the current slot');
  if (start > nowMs + MAX_LEAD_MS) throw new ValidationError('request.start', 'must be at most 30 days ahead');
  const slots: number[] = [];
  for (let t = start; t < end; t += SLOT_MS) slots.push(t);
  return slots;
}

export function currentSlot(nowMs: number, slotMinutes: number): number {
  return nowMs - (nowMs % (slotMinutes * 60_000));
}

export function codeHash(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}|${code}`, 'utf8').digest('hex');
}

/** The code matches the stored salted hash (comparing hex digests of equal length). */
export function codeMatches(salt: string, hash: string, code: string): boolean {
  return codeHash(salt, code) === hash;
}

const PER_HOUR_MS = 3_600_000n;

/** The cost of `energyWh` and `seconds` at the point's prices, rounded down. */
export function sessionCost(energyWh: bigint, seconds: bigint, pricePerKwh: bigint, pricePerHour: bigint): bigint {
  return (energyWh * pricePerKwh * 3600n + seconds * pricePerHour * 1000n) / PER_HOUR_MS;
}

/** The most a session within `maxWh` and `maxSeconds` can cost, rounded up: what its hold covers. */
export function budget(maxWh: bigint, maxSeconds: bigint, pricePerKwh: bigint, pricePerHour: bigint): bigint {
  const n = maxWh * pricePerKwh * 3600n + maxSeconds * pricePerHour * 1000n;
  return (n + PER_HOUR_MS - 1n) / PER_HOUR_MS;
}

export interface Split {
  earned: bigint;
  fee: bigint;
  provider: bigint;
  refund: bigint;
}

/** Splits `earned` (capped at what is held) between provider and platform; the rest returns to the user. */
export function split(held: bigint, earned: bigint, feeBps: number): Split {
  const e = earned > held ? held : earned;
  const fee = (e * BigInt(feeBps)) / 10_000n;
  return { earned: e, fee, provider: e - fee, refund: held - e };
}

/** A meter reading (Wh, cumulative) never goes backwards. */
export function requireForward(previous: bigint | undefined, next: bigint, field: string): void {
  if (previous !== undefined && next < previous) throw new ValidationError(field, `must not go backwards: the last reading was ${previous} Wh`);
}

/**
 * Cancellation by the user, before the window starts: free until
 * `freeCancelMinutes` before the start, after that the reservation fee is
 * owed; from the start on a reservation can no longer be cancelled (it is used
 * or becomes a no-show).
 */
export function cancellationCharge(nowMs: number, startIso: string, freeCancelMinutes: number, reservationFee: bigint): bigint {
  const start = Date.parse(startIso);
  if (nowMs >= start) throw new ConflictError(`the reservation's window started at ${startIso}; it can no longer be cancelled`);
  return nowMs < start - freeCancelMinutes * 60_000 ? 0n : reservationFee;
}

/** A code may start a session from one slot before the window until its end. */
export function requireStartable(nowMs: number, startIso: string, endIso: string, slotMinutes: number): void {
  if (nowMs < Date.parse(startIso) - slotMinutes * 60_000) throw new ConflictError(`the reservation's window starts at ${startIso}`);
  if (nowMs >= Date.parse(endIso)) throw new ConflictError(`the reservation's code expired at ${endIso}`);
}

export interface Ranked {
  id: string;
  latE6: number;
  lonE6: number;
  pricePerKwh: string;
}

/** Squared distance in micro-degrees (equirectangular without longitude scaling: ranking within a zone). */
export function distance2(a: { latE6: number; lonE6: number }, b: { latE6: number; lonE6: number }): bigint {
  const dy = BigInt(a.latE6 - b.latE6);
  const dx = BigInt(a.lonE6 - b.lonE6);
  return dx * dx + dy * dy;
}

/**
 * Nearest first, then cheaper per kWh, then the provider's better rating
 * score (`byRating`, ratings/ratings.ts compareScore), then by ID: a total,
 * deterministic order.
 */
export function rank<T extends Ranked>(points: readonly T[], from: { latE6: number; lonE6: number }, byRating: (a: T, b: T) => number = () => 0): (T & { distance2: string })[] {
  const withD = points.map((p) => ({ p, d: distance2(p, from) }));
  withD.sort((a, b) => {
    if (a.d !== b.d) return a.d < b.d ? -1 : 1;
    const pa = BigInt(a.p.pricePerKwh);
    const pb = BigInt(b.p.pricePerKwh);
    if (pa !== pb) return pa < pb ? -1 : 1;
    const r = byRating(a.p, b.p);
    if (r !== 0) return r;
    return a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0;
  });
  return withD.map(({ p, d }) => ({ ...p, distance2: d.toString() }));
}
