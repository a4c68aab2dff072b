/**
 * Webhook signatures as the Standard Webhooks scheme defines them
 * (standardwebhooks.com): the secret is `whsec_<base64 key>`, and each request
 * carries `webhook-id` (the same on every retry of one message),
 * `webhook-timestamp` (seconds) and `webhook-signature: v1,<base64
 * HMAC-SHA256(key, id.timestamp.body)>`. Signing the ID and the timestamp
 * with the body lets a receiver refuse replays and stale messages, which a
 * signature over the body alone cannot.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** A new webhook secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key of a secret (the bytes after `whsec_`). */
function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): SignedHeaders {
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${signature}` };
}

/** What a receiver does: true when one of the space-separated v1 signatures matches and the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhook(secret: string, headers: SignedHeaders, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, headers['webhook-id'], timestamp, body)['webhook-signature'].slice(3), 'base64');
  return headers['webhook-signature'].split(' ').some((s) => {
    if (!s.startsWith('v1,')) return false;
    const given = Buffer.from(s.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
