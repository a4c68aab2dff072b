/**
 * Meter signatures: ECDSA over NIST P-256 with SHA-256 (node:crypto `verify`,
 * deterministic: verification has no randomness). Keys are SPKI PEM.
 *
 * Canonical encoding of a reading (what the meter signs), UTF-8, fields joined
 * by a line feed, no trailing newline:
 *
 *   DEC-METER-READING-V1
 *   <meter eID>
 *   <seq, decimal>
 *   <ts, ISO-8601 UTC with milliseconds>
 *   <importWh, decimal>
 *   <exportWh, decimal>
 *
 * Key rotation signed by the old key covers:
 *
 *   DEC-METER-KEY-ROTATION-V1
 *   <meter eID>
 *   <keyVersion being replaced, decimal>
 *   <sha256 hex of the new key's SPKI DER>
 *
 * Signatures are base64, either DER (what OpenSSL/node produce) or raw r||s
 * (64 bytes, IEEE P1363, what many secure elements produce).
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export const READING_DOMAIN = 'DEC-METER-READING-V1';
export const ROTATION_DOMAIN = 'DEC-METER-KEY-ROTATION-V1';

export interface SignedFields {
  meter: string;
  seq: number;
  ts: string;
  importWh: string;
  exportWh: string;
}

export function readingMessage(r: SignedFields): string {
  return [READING_DOMAIN, r.meter, String(r.seq), r.ts, r.importWh, r.exportWh].join('\n');
}

export function rotationMessage(meter: string, replacedKeyVersion: number, newKeyFingerprint: string): string {
  return [ROTATION_DOMAIN, meter, String(replacedKeyVersion), newKeyFingerprint].join('\n');
}

type ParsedKey = { key: KeyObject } | { error: string };

/**
 * Keys parsed before, by their PEM text. Parsing a PEM key costs about as much as
 * verifying a signature (OpenSSL's decoder), and every SubmitReadings batch used
 * to parse each of its meters' keys again. The result depends only on the text,
 * so the cache cannot make two endorsers disagree. Bounded: emptied when full.
 */
const parsedKeys = new Map<string, ParsedKey>();
const PARSED_KEYS_MAX = 10_000;

/** Parses a PEM public key and requires ECDSA P-256; returns undefined with a reason otherwise. */
export function parseP256Key(pem: string): ParsedKey {
  const known = parsedKeys.get(pem);
  if (known) return known;
  const parsed = parseP256KeyUncached(pem);
  if (parsedKeys.size >= PARSED_KEYS_MAX) parsedKeys.clear();
  parsedKeys.set(pem, parsed);
  return parsed;
}

function parseP256KeyUncached(pem: string): ParsedKey {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return { error: 'is not a parsable PEM public key' };
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return { error: `must be an ECDSA P-256 key (got ${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''})`.trim() };
  }
  return { key };
}

/** The key re-encoded as canonical SPKI PEM, so equal keys are stored identically. */
export function normalisePem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** sha256 hex of the key's SPKI DER: the key's fingerprint in rotation messages. */
export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function verifySignature(key: KeyObject, message: string, signatureB64: string): boolean {
  const sig = Buffer.from(signatureB64, 'base64');
  if (sig.length === 0) return false;
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), { key, dsaEncoding: sig.length === 64 ? 'ieee-p1363' : 'der' }, sig);
  } catch {
    return false;
  }
}
