/**
 * Money and energy are integer strings in base units, handled as bigint. No
 * floats anywhere. The schemas below are what every amount input uses.
 */
import { z } from 'zod';
import { statedPattern } from './stated';

/** At most 78 digits: comfortably above 2^256, bounded so a huge string cannot be fed to BigInt. */
const INTEGER = /^(0|[1-9][0-9]{0,77})$/;

export const amount = z.string().regex(INTEGER, 'must be a non-negative integer string in base units');
export const positiveAmount = statedPattern(
  amount.refine((s) => s !== '0', 'must be greater than zero'),
  '^[1-9][0-9]{0,77}$',
);

export function big(value: string): bigint {
  if (!INTEGER.test(value)) throw new RangeError(`not an integer string: ${value}`);
  return BigInt(value);
}

export function str(value: bigint): string {
  if (value < 0n) throw new RangeError(`negative amount ${value}`);
  return value.toString();
}
