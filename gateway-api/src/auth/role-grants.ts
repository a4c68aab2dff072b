/**
 * Who may put a platform role into a certificate (issue 13, item 8). The energy
 * chaincode honours `role=operator` / `role=ingestor` only from the MSPs in its
 * ROLE_GRANTORS table; a certificate from any other org carrying one is just a
 * client of that org. The gateway refuses to issue such a certificate at all,
 * so no org's API admin can mint one that looks like a platform operator to a
 * reader of the certificate. The table is the chaincode's own (one source of
 * truth), imported from its public exports.
 */
import { ATTR_ROLE, ROLE_GRANTORS } from '@dec/chaincode-energy/principals';
import { ApiError } from '../http/errors';

/** A `role` attribute the registration would write, and the request field it came from. */
export interface RequestedRole {
  field: string;
  role: string;
}

/** The rule in words, for the API documentation: `operator` only from PlatformMSP, GridMSP; ... */
export const ROLE_GRANT_RULE = Object.entries(ROLE_GRANTORS)
  .map(([role, msps]) => `\`${role}\` only from ${msps.join(', ')}`)
  .join('; ');

/** The MSPs whose admins may grant `role`, or undefined when any org's may. */
export function grantorsOf(role: string): readonly string[] | undefined {
  return Object.hasOwn(ROLE_GRANTORS, role) ? ROLE_GRANTORS[role] : undefined;
}

/** Throws ACCESS_DENIED (403) naming the field when an admin of `mspId` may not grant one of the roles. */
export function requireRoleGrants(mspId: string, requested: readonly RequestedRole[]): void {
  for (const { field, role } of requested) {
    const grantors = grantorsOf(role);
    if (grantors === undefined || grantors.includes(mspId)) continue;
    const message = `${field}: role ${role} is granted only by ${grantors.join(', ')}; an admin of ${mspId} may not put it in a certificate`;
    throw new ApiError('ACCESS_DENIED', message, { details: [{ field, message, mspId }] });
  }
}

/** The `role` attributes of a registration request: the `role` field and `attributes.role`. */
export function requestedRoles(body: { role?: string; attributes: Record<string, string> }): RequestedRole[] {
  const out: RequestedRole[] = [];
  if (body.role !== undefined) out.push({ field: 'role', role: body.role });
  const attribute = body.attributes[ATTR_ROLE];
  if (attribute !== undefined) out.push({ field: `attributes.${ATTR_ROLE}`, role: attribute });
  return out;
}
