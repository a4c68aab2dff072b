/**
 * The API development certificate against real openssl and a real TLS
 * handshake: issued by the given CA for localhost only, served as a chain a
 * client trusting just that CA accepts, kept while good, reissued for a new CA.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devCertificate, type DevCertificate, type IssuingCa } from './dev-certificate';

/** A CA like cryptogen's TLS CA: a P-256 self-signed root with its key in priv_sk. */
function makeCa(dir: string, cn: string): IssuingCa {
  const ca = { certFile: path.join(dir, `${cn}-cert.pem`), keyFile: path.join(dir, `${cn}-priv_sk`) };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', ca.keyFile, '-out', ca.certFile, '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], { stdio: 'pipe' });
  return ca;
}

/** GET over HTTPS to a server using `dev`; resolves with the status or the TLS error code. */
async function handshake(dev: DevCertificate, trust: string | undefined, host: string): Promise<string> {
  const server = https.createServer({ cert: dev.cert, key: dev.key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve) => {
      https
        .get({ host: '127.0.0.1', servername: host === '127.0.0.1' ? undefined : host, port, path: '/', ca: trust, agent: false, headers: { host } }, (res) => {
          res.resume();
          resolve(String(res.statusCode));
        })
        .on('error', (e: NodeJS.ErrnoException) => {
          resolve(e.code ?? e.message);
        });
    });
  } finally {
    server.close();
  }
}

describe('the API development certificate', () => {
  let dir: string, ca: IssuingCa;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dec-devcert-'));
    ca = makeCa(dir, 'tlsca.platform.dec.local');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a localhost server certificate issued by the CA, served with the CA in its chain, its key 0600', () => {
    const dev = devCertificate(path.join(dir, 'api-tls'), ca);
    const leaf = new X509Certificate(dev.cert);
    const root = new X509Certificate(readFileSync(ca.certFile));
    expect(leaf.checkIssued(root) && leaf.verify(root.publicKey)).to.equal(true);
    expect(leaf.ca).to.equal(false);
    expect(leaf.subjectAltName).to.equal('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(leaf.keyUsage).to.deep.equal(['1.3.6.1.5.5.7.3.1']);
    expect(dev.cert.match(/BEGIN CERTIFICATE/g)).to.have.length(2);
    expect(readFileSync(dev.caFile, 'utf8')).to.equal(readFileSync(ca.certFile, 'utf8'));
    expect(statSync(path.join(dir, 'api-tls', 'api.key')).mode & 0o777).to.equal(0o600);
  });

  it('is accepted by a client that trusts only the CA, for localhost and 127.0.0.1, and by nobody else', async () => {
    const dev = devCertificate(path.join(dir, 'api-tls'), ca);
    const trust = readFileSync(dev.caFile, 'utf8');
    expect(await handshake(dev, trust, 'localhost')).to.equal('200');
    expect(await handshake(dev, trust, '127.0.0.1')).to.equal('200');
    expect(await handshake(dev, undefined, 'localhost')).to.equal('SELF_SIGNED_CERT_IN_CHAIN');
    expect(await handshake(dev, trust, 'api.example.com')).to.equal('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('is kept while good and reissued when the network has a new TLS CA', () => {
    const first = devCertificate(path.join(dir, 'api-tls'), ca);
    expect(devCertificate(path.join(dir, 'api-tls'), ca).cert).to.equal(first.cert);
    const recreated = makeCa(mkdtempSync(path.join(dir, 'new-')), 'tlsca.platform.dec.local');
    const next = devCertificate(path.join(dir, 'api-tls'), recreated);
    expect(next.cert).to.not.equal(first.cert);
    expect(new X509Certificate(next.cert).checkIssued(new X509Certificate(readFileSync(recreated.certFile)))).to.equal(true);
  });
});
