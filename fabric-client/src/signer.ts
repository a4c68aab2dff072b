/**
 * P-256 transaction signing with node:crypto (OpenSSL) instead of
 * fabric-gateway's pure-JS signer. A CPU profile of the 50-client load
 * generator put a third of its busy time in @noble/curves; every transaction
 * is signed three times by its client (proposal, envelope, commit-status
 * request), and the REST gateway signs for every caller.
 *
 * The signer takes the whole message and hashes it itself (SHA-256), so
 * Gateways using it connect with `hash.none`. Fabric accepts only low-S ECDSA
 * signatures (a signature and its high-S twin are both valid ECDSA, so the
 * other would be malleable): OpenSSL's S is replaced by n − S when S > n/2.
 */
import { hash, signers, type Signer } from '@hyperledger/fabric-gateway';
import { sign, type KeyObject } from 'node:crypto';

/** Order of the P-256 group. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
}

/** A DER INTEGER of a non-negative value: minimal big-endian bytes, a 0x00 in front when the top bit is set. */
function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

/** DER `SEQUENCE { r INTEGER, s INTEGER }` with s in its low form. */
export function lowSDer(p1363: Uint8Array): Uint8Array {
  if (p1363.length !== 64) throw new Error(`expected a 64-byte P-256 signature, got ${p1363.length} bytes`);
  const r = toBigInt(p1363.subarray(0, 32));
  let s = toBigInt(p1363.subarray(32));
  if (s > HALF_N) s = N - s;
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

/** Signs whole messages (SHA-256 inside): native for P-256 keys, fabric-gateway's signer over a SHA-256 digest otherwise. */
export function newMessageSigner(key: KeyObject): Signer {
  if (!isP256(key)) {
    const digestSigner = signers.newPrivateKeySigner(key);
    return (message) => digestSigner(hash.sha256(message));
  }
  return (message) => Promise.resolve(lowSDer(sign('sha256', message, { key, dsaEncoding: 'ieee-p1363' })));
}
