/**
 * Who is calling: MSP ID, certificate ID and the attributes their Fabric CA put
 * in the certificate (`hf.EnrollmentID`, `role`, `eid`, ...). Access checks in
 * contracts go through here and run before anything else.
 */
import type { ClientIdentity } from 'fabric-shim-api';
import { AccessDeniedError } from '../errors';

/** What access checks read of a caller (Caller satisfies it; tests may build one by hand). */
export interface CallerView {
  readonly mspId: string;
  /** Fabric's certificate ID: `x509::<subject DN>::<issuer DN>`. */
  readonly id: string;
  attribute(name: string): string | undefined;
}

export class Caller implements CallerView {
  constructor(private readonly identity: ClientIdentity) {}

  get mspId(): string {
    return this.identity.getMSPID();
  }

  /** Fabric's certificate ID: `x509::<subject DN>::<issuer DN>`, unique per identity. */
  get id(): string {
    return this.identity.getID();
  }

  attribute(name: string): string | undefined {
    return this.identity.getAttributeValue(name) ?? undefined;
  }

  isMember(...mspIds: string[]): boolean {
    return mspIds.includes(this.mspId);
  }

  requireMember(...mspIds: string[]): this {
    if (!this.isMember(...mspIds)) {
      throw new AccessDeniedError(`caller from ${this.mspId} may not do this; allowed: ${mspIds.join(', ')}`);
    }
    return this;
  }

  requireAttribute(name: string, ...allowed: string[]): string {
    const value = this.attribute(name);
    if (value === undefined || (allowed.length > 0 && !allowed.includes(value))) {
      const want = allowed.length > 0 ? `${name}=${allowed.join('|')}` : name;
      throw new AccessDeniedError(`caller's certificate lacks attribute ${want}`);
    }
    return value;
  }
}
