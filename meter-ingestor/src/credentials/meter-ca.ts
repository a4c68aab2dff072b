/**
 * The meter CA: a small certificate authority of its own, kept in one folder
 * and run with the openssl CLI, that issues the certificates meters, the
 * ingestor and the broker present to each other over MQTT/TLS, revokes them
 * (a CRL), and writes the broker's access policy (ACL).
 *
 * Why its own CA and not an org's Fabric CA: a certificate from a Fabric CA
 * trusted by an org's channel MSP is a member of that org on the channel. A
 * meter (or whoever extracts its key) must be able to reach the broker and
 * nothing else, so meter certificates come from a CA no MSP trusts.
 *
 * Identities (a certificate's subject is exactly CN=<name>, set by the CA,
 * never copied from a request):
 *   eid:d:<32 hex>        a meter: publishes its own readings, reads its own verdicts
 *   dec-meter-ingestor    the ingestor: reads every meter's readings, writes verdicts
 *   dec-verdict-monitor   tools and tests watching every verdict (read only)
 * The broker maps the CN to the MQTT username and the username to the client
 * ID (test-network/src/broker), so nobody can take another identity's session.
 *
 *   <dir>/ca.key ca.crt openssl.cnf index.txt serial crlnumber issued/
 *   <dir>/crl.pem    revoked certificates (the broker's crlfile)
 *   <dir>/acl        the broker's acl_file (roles, meters' own topics, revoked names denied)
 *   <dir>/broker/    the broker's server key and certificate (CN localhost, SAN 127.0.0.1)
 *   <dir>/services/  key and certificate of the ingestor and the monitor
 * openssl runs synchronously: one process's CA operations never interleave
 * (two processes issuing at the same instant could; the gateway and this
 * package's CLI are the only issuers).
 */
import { createKeyAndCsr } from '@dec/fabric-client';
import { REPO_ROOT } from '@dec/network';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brokerAcl, CA_DAYS, caConfig } from './ca-files';
import { INGESTOR_IDENTITY_NAME, MONITOR_IDENTITY_NAME } from './names';

export const INGESTOR_IDENTITY = INGESTOR_IDENTITY_NAME;
export const MONITOR_IDENTITY = MONITOR_IDENTITY_NAME;
export const SERVICE_IDENTITIES = [INGESTOR_IDENTITY, MONITOR_IDENTITY] as const;
export type ServiceIdentity = (typeof SERVICE_IDENTITIES)[number];

const METER_EID = /^eid:d:[0-9a-f]{32}$/;

/** A key, its certificate and the CA that issued it (PEM), as MQTT.js and node:tls take them. */
export interface TlsMaterial {
  key: string;
  cert: string;
  ca: string;
}

/** The files the broker reads: server key and certificate, CA to check clients against, CRL and ACL. */
export interface BrokerAccessFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
  crlFile: string;
  aclFile: string;
}

/** The CA folder unless told otherwise: $DEC_METER_CA_DIR, else <run dir>/meter-ca. */
export function defaultMeterCaDir(): string {
  return process.env.DEC_METER_CA_DIR ?? path.join(process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, '.run'), 'meter-ca');
}

/** Whether `name` is a meter's device eID (eid:d:<32 hex>). */
export function isMeterEid(name: string): boolean {
  return METER_EID.test(name);
}

/** Whether `name` may be a certificate's CN: a meter eID or one of the service identities. */
export function isIssuableName(name: string): boolean {
  return METER_EID.test(name) || (SERVICE_IDENTITIES as readonly string[]).includes(name);
}

function openssl(args: string[], input?: string): string {
  try {
    return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    const lines = ((e as { stderr?: Buffer }).stderr?.toString() ?? '').split('\n').filter((l) => l && !l.startsWith('Using configuration'));
    throw new Error(`openssl ${args[0] ?? ''} failed${lines[0] ? `: ${lines[0]}` : ''}`);
  }
}

export class MeterCa {
  private constructor(readonly dir: string) {}

  /**
   * The CA in `dir`, created (CA key, broker and service certificates, empty CRL, ACL) if the folder has
   * none yet. A CRL older than a day is rewritten, so a broker (re)started from this folder never reads an
   * expired one.
   */
  static open(dir = defaultMeterCaDir()): MeterCa {
    const ca = new MeterCa(dir);
    if (!existsSync(ca.file('ca.crt'))) ca.create();
    else if (Date.now() - statSync(ca.file('crl.pem')).mtimeMs > 86_400_000) ca.writeRevocations();
    return ca;
  }

  /** The PEM of the CA certificate: what meters and the ingestor trust the broker by, and the broker trusts clients by. */
  get caPem(): string {
    return readFileSync(this.file('ca.crt'), 'utf8');
  }

  brokerFiles(): BrokerAccessFiles {
    return { caFile: this.file('ca.crt'), certFile: this.file('broker/server.crt'), keyFile: this.file('broker/server.key'), crlFile: this.file('crl.pem'), aclFile: this.file('acl') };
  }

  /** The ingestor's or the monitor's key and certificate. */
  serviceCredentials(identity: ServiceIdentity): TlsMaterial {
    return { key: readFileSync(this.file(`services/${identity}.key`), 'utf8'), cert: readFileSync(this.file(`services/${identity}.crt`), 'utf8'), ca: this.caPem };
  }

  /**
   * A client certificate for `name` from a PKCS#10 request whose signature checks and whose subject is
   * exactly CN=<name>: the requester holds the key, the CA only sees its public half.
   */
  issueFromCsr(name: string, csrPem: string): string {
    if (!isIssuableName(name)) throw new Error(`name ${JSON.stringify(name)} is neither a meter eID (eid:d:<32 hex>) nor a service identity`);
    if (!/^-----BEGIN CERTIFICATE REQUEST-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE REQUEST-----\s*$/.test(csrPem)) throw new Error('csr: not a PEM certificate request');
    const subject = openssl(['req', '-noout', '-verify', '-subject', '-nameopt', 'RFC2253'], csrPem).trim();
    if (subject !== `subject=CN=${name}`) throw new Error(`csr: subject must be exactly CN=${name} (got ${subject.replace(/^subject=/, '')})`);
    return this.sign(name, 'client', csrPem);
  }

  /** `openssl ca` on a request (through files: it cannot read a pipe); the subject is the CA's choice, CN=<name> only. */
  private sign(name: string, extensions: 'client' | 'server', csrPem: string): string {
    const base = this.file(`issued/request-${process.pid}-${randomBytes(6).toString('hex')}`);
    writeFileSync(`${base}.csr`, csrPem);
    try {
      openssl(['ca', '-batch', '-config', this.file('openssl.cnf'), '-extensions', extensions, '-subj', `/CN=${name}`, '-notext', '-in', `${base}.csr`, '-out', `${base}.crt`]);
      return readFileSync(`${base}.crt`, 'utf8');
    } finally {
      rmSync(`${base}.csr`, { force: true });
      rmSync(`${base}.crt`, { force: true });
    }
  }

  /** A fresh P-256 key and its certificate for `name` (the command line's way, and the simulator's). */
  issueWithNewKey(name: string): TlsMaterial {
    const { privateKeyPem, csrPem } = createKeyAndCsr(name);
    return { key: privateKeyPem, cert: this.issueFromCsr(name, csrPem), ca: this.caPem };
  }

  /** Revokes every valid certificate of `name`, rewrites the CRL and the ACL (name denied); the number revoked. Reload the broker after. */
  revoke(name: string): number {
    if (!isIssuableName(name)) throw new Error(`name ${JSON.stringify(name)} is neither a meter eID nor a service identity`);
    const serials = this.index().filter((e) => e.status === 'V' && e.subject === `/CN=${name}`).map((e) => e.serial);
    for (const serial of serials) openssl(['ca', '-config', this.file('openssl.cnf'), '-revoke', this.file(`issued/${serial}.pem`), '-crl_reason', 'cessationOfOperation']);
    this.writeRevocations();
    return serials.length;
  }

  /** Names with at least one revoked certificate. */
  revokedNames(): string[] {
    return [...new Set(this.index().filter((e) => e.status === 'R').map((e) => e.subject.replace(/^\/CN=/, '')))].sort();
  }

  /** A fresh CRL and the ACL. A CRL expires after CRL_DAYS (ca-files.ts) and the broker then refuses every client: rewrite it before starting the broker. */
  writeRevocations(): void {
    openssl(['ca', '-config', this.file('openssl.cnf'), '-gencrl', '-out', this.file('crl.pem')]);
    writeFileSync(this.file('acl'), brokerAcl(this.revokedNames()));
  }

  private file(rel: string): string {
    return path.join(this.dir, rel);
  }

  private index(): { status: string; serial: string; subject: string }[] {
    return readFileSync(this.file('index.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const f = line.split('\t');
        return { status: f[0] ?? '', serial: f[3] ?? '', subject: f[5] ?? '' };
      });
  }

  private create(): void {
    for (const sub of ['issued', 'broker', 'services']) mkdirSync(this.file(sub), { recursive: true, mode: 0o700 });
    writeFileSync(this.file('openssl.cnf'), caConfig(this.dir));
    writeFileSync(this.file('index.txt'), '');
    writeFileSync(this.file('serial'), '1000\n');
    writeFileSync(this.file('crlnumber'), '1000\n');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', this.file('ca.key'), '-out', this.file('ca.crt'), '-days', String(CA_DAYS), '-subj', '/CN=DEC meter CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    const server = createKeyAndCsr('localhost');
    writeFileSync(this.file('broker/server.key'), server.privateKeyPem, { mode: 0o600 });
    writeFileSync(this.file('broker/server.crt'), this.sign('localhost', 'server', server.csrPem));
    for (const identity of SERVICE_IDENTITIES) {
      const m = this.issueWithNewKey(identity);
      writeFileSync(this.file(`services/${identity}.key`), m.key, { mode: 0o600 });
      writeFileSync(this.file(`services/${identity}.crt`), m.cert);
    }
    this.writeRevocations();
  }
}
