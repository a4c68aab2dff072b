import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SecretBox } from './secrets';

describe('SecretBox (AES-256-GCM at rest)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secretbox-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the master key file once, mode 0600, and reuses it', () => {
    const box = SecretBox.load(dir, {});
    const file = path.join(dir, 'master.key');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const key = readFileSync(file, 'utf8');
    const sealed = box.seal('private key', 'identity:1');
    expect(SecretBox.load(dir, {}).open(sealed, 'identity:1').toString()).to.equal('private key');
    expect(readFileSync(file, 'utf8')).to.equal(key);
  });

  it('never stores the plaintext and uses a fresh IV per value', () => {
    const box = SecretBox.load(dir, {});
    const a = box.seal('-----BEGIN PRIVATE KEY-----', 'x');
    const b = box.seal('-----BEGIN PRIVATE KEY-----', 'x');
    expect(a).to.not.equal(b);
    expect(a).to.not.include('PRIVATE');
  });

  it('refuses a value moved to another row, tampered with, or opened with another key', () => {
    const box = SecretBox.load(dir, {});
    const sealed = box.seal('secret', 'identity:1');
    expect(() => box.open(sealed, 'identity:2')).to.throw();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join('.'), 'identity:1')).to.throw();
    const other = SecretBox.load(dir, { DEC_API_MASTER_KEY: 'ab'.repeat(32) });
    expect(() => other.open(sealed, 'identity:1')).to.throw();
  });

  it('takes the master key from DEC_API_MASTER_KEY and checks its size', () => {
    expect(() => SecretBox.load(dir, { DEC_API_MASTER_KEY: 'abc' })).to.throw(/64 hex/);
  });
});
