/**
 * Fabric CA over its REST API (/api/v1/enroll, register, revoke), the same
 * protocol fabric-ca-client speaks: enroll with Basic auth and a CSR; register
 * and revoke with a token signed by the calling registrar's own enrollment key
 * (`b64(cert).b64(sig)` over `METHOD.b64(uri).b64(body).b64(cert)`).
 */
import { signers } from '@hyperledger/fabric-gateway';
import type { GatewayOrg } from '@dec/network';
import { createHash, createPrivateKey } from 'node:crypto';
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

  /** Registers an identity; returns its enrollment secret. */
  async register(registrar: Enrollment, req: RegisterRequest): Promise<string> {
    const body = JSON.stringify({
      id: req.enrollmentId,
      type: req.type ?? 'client',
      secret: req.secret,
      affiliation: req.affiliation ?? `${this.org.name}.users`,
      max_enrollments: req.maxEnrollments ?? 0,
      attrs: (req.attributes ?? []).map((a) => ({ name: a.name, value: a.value, ecert: a.ecert ?? true })),
      caname: this.org.ca.caName,
    });
    const res = await this.call('/api/v1/register', body, await this.token(registrar, 'POST', '/api/v1/register', body));
    const secret = res.result?.secret;
    if (typeof secret !== 'string') throw new CaError(502, [], 'the CA returned no enrollment secret');
    return secret;
  }

  /** Revokes every certificate of `enrollmentId` (the identity can no longer enroll). */
  async revoke(registrar: Enrollment, enrollmentId: string, reason = 'unspecified'): Promise<void> {
    const body = JSON.stringify({ id: enrollmentId, reason, caname: this.org.ca.caName, gencrl: false });
    await this.call('/api/v1/revoke', body, await this.token(registrar, 'POST', '/api/v1/revoke', body));
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
