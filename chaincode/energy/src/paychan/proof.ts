/**
 * Payment-channel balance proofs: the exact bytes both parties sign and the
 * chaincode rebuilds. Shared by the chaincode (verification, deterministic:
 * ECDSA verification uses no randomness) and by clients (signing with
 * node:crypto), so the two can never disagree on the encoding.
 *
 * Signed message (UTF-8, fields joined by a line feed, no trailing newline):
 *
 *   <domain>                 DEC-PAYCHAN-PROOF-V1 (a balance proof) or
 *                            DEC-PAYCHAN-CLOSE-V1 (a cooperative close: final)
 *   energy/energy            Fabric channel / chaincode (domain separation)
 *   <channel ID>             pch:<32 hex>, never reused (derived from the open's tx ID)
 *   <nonce>                  decimal, strictly increasing per channel, from 1
 *   <userPaid>               cumulative DECC base units paid user -> provider
 *   <providerPaid>           cumulative DECC base units paid provider -> user
 *
 * Keys: ECDSA P-256, SPKI PEM. Each party names its channel key in the
 * transaction it signs with its own Fabric identity (the user at Open, the
 * provider at Join), so the chaincode knows which key speaks for whom.
 * Signatures: base64, DER or raw r||s (64 bytes).
 */
import { createHash, createPublicKey, sign, verify, type KeyLike, type KeyObject } from 'node:crypto';

export const PROOF_DOMAIN = 'DEC-PAYCHAN-PROOF-V1';
export const CLOSE_DOMAIN = 'DEC-PAYCHAN-CLOSE-V1';
export const SCOPE = 'energy/energy';

export interface BalanceState {
  channelId: string;
  nonce: number;
  userPaid: string;
  providerPaid: string;
}

export function proofMessage(domain: typeof PROOF_DOMAIN | typeof CLOSE_DOMAIN, s: BalanceState): string {
  return [domain, SCOPE, s.channelId, String(s.nonce), s.userPaid, s.providerPaid].join('\n');
}

/** Client side: signs a state with a P-256 private key (base64 DER). */
export function signState(domain: typeof PROOF_DOMAIN | typeof CLOSE_DOMAIN, s: BalanceState, privateKey: KeyLike): string {
  return sign('sha256', Buffer.from(proofMessage(domain, s), 'utf8'), privateKey).toString('base64');
}

/** Parses a P-256 SPKI PEM key; undefined when it is not one. */
export function p256Key(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The key re-encoded as canonical SPKI PEM. */
export function canonicalPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function verifyState(domain: typeof PROOF_DOMAIN | typeof CLOSE_DOMAIN, s: BalanceState, pem: string, signatureB64: string): boolean {
  const key = p256Key(pem);
  const sig = Buffer.from(signatureB64, 'base64');
  if (!key || sig.length === 0) return false;
  try {
    return verify('sha256', Buffer.from(proofMessage(domain, s), 'utf8'), { key, dsaEncoding: sig.length === 64 ? 'ieee-p1363' : 'der' }, sig);
  } catch {
    return false;
  }
}
