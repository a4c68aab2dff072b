/**
 * OCPP security profile 2 needs the CSMS to listen on TLS (>= 1.2) with a
 * server certificate the chargers trust. This makes one with the openssl
 * command line (no extra dependency): an EC P-256 key and a certificate for
 * the given host names and addresses, signed by a CA the caller hands in (the
 * org's Fabric TLS CA: `tlsca/tlsca.<domain>-cert.pem` + `tlsca/priv_sk` from
 * the network's crypto material) or, without one, a generated self-signed CA.
 * Chargers are given `ca` to verify the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ServerTls {
  cert: string;
  key: string;
  /** The CA certificate a charger must trust to connect. */
  ca: string;
}

export interface SigningCa {
  cert: string;
  key: string;
}

/** The org's Fabric TLS CA from its crypto-material folder (the folder holding `tlsca/`). */
export function fabricTlsCa(tlsCaCertFile: string): SigningCa {
  return { cert: readFileSync(tlsCaCertFile, 'utf8'), key: readFileSync(path.join(path.dirname(tlsCaCertFile), 'priv_sk'), 'utf8') };
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A server certificate (1 day, serverAuth) for `hosts`, signed by `ca` or by a fresh self-signed CA. */
export function makeServerTls(hosts: readonly string[] = ['localhost', '127.0.0.1'], ca?: SigningCa): ServerTls {
  if (hosts.length === 0) throw new Error('hosts: name at least one host name or address');
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-tls-'));
  try {
    if (ca) {
      writeFileSync(path.join(dir, 'ca.pem'), ca.cert);
      writeFileSync(path.join(dir, 'ca.key'), ca.key, { mode: 0o600 });
    } else {
      openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=DEC CSMS test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    }
    const san = hosts.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
    writeFileSync(path.join(dir, 'ext.cnf'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyAgreement\nbasicConstraints=CA:FALSE\n`);
    openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${hosts[0]}`]);
    openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf']);
    return { cert: readFileSync(path.join(dir, 'server.pem'), 'utf8'), key: readFileSync(path.join(dir, 'server.key'), 'utf8'), ca: readFileSync(path.join(dir, 'ca.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
