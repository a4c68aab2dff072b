import { expect } from 'chai';
import { generateKeyPairSync, verify } from 'node:crypto';
import { lowSDer, newMessageSigner } from './signer';

const HALF_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n >> 1n;

/** r and s of a DER ECDSA signature. */
function parseDer(der: Uint8Array): { r: bigint; s: bigint } {
  const b = Buffer.from(der);
  expect(b[0]).to.equal(0x30);
  expect(b[1]).to.equal(b.length - 2);
  const rLen = b[3]!;
  const r = BigInt(`0x${b.subarray(4, 4 + rLen).toString('hex')}`);
  const sLen = b[5 + rLen]!;
  const s = BigInt(`0x${b.subarray(6 + rLen, 6 + rLen + sLen).toString('hex')}`);
  expect(6 + rLen + sLen).to.equal(b.length);
  return { r, s };
}

describe('fabric-client: native P-256 message signer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signer = newMessageSigner(privateKey);

  it('produces valid DER signatures over SHA-256 of the message, always with a low S', async () => {
    for (let i = 0; i < 200; i++) {
      const message = Buffer.from(`proposal ${i}`);
      const der = await signer(message);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, der), `signature ${i}`).to.equal(true);
      expect(parseDer(der).s <= HALF_N, `signature ${i} has a low S`).to.equal(true);
    }
  });

  it('replaces a high S by n − S and keeps a minimal DER encoding', () => {
    const r = Buffer.alloc(32, 0);
    r[31] = 1; // r = 1: one byte, no padding
    const highS = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550', 'hex'); // n − 1
    const { r: pr, s } = parseDer(lowSDer(Buffer.concat([r, highS])));
    expect(pr).to.equal(1n);
    expect(s).to.equal(1n);
    const topBit = Buffer.alloc(32, 0x11);
    topBit[0] = 0x80; // r with the top bit set gets a leading 0x00
    expect(parseDer(lowSDer(Buffer.concat([topBit, Buffer.alloc(32, 1)]))).r).to.equal(BigInt(`0x${topBit.toString('hex')}`));
  });

  it('signs with fabric-gateway over a SHA-256 digest for other curves', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const der = await newMessageSigner(other.privateKey)(Buffer.from('m'));
    expect(verify('sha256', Buffer.from('m'), { key: other.publicKey, dsaEncoding: 'der' }, der)).to.equal(true);
  });
});
