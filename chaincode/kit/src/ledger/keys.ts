/**
 * Key scheme. Every world-state key is a Fabric composite key:
 *   \u0000<objectType>\u0000<attr1>\u0000<attr2>...\u0000
 * objectType names the record kind (e.g. `participant`, `balance`), attributes
 * identify it from the most to the least significant, so a partial key lists a
 * whole group (all holds of one account). Attributes must not contain U+0000 or
 * U+10FFFF; `keyPart` checks that for anything that comes from outside.
 */
import { ValidationError } from '../errors';

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be refused
const FORBIDDEN = /[\u0000\u{10FFFF}]/u;

export function keyPart(field: string, value: string): string {
  if (value.length === 0) throw new ValidationError(field, 'must not be empty');
  if (FORBIDDEN.test(value)) throw new ValidationError(field, 'contains a character that cannot be part of a key');
  return value;
}

/** Fixed-width decimal so that keys of numbered items sort numerically. */
export function sortableNumber(n: bigint | number, width = 20): string {
  const s = n.toString();
  if (s.startsWith('-')) throw new RangeError('sortableNumber: negative');
  return s.padStart(width, '0');
}
