/**
 * CRLs an attacker could try to slip into an org's channel MSP, made with
 * OpenSSL: a forged one (an empty list, which would un-revoke everything,
 * signed by the attacker's own key under a CA certificate copying the real
 * CA's name and key ID, so only the signature gives it away), and an edited
 * one (the real CRL with its issue time changed after signing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const openssl = (args: string[], input?: string): string => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();

/** An empty CRL naming the real CRL's issuer and authority key ID, signed by a key the attacker made. */
export function forgedCrl(realCrl: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-forged-crl-'));
  try {
    const issuer = openssl(['crl', '-noout', '-issuer', '-nameopt', 'compat'], realCrl).replace(/^issuer=/, '').trim();
    const text = openssl(['crl', '-noout', '-text'], realCrl);
    const aki = /Authority Key Identifier:\s*\n\s*(?:keyid:)?(\S+)/.exec(text)![1]!;
    const f = (name: string) => path.join(dir, name);
    writeFileSync(f('index.txt'), '');
    writeFileSync(f('crlnumber'), '1000\n');
    writeFileSync(
      f('ca.cnf'),
      [
        '[ req ]', 'distinguished_name = dn', 'x509_extensions = v3', '[ dn ]',
        '[ v3 ]', `subjectKeyIdentifier = ${aki}`, 'basicConstraints = critical, CA:true', 'keyUsage = critical, cRLSign, keyCertSign',
        '[ ca ]', 'default_ca = fake', '[ fake ]', `database = ${f('index.txt')}`, `crlnumber = ${f('crlnumber')}`,
        'default_md = sha256', 'default_crl_days = 1', 'crl_extensions = crl_ext', '[ crl_ext ]', 'authorityKeyIdentifier = keyid:always',
      ].join('\n'),
    );
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('key.pem')]);
    openssl(['req', '-config', f('ca.cnf'), '-x509', '-new', '-key', f('key.pem'), '-subj', issuer, '-days', '2', '-out', f('ca.pem')]);
    openssl(['ca', '-config', f('ca.cnf'), '-gencrl', '-keyfile', f('key.pem'), '-cert', f('ca.pem'), '-out', f('crl.pem')]);
    return readFileSync(f('crl.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real CRL with one digit of its issue time (the first UTCTime) changed: still well-formed, no longer what the CA signed. */
export function editedCrl(realCrl: string): string {
  const der = Buffer.from(realCrl.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s/g, ''), 'base64');
  const at = der.indexOf(Buffer.from([0x17, 0x0d]));
  if (at < 0) throw new Error('the CRL has no UTCTime to edit');
  const secondsDigit = at + 2 + 11;
  der[secondsDigit] = der[secondsDigit] === 0x30 ? 0x31 : 0x30;
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN X509 CRL-----\n${b64.trimEnd()}\n-----END X509 CRL-----\n`;
}
