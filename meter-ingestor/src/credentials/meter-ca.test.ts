/** The meter CA against the real openssl: who it certifies, what it refuses, and what revoking writes for the broker. */
import { createKeyAndCsr } from '@dec/fabric-client';
import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INGESTOR_IDENTITY, MeterCa } from './meter-ca';

const METER = 'eid:d:0123456789abcdef0123456789abcdef';

describe('meter CA', function () {
  this.timeout(20_000);
  let dir: string;
  let ca: MeterCa;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'meter-ca-'));
    ca = MeterCa.open(dir);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('certifies a meter from its own request: subject exactly CN=<eID>, client use only, issued by the CA', () => {
    const { csrPem } = createKeyAndCsr(METER);
    const cert = new X509Certificate(ca.issueFromCsr(METER, csrPem));
    expect(cert.subject).to.equal(`CN=${METER}`);
    expect(cert.keyUsage).to.deep.equal(['1.3.6.1.5.5.7.3.2']);
    expect(cert.checkIssued(new X509Certificate(ca.caPem))).to.equal(true);
    expect(cert.ca).to.equal(false);
  });

  it('refuses a request for another name, a name that is no meter eID, and text that is no request; issues nothing', () => {
    const before = readFileSync(path.join(dir, 'index.txt'), 'utf8');
    expect(() => ca.issueFromCsr(METER, createKeyAndCsr('eid:d:ffffffffffffffffffffffffffffffff').csrPem)).to.throw('csr: subject must be exactly CN=eid:d:0123456789abcdef0123456789abcdef');
    expect(() => ca.issueFromCsr('eid:d:../x', createKeyAndCsr('eid:d:../x').csrPem)).to.throw('is neither a meter eID');
    expect(() => ca.issueFromCsr(METER, 'hello')).to.throw('csr: not a PEM certificate request');
    expect(readFileSync(path.join(dir, 'index.txt'), 'utf8')).to.equal(before);
  });

  it('revokes every certificate of a meter: CRL lists them, ACL denies the name, other identities untouched', () => {
    ca.issueWithNewKey(METER);
    expect(ca.revoke(METER)).to.equal(2);
    expect(ca.revokedNames()).to.deep.equal([METER]);
    const crl = readFileSync(ca.brokerFiles().crlFile, 'utf8');
    expect(crl).to.match(/^-----BEGIN X509 CRL-----/);
    const acl = readFileSync(ca.brokerFiles().aclFile, 'utf8').split('\n');
    expect(acl.slice(acl.indexOf(`user ${METER}`), acl.indexOf(`user ${METER}`) + 2)).to.deep.equal([`user ${METER}`, 'topic deny #']);
    expect(acl).to.include.members([`user ${INGESTOR_IDENTITY}`, 'topic read dec/meters/+/readings', 'pattern write dec/meters/%u/readings', 'pattern read dec/meters/%u/verdicts']);
    expect(ca.revoke(METER)).to.equal(0);
  });
});
