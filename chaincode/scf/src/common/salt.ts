/**
 * The salt of private records. Fabric puts the SHA-256 of every private value
 * in the block, where every channel member can read it; a record with few likely
 * values (an exposure, a settlement, an advance rate) is then recovered by hashing
 * the candidates. So every private write carries randomness only the client and
 * the collection members know: the transient field `salt`, never derived from
 * public data (the ledger derives one salt per key from it, Ledger.putPrivate).
 */
import type { DecContext } from '@dec/chaincode-kit';
import { ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { TRANSIENT } from './constants';

export const saltInput = z.string().regex(/^[0-9a-f]{32,128}$/, 'must be 32-128 lowercase hex characters of randomness');

const FIELD = `transient.${TRANSIENT.salt}`;

/**
 * The transient salt when given (a JSON string, as the gateway sends every
 * transient field), validated; else undefined. Read without parseInput, which
 * would parse a string value as JSON a second time.
 */
export function optionalSalt(ctx: DecContext): string | undefined {
  let raw: unknown;
  try {
    raw = ctx.ledger.transient(TRANSIENT.salt, (json) => json);
  } catch {
    throw new ValidationError(FIELD, 'is not valid JSON');
  }
  if (raw === undefined) return undefined;
  const parsed = saltInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(FIELD, parsed.error.issues[0]?.message ?? 'is invalid');
  return parsed.data;
}

/** The transient salt; a ValidationError naming `transient.salt` when absent or malformed. */
export function requireSalt(ctx: DecContext): string {
  const salt = optionalSalt(ctx);
  if (salt === undefined) throw new ValidationError(FIELD, 'is required in the transient map: this transaction writes a private record');
  return salt;
}
