/**
 * Ordered keys: keys whose parts sort like a composite key's, but in the
 * simple-key namespace, so that a range between two of them can be read.
 * Fabric reads composite keys only by prefix (`getStateByPartialCompositeKey`:
 * no end key, fabric-shim refuses a composite key in `getStateByRange`), and a
 * prefix read in a write path is re-checked at commit over everything it
 * reached. With an end key the range re-checked at commit is only the part
 * read, so a write path can read "the credits of at least X" without the
 * validator ever looking at smaller ones (issue 13, item 5).
 *
 *   <objectType>\u0000<part1>\u0000<part2>\u0000...
 *
 * U+0000 separates parts (keyPart refuses it inside one), so a shorter part
 * sorts before a longer one it prefixes, exactly as in a composite key. The key
 * does not start with U+0000, so Fabric treats it as a simple key.
 */
import { keyPart } from './keys';

const SEP = '\u0000';

/** `objectType` and parts as one ordered key. */
export function orderedKey(objectType: string, ...parts: string[]): string {
  return `${objectType}${SEP}${parts.map((p) => keyPart(objectType, p) + SEP).join('')}`;
}

/** The parts of an ordered key (inverse of orderedKey). */
export function splitOrderedKey(key: string): { objectType: string; attributes: string[] } {
  const [objectType = '', ...rest] = key.split(SEP);
  return { objectType, attributes: rest.slice(0, -1) };
}

/** The [start, end) range of every ordered key under `objectType` and the leading `parts`. */
export function orderedPrefixRange(objectType: string, ...parts: string[]): { start: string; end: string } {
  const start = orderedKey(objectType, ...parts);
  return { start, end: `${start.slice(0, -1)}\u0001` };
}

/** Largest integer string the rank encodes (78 digits, as amount inputs allow). */
const MAX_DIGITS = 78;

/**
 * A key part that sorts non-negative integers from the LARGEST down: two
 * digits for the magnitude (99 − number of digits), then each digit
 * complemented (9 − d). 1000 → "95" + "8999", 999 → "96" + "000", 5 → "98" + "4".
 */
export function descendingRank(n: bigint): string {
  if (n < 0n) throw new RangeError('descendingRank: negative');
  const digits = n.toString();
  if (digits.length > MAX_DIGITS) throw new RangeError(`descendingRank: more than ${MAX_DIGITS} digits`);
  return String(99 - digits.length).padStart(2, '0') + complementDigits(digits);
}

/** The inverse of descendingRank. */
export function fromDescendingRank(rank: string): bigint {
  if (!/^[0-9]{3,}$/.test(rank)) throw new RangeError(`not a rank: ${rank}`);
  return BigInt(complementDigits(rank.slice(2)));
}

/** Each decimal digit d as 9 − d. */
function complementDigits(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => String(9 - Number(d)));
}
