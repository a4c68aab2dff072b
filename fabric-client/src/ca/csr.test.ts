import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { createKeyAndCsr } from './csr';

describe('certificate signing request', () => {
  // An independent parser (OpenSSL, installed by .ci/run) checks the request and its signature.
  it('is a PKCS#10 request for a P-256 key, with the enrollment ID as CN and a valid signature', () => {
    const { csrPem, privateKey, privateKeyPem } = createKeyAndCsr('alice@lessor');
    expect(csrPem).to.match(/^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE REQUEST-----\n$/);
    expect(privateKey.asymmetricKeyDetails?.namedCurve).to.equal('prime256v1');
    expect(privateKeyPem).to.include('BEGIN PRIVATE KEY');
    const text = execFileSync('openssl', ['req', '-noout', '-verify', '-subject', '-pubkey'], { input: csrPem }).toString();
    expect(text).to.match(/CN\s*=\s*alice@lessor/);
    const pub = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.exec(text)![0];
    expect(createPublicKey(pub).export({ format: 'jwk' })).to.deep.equal(createPublicKey(privateKey).export({ format: 'jwk' }));
  });
});
