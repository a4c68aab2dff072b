import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEnrolledFolder, writeEnrolledFolder } from './enrolled-folder';

describe('enrolled identity folders', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'dec-enrolled-'));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it('reads back what it wrote, with the key readable by its owner only', () => {
    writeEnrolledFolder(home, { certificate: 'CERT', privateKey: 'KEY' });
    expect(readEnrolledFolder(home)).to.deep.equal({ certificate: 'CERT', privateKey: 'KEY' });
    expect(statSync(path.join(home, 'msp', 'keystore', 'key_sk')).mode & 0o777).to.equal(0o600);
  });

  it('reads a folder fabric-ca-client wrote (key named by its SKI), so earlier enrollments are kept', () => {
    mkdirSync(path.join(home, 'msp', 'signcerts'), { recursive: true });
    mkdirSync(path.join(home, 'msp', 'keystore'), { recursive: true });
    writeFileSync(path.join(home, 'msp', 'signcerts', 'cert.pem'), 'OLD CERT');
    writeFileSync(path.join(home, 'msp', 'keystore', '3f9a0c_sk'), 'OLD KEY');
    expect(readEnrolledFolder(home)).to.deep.equal({ certificate: 'OLD CERT', privateKey: 'OLD KEY' });
  });

  it('replaces an older key instead of keeping two', () => {
    mkdirSync(path.join(home, 'msp', 'keystore'), { recursive: true });
    writeFileSync(path.join(home, 'msp', 'keystore', 'old_sk'), 'OLD KEY');
    writeEnrolledFolder(home, { certificate: 'NEW CERT', privateKey: 'NEW KEY' });
    expect(readdirSync(path.join(home, 'msp', 'keystore'))).to.deep.equal(['key_sk']);
    expect(readEnrolledFolder(home)?.privateKey).to.equal('NEW KEY');
  });

  it('is empty for a missing or incomplete folder', () => {
    expect(readEnrolledFolder(path.join(home, 'none'))).to.equal(undefined);
    mkdirSync(path.join(home, 'msp', 'signcerts'), { recursive: true });
    writeFileSync(path.join(home, 'msp', 'signcerts', 'cert.pem'), 'CERT');
    expect(readEnrolledFolder(home)).to.equal(undefined);
  });
});
