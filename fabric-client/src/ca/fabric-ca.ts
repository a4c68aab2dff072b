/**
 * Fabric CA over its REST API (/api/v1/enroll, reenroll, register, revoke,
 * gencrl), the same protocol fabric-ca-client speaks: enroll with Basic auth
 * and a CSR; reenroll, register, revoke and gencrl with a token signed by the
 * caller's own enrollment key (`b64(cert).b64(sig)` over
 * `METHOD.b64(uri).b64(body).b64(cert)`).
 *
 * Hygiene: enrollment secrets are random (never derived from an ID or a
 * process), an identity registers for one enrollment and renews its
 * certificate by re-enrolling with the certificate itself, and no secret is
 * put on a command line or into an error message (errors name the CA's URL
 * and its own error text only).
 */
import { signers } from '@hyperledger/fabric-gateway';
import type { GatewayOrg } from '@dec/network';
import { createHash, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createKeyAndCsr } from './csr';

export interface Enrollment {
  certificate: string;
  privateKey: string;
}

export interface CaAttribute {
  name: string;
  value: string;
  ecert?: boolean;
}

export interface RegisterRequest {
  enrollmentId: string;
  secret?: string;
  type?: 'client' | 'peer' | 'admin';
  affiliation?: string;
  maxEnrollments?: number;
  attributes?: CaAttribute[];
}

/** A failure reported by the CA, with its own error codes (e.g. 74 = already registered). */
export class CaError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly caCodes: number[],
    message: string,
  ) {
    super(message);
    this.name = 'CaError';
  }
}

interface CaResponse {
  success: boolean;
  result?: Record<string, unknown>;
  errors?: { code: number; message: string }[];
}

function crlOf(res: CaResponse): string {
  const crl = res.result?.CRL;
  if (typeof crl !== 'string' || crl === '') throw new CaError(502, [], 'the CA returned no CRL');
  return Buffer.from(crl, 'base64').toString('utf8');
}

export class FabricCaClient {
  private readonly tlsRoot: Buffer;
  private readonly base: URL;

  constructor(readonly org: GatewayOrg) {
    this.tlsRoot = readFileSync(org.ca.tlsRootCertPath);
    this.base = new URL(org.ca.url);
  }

  /** Enrolls with the enrollment secret: a new P-256 key, its CSR, the issued certificate. */
  async enroll(enrollmentId: string, secret: string): Promise<Enrollment> {
    const { csrPem, privateKeyPem } = createKeyAndCsr(enrollmentId);
    const body = JSON.stringify({ certificate_request: csrPem, caname: this.org.ca.caName });
    const basic = Buffer.from(`${enrollmentId}:${secret}`).toString('base64');
    const res = await this.call('/api/v1/enroll', body, `Basic ${basic}`);
    const cert = res.result?.Cert;
    if (typeof cert !== 'string') throw new CaError(502, [], 'the CA returned no certificate');
    return { certificate: Buffer.from(cert, 'base64').toString('utf8'), privateKey: privateKeyPem };
  }

  /** A new enrollment secret: 24 random bytes. */
  static newSecret(): string {
    return randomBytes(24).toString('base64url');
  }

  /**
   * Renews a certificate: a new key and CSR, authenticated by the current
   * certificate (no secret). Works while the current certificate is valid and
   * not revoked, whatever the identity's enrollment count.
   */
  async reenroll(current: Enrollment): Promise<Enrollment> {
    // Fabric CA wants the CSR's CN to be the enrollment ID, which is the current certificate's CN.
    const cn = /(?:^|\n)CN=([^\n]+)/.exec(new X509Certificate(current.certificate).subject)?.[1];
    if (!cn) throw new CaError(400, [], 'the certificate to renew has no CN');
    const { csrPem, privateKeyPem } = createKeyAndCsr(cn);
    const body = JSON.stringify({ certificate_request: csrPem, caname: this.org.ca.caName });
    const res = await this.call('/api/v1/reenroll', body, await this.token(current, 'POST', '/api/v1/reenroll', body));
    const cert = res.result?.Cert;
    if (typeof cert !== 'string') throw new CaError(502, [], 'the CA returned no certificate');
    return { certificate: Buffer.from(cert, 'base64').toString('utf8'), privateKey: privateKeyPem };
  }

  /**
   * Registers an identity; returns its enrollment secret (random, made here
   * unless given). One enrollment by default: later certificates come from
   * reenroll, so a leaked secret cannot mint a second key pair.
   */
  async register(registrar: Enrollment, req: RegisterRequest): Promise<string> {
    const secret = req.secret ?? FabricCaClient.newSecret();
    const body = JSON.stringify({
      id: req.enrollmentId,
      type: req.type ?? 'client',
      secret,
      affiliation: req.affiliation ?? `${this.org.name}.users`,
      max_enrollments: req.maxEnrollments ?? 1,
      attrs: (req.attributes ?? []).map((a) => ({ name: a.name, value: a.value, ecert: a.ecert ?? true })),
      caname: this.org.ca.caName,
    });
    const res = await this.call('/api/v1/register', body, await this.token(registrar, 'POST', '/api/v1/register', body));
    const issued = res.result?.secret;
    if (typeof issued !== 'string') throw new CaError(502, [], 'the CA returned no enrollment secret');
    return issued;
  }

  /**
   * Revokes every certificate of `enrollmentId` (the identity can no longer
   * enroll or re-enroll) and returns the CA's new CRL (PEM), which the org's
   * channel MSP needs for peers and orderers to refuse the certificates too.
   */
  async revoke(registrar: Enrollment, enrollmentId: string, reason = 'unspecified'): Promise<string> {
    const body = JSON.stringify({ id: enrollmentId, reason, caname: this.org.ca.caName, gencrl: true });
    const res = await this.call('/api/v1/revoke', body, await this.token(registrar, 'POST', '/api/v1/revoke', body));
    return crlOf(res);
  }

  /** The CA's current CRL (PEM), signed by the CA; needs hf.GenCRL. */
  async generateCrl(registrar: Enrollment): Promise<string> {
    const body = JSON.stringify({ caname: this.org.ca.caName });
    return crlOf(await this.call('/api/v1/gencrl', body, await this.token(registrar, 'POST', '/api/v1/gencrl', body)));
  }

  private async token(registrar: Enrollment, method: string, uri: string, body: string): Promise<string> {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    const b64cert = b64(registrar.certificate);
    const payload = `${method}.${b64(uri)}.${b64(body)}.${b64cert}`;
    const digest = createHash('sha256').update(payload).digest();
    // fabric-gateway's signer produces the low-S DER signature Fabric's BCCSP insists on.
    const signature = await signers.newPrivateKeySigner(createPrivateKey(registrar.privateKey))(digest);
    return `${b64cert}.${Buffer.from(signature).toString('base64')}`;
  }

  private call(uri: string, body: string, authorization: string): Promise<CaResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          protocol: 'https:',
          hostname: this.base.hostname,
          port: this.base.port,
          path: uri,
          method: 'POST',
          ca: this.tlsRoot,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization },
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: CaResponse;
            try {
              parsed = JSON.parse(text) as CaResponse;
            } catch {
              reject(new CaError(res.statusCode ?? 502, [], `the CA answered ${res.statusCode}: ${text.slice(0, 200)}`));
              return;
            }
            if (!parsed.success) {
              const errors = parsed.errors ?? [];
              reject(new CaError(res.statusCode ?? 500, errors.map((e) => e.code), errors.map((e) => e.message).join('; ') || 'CA request failed'));
              return;
            }
            resolve(parsed);
          });
        },
      );
      req.on('timeout', () => {
        req.destroy(new Error(`CA ${this.org.ca.url} did not answer in time`));
      });
      req.on('error', (e) => {
        reject(new CaError(503, [], `CA ${this.org.ca.url} unreachable: ${e.message}`));
      });
      req.end(body);
    });
  }
}
