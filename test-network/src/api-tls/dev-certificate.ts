/**
 * A development HTTPS certificate for the gateway API, issued by the network's
 * own CA tooling: the platform org's TLS CA (made by cryptogen with the rest
 * of the crypto), whose root clients already trust for the peers' TLS. Not the
 * org's signing CA: a certificate from that CA would be a PlatformMSP member
 * on the channels, and the API's server key must not be able to sign as one.
 * The certificate is for localhost, 127.0.0.1 and ::1 only (server auth, 30
 * days) and is reissued when it is missing, near its end, or not from the
 * running network's TLS CA (a recreated network has a new one).
 *
 *   <dir>/api.crt   the certificate followed by the TLS CA (the chain the API serves)
 *   <dir>/api.key   its private key (0600)
 *   <dir>/ca.pem    the TLS CA to trust (curl --cacert, NODE_EXTRA_CA_CERTS, a browser)
 */
import { createKeyAndCsr } from '@dec/fabric-client';
import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevCertificate {
  cert: string;
  key: string;
  /** The CA file a client trusts to reach the API. */
  caFile: string;
}

export interface IssuingCa {
  certFile: string;
  keyFile: string;
}

const DAYS = 30;
const RENEW_BEFORE_MS = 7 * 86_400_000;
const EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth',
  'subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
].join('\n');

/** The TLS CA of the platform org (cryptogen writes its key beside its certificate as priv_sk). */
export function platformTlsCa(tlsCaCert: string): IssuingCa {
  return { certFile: tlsCaCert, keyFile: path.join(path.dirname(tlsCaCert), 'priv_sk') };
}

function stillGood(dir: string, ca: X509Certificate): DevCertificate | undefined {
  const files = { cert: path.join(dir, 'api.crt'), key: path.join(dir, 'api.key'), caFile: path.join(dir, 'ca.pem') };
  if (!Object.values(files).every((f) => existsSync(f))) return undefined;
  const cert = readFileSync(files.cert, 'utf8');
  const leaf = new X509Certificate(cert);
  if (!leaf.verify(ca.publicKey) || !leaf.checkIssued(ca)) return undefined;
  if (new Date(leaf.validTo).getTime() - RENEW_BEFORE_MS < Date.now()) return undefined;
  return { cert, key: readFileSync(files.key, 'utf8'), caFile: files.caFile };
}

/** Signs a new localhost server certificate with `ca` into `dir` (openssl x509 -req, through files). */
function issue(dir: string, ca: IssuingCa): DevCertificate {
  const { csrPem, privateKeyPem } = createKeyAndCsr('localhost');
  const work = path.join(dir, 'work');
  mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path.join(work, 'api.csr'), csrPem);
    writeFileSync(path.join(work, 'ext.cnf'), EXTENSIONS);
    execFileSync('openssl', [
      'x509', '-req', '-in', path.join(work, 'api.csr'), '-CA', ca.certFile, '-CAkey', ca.keyFile,
      '-set_serial', `0x${randomBytes(16).toString('hex')}`, '-days', String(DAYS), '-sha256',
      '-extfile', path.join(work, 'ext.cnf'), '-out', path.join(work, 'api.crt'),
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chain = `${readFileSync(path.join(work, 'api.crt'), 'utf8').trim()}\n${readFileSync(ca.certFile, 'utf8').trim()}\n`;
    writeFileSync(path.join(dir, 'api.key'), privateKeyPem, { mode: 0o600 });
    writeFileSync(path.join(dir, 'api.crt'), chain);
    copyFileSync(ca.certFile, path.join(dir, 'ca.pem'));
    return { cert: chain, key: privateKeyPem, caFile: path.join(dir, 'ca.pem') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The API's development certificate in `dir`: the one there if still good, else a new one from `ca`. */
export function devCertificate(dir: string, ca: IssuingCa): DevCertificate {
  mkdirSync(dir, { recursive: true });
  return stillGood(dir, new X509Certificate(readFileSync(ca.certFile))) ?? issue(dir, ca);
}
