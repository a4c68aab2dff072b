/**
 * API identities. Each API user is its own Fabric identity, registered and
 * enrolled at its org's Fabric CA; the gateway keeps the certificate and the
 * private key (sealed with AES-256-GCM) and hands the user an API key
 * (`dec_<keyId>_<secret>`, stored only as a SHA-256 hash). Org admins of the
 * API are CA identities too, with registrar and revoker rights at their CA, so
 * register and revoke calls to the CA are signed by the admin who asks.
 * At first start, one admin per org is enrolled with the CA's bootstrap
 * registrar, and its API key is written to `<data dir>/admin-keys.json` (0600).
 * A revocation also publishes the CA's new CRL into the org's MSP on each of
 * its channels, signed by the org's channel admin (the gateway config's
 * `admin`), so the peers refuse the certificate too, not only this API.
 */
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';
import { createHash, randomBytes, randomUUID, timingSafeEqual, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CaError, FabricCaClient, publishCrl, type CaAttribute, type CrlPublication, type Enrollment } from '@dec/fabric-client';
import { ApiError } from '../http/errors';
import { nowIso, type Db } from '../store/db';
import type { SecretBox } from '../store/secrets';

export type ApiRole = 'admin' | 'user';
export type IdentityStatus = 'registered' | 'active' | 'revoked';

export interface IdentityRecord {
  id: string;
  mspId: string;
  enrollmentId: string;
  apiRole: ApiRole;
  attributes: Record<string, string>;
  certificate?: string;
  status: IdentityStatus;
  createdAt: string;
  revokedAt?: string;
}

/** An authenticated caller: who signs, for which org. */
export interface Caller extends IdentityRecord {
  certificate: string;
  /** Decrypted on demand, never stored in the clear. */
  privateKey(): string;
}

interface IdentityRow {
  id: string;
  msp_id: string;
  enrollment_id: string;
  api_role: ApiRole;
  attributes: string;
  certificate: string | null;
  private_key: string | null;
  status: IdentityStatus;
  created_at: string;
  revoked_at: string | null;
}

/** Attributes an admin may put in a certificate (hf.* are the CA's own). */
export const ATTRIBUTE_NAME = /^(?!hf\.)[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const API_KEY = /^dec_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ADMIN_ATTRIBUTES: CaAttribute[] = [
  { name: 'hf.Registrar.Roles', value: 'client', ecert: false },
  { name: 'hf.Registrar.Attributes', value: '*', ecert: false },
  { name: 'hf.Revoker', value: 'true', ecert: false },
  { name: 'hf.GenCRL', value: 'true', ecert: false },
  { name: 'role', value: 'api-admin', ecert: true },
];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class IdentityService {
  private readonly cas = new Map<string, FabricCaClient>();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly config: GatewayNetworkConfig,
  ) {}

  org(mspId: string): GatewayOrg {
    const org = this.config.orgs.find((o) => o.mspId === mspId);
    if (!org) throw new ApiError('NOT_FOUND', `unknown org ${mspId}`);
    return org;
  }

  private ca(mspId: string): FabricCaClient {
    let ca = this.cas.get(mspId);
    if (!ca) {
      ca = new FabricCaClient(this.org(mspId));
      this.cas.set(mspId, ca);
    }
    return ca;
  }

  /**
   * Makes sure every org has an active API admin; enrolls missing ones with the
   * CA's bootstrap registrar. Returns the API keys of admins created now.
   */
  async bootstrapAdmins(): Promise<Record<string, string>> {
    const created: Record<string, string> = {};
    for (const org of this.config.orgs) {
      const existing = this.db.prepare(`SELECT id FROM identities WHERE msp_id = ? AND api_role = 'admin' AND status = 'active' LIMIT 1`).get(org.mspId);
      if (existing) continue;
      const ca = this.ca(org.mspId);
      const registrar = await ca.enroll(org.ca.registrarId, readFileSync(org.ca.registrarSecretPath, 'utf8').trim());
      const enrollmentId = `gateway-admin-${randomBytes(4).toString('hex')}`;
      const secret = await ca.register(registrar, { enrollmentId, affiliation: `${org.name}.users`, attributes: ADMIN_ATTRIBUTES });
      const enrollment = await ca.enroll(enrollmentId, secret);
      const id = this.insert(org.mspId, enrollmentId, 'admin', { role: 'api-admin' });
      this.activate(id, enrollment);
      created[org.mspId] = this.issueApiKey(id);
    }
    return created;
  }

  /** Registers (and by default enrolls) a user of the admin's own org. */
  async register(
    admin: Caller,
    req: { enrollmentId: string; apiRole: ApiRole; attributes: Record<string, string>; enroll: boolean },
  ): Promise<{ identity: IdentityRecord; apiKey?: string; enrollmentSecret?: string }> {
    const attrs: CaAttribute[] = Object.entries(req.attributes).map(([name, value]) => ({ name, value, ecert: true }));
    if (req.apiRole === 'admin') attrs.push(...ADMIN_ATTRIBUTES.filter((a) => !(a.name in req.attributes)));
    const org = this.org(admin.mspId);
    const secret = await this.ca(admin.mspId).register(this.enrollmentOf(admin), {
      enrollmentId: req.enrollmentId,
      affiliation: `${org.name}.users`,
      attributes: attrs,
    });
    const id = this.insert(admin.mspId, req.enrollmentId, req.apiRole, req.apiRole === 'admin' ? { role: 'api-admin', ...req.attributes } : req.attributes);
    if (!req.enroll) return { identity: this.get(admin.mspId, req.enrollmentId), enrollmentSecret: secret };
    const enrollment = await this.ca(admin.mspId).enroll(req.enrollmentId, secret);
    this.activate(id, enrollment);
    return { identity: this.get(admin.mspId, req.enrollmentId), apiKey: this.issueApiKey(id) };
  }

  /** Enrolls a registered identity with its enrollment secret (new key pair), and issues a new API key. */
  async enroll(mspId: string, enrollmentId: string, secret: string): Promise<{ identity: IdentityRecord; apiKey: string }> {
    const row = this.row(mspId, enrollmentId);
    if (row.status === 'revoked') throw new ApiError('CONFLICT', `identity ${enrollmentId} is revoked`);
    if (row.status === 'active') throw new ApiError('CONFLICT', `identity ${enrollmentId} is already enrolled; its certificate is renewed by re-enrollment`);
    const enrollment = await this.ca(mspId).enroll(enrollmentId, secret).catch((e: unknown) => {
      if (e instanceof CaError && e.caCodes.includes(20)) throw new ApiError('ACCESS_DENIED', 'the CA refused the enrollment secret');
      throw e;
    });
    this.activate(row.id, enrollment);
    this.db.prepare(`UPDATE api_keys SET revoked_at = ? WHERE identity_id = ? AND revoked_at IS NULL`).run(nowIso(), row.id);
    return { identity: this.get(mspId, enrollmentId), apiKey: this.issueApiKey(row.id) };
  }

  /**
   * Renews an active identity's certificate by re-enrolling with the current
   * one (new key pair; the API keys stay valid). Returns the new certificate.
   */
  async reenroll(id: string): Promise<string> {
    const caller = this.callerById(id);
    const enrollment = await this.ca(caller.mspId).reenroll(this.enrollmentOf(caller));
    this.activate(id, enrollment);
    return enrollment.certificate;
  }

  /** Active identities whose certificate ends before `before`. */
  expiringBefore(before: Date): { id: string; notAfter: Date }[] {
    const rows = this.db.prepare(`SELECT id, certificate FROM identities WHERE status = 'active' AND certificate IS NOT NULL`).all() as { id: string; certificate: string }[];
    return rows.map((r) => ({ id: r.id, notAfter: new Date(new X509Certificate(r.certificate).validTo) })).filter((r) => r.notAfter < before);
  }

  /** The latest CRL each org's CA issued on a revocation here (PEM), for the org's channel MSP. */
  latestCrl(mspId: string): string | undefined {
    return (this.db.prepare(`SELECT crl FROM crls WHERE msp_id = ?`).get(mspId) as { crl: string } | undefined)?.crl;
  }

  /**
   * Revokes at the CA (signed by the admin), disables every API key of the identity, and puts the
   * CA's new CRL into the org's MSP on each of its channels (`crl.channels` says where it is in
   * effect; a channel that failed can be done by hand with `consortium propose-crl`).
   */
  async revoke(admin: Caller, enrollmentId: string, reason: string): Promise<IdentityRecord & { crl?: { channels: CrlPublication[] } }> {
    const row = this.row(admin.mspId, enrollmentId);
    if (row.id === admin.id) throw new ApiError('CONFLICT', 'an admin cannot revoke itself');
    if (row.status === 'revoked') throw new ApiError('CONFLICT', `identity ${enrollmentId} is already revoked`);
    const crl = await this.ca(admin.mspId).revoke(this.enrollmentOf(admin), enrollmentId, reason).catch((e: unknown) => {
      // Registered but never enrolled: nothing to revoke at the CA; still disable it here.
      if (!(e instanceof CaError && e.caCodes.includes(48))) throw e;
      return undefined;
    });
    if (crl)
      this.db
        .prepare(`INSERT INTO crls (msp_id, crl, updated_at) VALUES (?, ?, ?) ON CONFLICT (msp_id) DO UPDATE SET crl = excluded.crl, updated_at = excluded.updated_at`)
        .run(admin.mspId, crl, nowIso());
    const at = nowIso();
    this.db.transaction(() => {
      this.db.prepare(`UPDATE identities SET status = 'revoked', revoked_at = ? WHERE id = ?`).run(at, row.id);
      this.db.prepare(`UPDATE api_keys SET revoked_at = ? WHERE identity_id = ? AND revoked_at IS NULL`).run(at, row.id);
    })();
    const record = this.get(admin.mspId, enrollmentId);
    return crl ? { ...record, crl: { channels: await this.publish(admin.mspId, crl) } } : record;
  }

  /** The CRL into the org's channel MSPs; a failure is reported per channel, never undoes the revocation. */
  private async publish(mspId: string, crl: string): Promise<CrlPublication[]> {
    try {
      return await publishCrl(this.config, mspId, crl);
    } catch (e) {
      return this.org(mspId).channels.map((c) => ({ channel: c.name, status: 'failed' as const, error: (e as Error).message }));
    }
  }

  list(mspId: string): IdentityRecord[] {
    const rows = this.db.prepare(`SELECT * FROM identities WHERE msp_id = ? ORDER BY created_at, enrollment_id`).all(mspId) as IdentityRow[];
    return rows.map(toRecord);
  }

  get(mspId: string, enrollmentId: string): IdentityRecord {
    return toRecord(this.row(mspId, enrollmentId));
  }

  /** The caller behind an API key, or a 401. */
  authenticate(apiKey: string | undefined): Caller {
    if (!apiKey) throw new ApiError('UNAUTHENTICATED', 'missing API key (Authorization: Bearer <key> or X-API-Key)');
    const key = this.apiKey(apiKey);
    const row = this.db.prepare(`SELECT * FROM identities WHERE id = ?`).get(key.identity_id) as IdentityRow | undefined;
    if (!row || row.status === 'revoked') throw new ApiError('UNAUTHENTICATED', 'this identity is revoked');
    if (key.revoked_at) throw new ApiError('UNAUTHENTICATED', 'this API key is revoked');
    if (row.status !== 'active' || !row.certificate || !row.private_key) throw new ApiError('UNAUTHENTICATED', 'this identity is not enrolled');
    const sealed = row.private_key;
    return {
      ...toRecord(row),
      certificate: row.certificate,
      privateKey: () => this.box.open(sealed, `identity:${row.id}`).toString('utf8'),
    };
  }

  /** The stored record of a well-formed API key whose secret matches, or a 401. */
  private apiKey(apiKey: string): { identity_id: string; revoked_at: string | null } {
    const [, keyId, secret] = API_KEY.exec(apiKey) ?? [];
    if (keyId === undefined || secret === undefined) throw new ApiError('UNAUTHENTICATED', 'malformed API key');
    const key = this.db.prepare(`SELECT identity_id, secret_hash, revoked_at FROM api_keys WHERE key_id = ?`).get(keyId) as
      | { identity_id: string; secret_hash: string; revoked_at: string | null }
      | undefined;
    const presented = Buffer.from(sha256(secret), 'hex');
    if (!key || !timingSafeEqual(presented, Buffer.from(key.secret_hash, 'hex'))) throw new ApiError('UNAUTHENTICATED', 'unknown API key');
    return key;
  }

  /** The caller behind a stored identity (background work on its behalf, e.g. webhooks). */
  callerById(id: string): Caller {
    const row = this.db.prepare(`SELECT * FROM identities WHERE id = ?`).get(id) as IdentityRow | undefined;
    if (!row || row.status !== 'active' || !row.certificate || !row.private_key) throw new ApiError('UNAUTHENTICATED', 'this identity is not active');
    const sealed = row.private_key;
    return { ...toRecord(row), certificate: row.certificate, privateKey: () => this.box.open(sealed, `identity:${row.id}`).toString('utf8') };
  }

  private enrollmentOf(caller: Caller): Enrollment {
    return { certificate: caller.certificate, privateKey: caller.privateKey() };
  }

  private insert(mspId: string, enrollmentId: string, apiRole: ApiRole, attributes: Record<string, string>): string {
    const id = randomUUID();
    try {
      this.db
        .prepare(`INSERT INTO identities (id, msp_id, enrollment_id, api_role, attributes, status, created_at) VALUES (?, ?, ?, ?, ?, 'registered', ?)`)
        .run(id, mspId, enrollmentId, apiRole, JSON.stringify(attributes), nowIso());
    } catch (e) {
      if (e instanceof Error && /UNIQUE/.test(e.message)) throw new ApiError('DUPLICATE', `identity ${enrollmentId} already exists in ${mspId}`);
      throw e;
    }
    return id;
  }

  private activate(id: string, enrollment: Enrollment): void {
    this.db
      .prepare(`UPDATE identities SET certificate = ?, private_key = ?, status = 'active' WHERE id = ?`)
      .run(enrollment.certificate, this.box.seal(enrollment.privateKey, `identity:${id}`), id);
  }

  private issueApiKey(identityId: string): string {
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    this.db.prepare(`INSERT INTO api_keys (key_id, identity_id, secret_hash, created_at) VALUES (?, ?, ?, ?)`).run(keyId, identityId, sha256(secret), nowIso());
    return `dec_${keyId}_${secret}`;
  }

  private row(mspId: string, enrollmentId: string): IdentityRow {
    const row = this.db.prepare(`SELECT * FROM identities WHERE msp_id = ? AND enrollment_id = ?`).get(mspId, enrollmentId) as IdentityRow | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `no identity ${enrollmentId} in ${mspId}`);
    return row;
  }
}

function toRecord(row: IdentityRow): IdentityRecord {
  return {
    id: row.id,
    mspId: row.msp_id,
    enrollmentId: row.enrollment_id,
    apiRole: row.api_role,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    ...(row.certificate ? { certificate: row.certificate } : {}),
    status: row.status,
    createdAt: row.created_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}
