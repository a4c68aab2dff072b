/**
 * Units. Amounts are integer base units held as bigint and stored as strings:
 *   DEC  18 decimals (1 DEC  = 10^18 base units), fixed supply 319,000,000 DEC
 *   DECC  2 decimals (1 DECC = 100 base units)
 * Decimal strings ("0.5") appear only where a human posts a rate; they are
 * converted to integers here, once, without floats.
 */
import { statedPattern, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Asset } from './accounts';

export const DECIMALS: Record<Asset, number> = { DEC: 18, DECC: 2 };
export const ONE_DEC = 10n ** 18n;
export const ONE_DECC = 100n;
export const DEC_TOTAL_SUPPLY = 319_000_000n * ONE_DEC;
export const BPS = 10_000n;

/**
 * "0." and 1-18 fractional digits with at least one non-zero: for each count k of leading zeros,
 * k zeros, a non-zero digit, then at most 17 − k more digits (one pattern, no lookahead).
 */
const POSITIVE_FRACTION = Array.from({ length: 18 }, (_, k) => `${'0'.repeat(k)}[1-9][0-9]{0,${17 - k}}`).join('|');

/** A positive decimal with at most 18 fractional digits, e.g. "0.5" or "12". */
export const decimalString = statedPattern(
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,17})(\.[0-9]{1,18})?$/, 'must be a decimal number like 0.5 (at most 18 fractional digits)')
    .refine((s) => /[1-9]/.test(s), 'must be greater than zero'),
  `^(?:[1-9][0-9]{0,17}(?:\\.[0-9]{1,18})?|0\\.(?:${POSITIVE_FRACTION}))$`,
);

/** "0.5" → 0.5 × 10^18 as bigint. */
export function decimalToE18(value: string, field = 'value'): bigint {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(value);
  if (!m) throw new ValidationError(field, 'must be a decimal number');
  const whole = BigInt(m[1] ?? '0');
  const frac = BigInt((m[2] ?? '').padEnd(18, '0'));
  return whole * ONE_DEC + frac;
}

/** The inverse of decimalToE18, with trailing zeros trimmed ("0.5", "12"). */
export function e18ToDecimal(value: bigint): string {
  const whole = value / ONE_DEC;
  const frac = (value % ONE_DEC).toString().padStart(18, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

/** Sum of integer strings. */
export function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
