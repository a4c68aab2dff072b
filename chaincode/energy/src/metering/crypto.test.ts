import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { parseP256Key } from './crypto';

describe('metering keys: parsed once per PEM text', () => {
  it('returns the same key object for the same text, and refuses a key of another curve every time', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const first = parseP256Key(pem);
    expect(first).to.have.property('key');
    expect(parseP256Key(pem)).to.equal(first);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (let i = 0; i < 2; i++) expect(parseP256Key(p384)).to.deep.equal({ error: 'must be an ECDSA P-256 key (got ec secp384r1)' });
    expect(parseP256Key('not a key')).to.deep.equal({ error: 'is not a parsable PEM public key' });
  });
});
