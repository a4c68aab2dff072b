/**
 * Identifiers the chaincode mints. Every endorser must produce the same ID, so
 * they are derived from the transaction ID (unique per transaction, chosen by
 * the client before endorsement), never from randomness or the clock.
 *
 *   participant eID  eid:p:<32 hex>   sha256("participant|<txId>|<n>")
 *   device eID       eid:d:<32 hex>   sha256("device|<txId>|<n>")
 *   hold ID          hold:<32 hex>    sha256("hold|<txId>|<n>")
 *
 * 128 bits of a hash of a unique value: collisions are not a practical concern,
 * and stores still refuse to overwrite an existing record.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export function deriveHex(kind: string, txId: string, n = 0): string {
  return createHash('sha256').update(`${kind}|${txId}|${n}`, 'utf8').digest('hex').slice(0, 32);
}

export const participantEid = (txId: string, n = 0): string => `eid:p:${deriveHex('participant', txId, n)}`;
export const deviceEid = (txId: string, n = 0): string => `eid:d:${deriveHex('device', txId, n)}`;
export const holdId = (txId: string, n = 0): string => `hold:${deriveHex('hold', txId, n)}`;

export const participantEidSchema = z.string().regex(/^eid:p:[0-9a-f]{32}$/, 'must be a participant eID (eid:p:<32 hex>)');
export const deviceEidSchema = z.string().regex(/^eid:d:[0-9a-f]{32}$/, 'must be a device eID (eid:d:<32 hex>)');
export const holdIdSchema = z.string().regex(/^hold:[0-9a-f]{32}$/, 'must be a hold ID (hold:<32 hex>)');

/** Lower-case hex SHA-256, as the real-name data hash is given. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 (64 characters)');

/** Free text that is stored on chain: bounded, no control characters. */
export function note(max = 200): z.ZodString {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- control characters are what we refuse
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
}

/** ISO-8601 UTC timestamp, normalised to `toISOString()` form when stored. */
export const isoTime = z.iso.datetime({ message: 'must be an ISO-8601 UTC timestamp like 2026-01-01T00:00:00Z' });

export function normaliseTime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

/** Query paging: evaluate transactions only. */
export const pageRequest = {
  pageSize: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  bookmark: z.string().max(1000, 'must be at most 1000 characters').default(''),
};

/** One page of a query's results and the bookmark of the next. */
export interface PageResult<T> {
  items: T[];
  bookmark: string;
}
