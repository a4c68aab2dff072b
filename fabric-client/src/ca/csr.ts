/**
 * A PKCS#10 certificate signing request for a fresh P-256 key, built with a
 * minimal DER encoder (Node has no CSR API). Fabric CA requires the subject CN
 * to equal the enrollment ID and takes everything else from the registration.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const SEQUENCE = 0x30;
const SET = 0x31;
const OID_COMMON_NAME = Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03]);
const OID_ECDSA_SHA256 = Buffer.from([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]);

export interface KeyAndCsr {
  privateKey: KeyObject;
  privateKeyPem: string;
  csrPem: string;
}

export function createKeyAndCsr(commonName: string): KeyAndCsr {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const subject = der(SEQUENCE, der(SET, der(SEQUENCE, OID_COMMON_NAME, der(0x0c, Buffer.from(commonName, 'utf8')))));
  const info = der(
    SEQUENCE,
    Buffer.from([0x02, 0x01, 0x00]), // version 0
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    Buffer.from([0xa0, 0x00]), // no attributes
  );
  const signature = sign('sha256', info, privateKey);
  const csr = der(SEQUENCE, info, der(SEQUENCE, OID_ECDSA_SHA256), der(0x03, Buffer.from([0]), signature));
  const b64 = csr.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return {
    privateKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    csrPem: `-----BEGIN CERTIFICATE REQUEST-----\n${b64}\n-----END CERTIFICATE REQUEST-----\n`,
  };
}
