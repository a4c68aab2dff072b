/**
 * What a signed-in identity may see, mirroring the gateway's own rules so the
 * UI does not offer pages that can only fail: channels of the caller's org
 * (the gateway answers 403 otherwise), and ledger reads (blocks,
 * transactions, key history) only for regulators and API admins
 * (gateway-api app.ts, auth 'regulator').
 */
import type { Identity } from '../api/types';

export const canReadLedger = (me: Identity): boolean => me.apiRole === 'admin' || me.attributes.role === 'regulator';

export function describeIdentity(me: Identity): string {
  const role = me.attributes.role ?? me.apiRole;
  return `${me.enrollmentId} · ${me.mspId} · ${role}`;
}

/** A channel probe answered: member (200), not a member (403), or the gateway could not say. */
export type Membership = 'member' | 'denied' | 'unknown';

export function membershipOf(status: number): Membership {
  if (status >= 200 && status < 300) return 'member';
  if (status === 403) return 'denied';
  return 'unknown';
}
