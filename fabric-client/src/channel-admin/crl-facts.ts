/**
 * Reading and checking a certificate revocation list before it goes into an
 * org's channel MSP. Fabric's MSP uses a CRL only for certificates of the CA
 * whose subject key ID equals the CRL's authority key ID, and only if that CA
 * signed it (checked when a revoked serial is found, silently skipped
 * otherwise); so a CRL that is forged, edited or from another CA would be
 * accepted into the channel config and then protect nothing. It is refused
 * before anything is proposed. OpenSSL (the CLI) parses and verifies: Node's
 * crypto has no CRL support. Shared by the gateway (which publishes the CRL
 * when an admin revokes) and `consortium propose-crl`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A CRL refused before anything is proposed: what is wrong, and what to do. */
export class CrlRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'CrlRefusedError';
  }
}

export interface CrlFacts {
  issuer: string;
  /** The CRL's authority key ID, upper-case hex without separators. */
  authorityKeyId: string;
  lastUpdate: Date;
  /** Revoked serial numbers, upper-case hex without leading zeros. */
  serials: string[];
}

const hex = (s: string): string => s.replace(/keyid:/i, '').replace(/[:\s]/g, '').toUpperCase();
const serial = (s: string): string => hex(s).replace(/^0+(?=.)/, '');

/** Runs openssl on `pem` written to a scratch file; `extra` files are written beside it. */
async function openssl(args: (file: string, extra: string[]) => string[], pem: string, extra: string[] = []): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-crl-'));
  try {
    const file = path.join(dir, 'in.pem');
    writeFileSync(file, pem);
    const extraFiles = extra.map((content, i) => {
      const f = path.join(dir, `extra-${i}.pem`);
      writeFileSync(f, content);
      return f;
    });
    return await new Promise<string>((resolve, reject) => {
      execFile('openssl', args(file, extraFiles), (err, stdout, stderr) => {
        if (err) reject(new Error(`openssl ${args(file, extraFiles)[0] ?? ''} failed: ${(stderr || stdout || err.message).trim()}`));
        else resolve(stdout + stderr);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function facts(text: string): CrlFacts {
  const issuer = /Issuer: (.+)/.exec(text)?.[1]?.trim();
  const aki = /Authority Key Identifier:\s*\n\s*(\S+)/.exec(text)?.[1];
  const lastUpdate = /Last Update: (.+)/.exec(text)?.[1]?.trim();
  if (!issuer || !lastUpdate) throw new CrlRefusedError('the CRL could not be read (no issuer or last update)', "pass the PEM CRL the org's Fabric CA issued");
  if (!aki) throw new CrlRefusedError('the CRL has no authority key identifier, so Fabric would never match it to a CA', "pass a CRL issued by the org's Fabric CA (gencrl)");
  const serials = [...text.matchAll(/Serial Number: ([0-9A-Fa-f:]+)/g)].map((m) => serial(m[1] ?? ''));
  return { issuer, authorityKeyId: hex(aki), lastUpdate: new Date(lastUpdate), serials };
}

/** Parses a PEM CRL; refuses anything else. */
export async function readCrl(pem: string): Promise<CrlFacts> {
  if (!/^-----BEGIN X509 CRL-----[\s\S]+-----END X509 CRL-----\s*$/.test(pem)) {
    throw new CrlRefusedError('the file is not one PEM certificate revocation list', "pass the PEM CRL the org's Fabric CA issued (-----BEGIN X509 CRL-----)");
  }
  const text = await openssl((f) => ['crl', '-in', f, '-noout', '-text'], pem).catch(() => {
    throw new CrlRefusedError('the CRL could not be parsed', "pass the PEM CRL the org's Fabric CA issued, unedited");
  });
  return facts(text);
}

/** The subject key ID of a CA certificate (upper-case hex), or undefined when it has none. */
export async function subjectKeyId(certPem: string): Promise<string | undefined> {
  const text = await openssl((f) => ['x509', '-in', f, '-noout', '-ext', 'subjectKeyIdentifier'], certPem);
  const value = /Subject Key Identifier:\s*\n\s*(\S+)/.exec(text)?.[1];
  return value === undefined ? undefined : hex(value);
}

/** Whether `caPem`'s key signed the CRL. */
export async function crlSignedBy(crlPem: string, caPem: string): Promise<boolean> {
  const out = await openssl((f, [ca = '']) => ['crl', '-in', f, '-noout', '-CAfile', ca], crlPem, [caPem]).catch((e: unknown) => String(e));
  return /verify OK/.test(out) && !/verify failure/.test(out);
}
