/**
 * Who is who on the energy channel (conventions of the DEC Fabric CAs: user
 * certificates carry the attributes `role` and, once an eID is issued, `eid`):
 *
 * | principal            | recognised by                                                      |
 * |----------------------|--------------------------------------------------------------------|
 * | platform operator    | MSP `PlatformMSP` and certificate attribute `role=operator`        |
 * | grid operator        | MSP `GridMSP` and certificate attribute `role=operator`            |
 * | ingestor             | MSP `GridMSP` or `PlatformMSP` and `role=ingestor`                 |
 * | regulator            | MSP `RegulatorMSP` (any identity; read-only)                       |
 * | holder of eID E      | participant E is `active`; the caller's MSP ID and certificate ID  |
 * |                      | equal the identity E is bound to; and the caller's `eid` attribute, |
 * |                      | if the certificate has one, equals E                               |
 * | reader of account E  | holder of E (any status), the platform operator, or a regulator    |
 *
 * The transaction map (src/transactions.ts) grants transactions to these
 * principals; object-rules.ts checks the holder and reader rules once state is read.
 *
 * Who may grant which role (issue 13): a CA attribute counts only from the MSPs
 * in ROLE_GRANTORS, whatever another org's registrar or API admin writes into
 * its own certificates. `role=operator` and `role=ingestor` are platform roles:
 * only PlatformMSP's and GridMSP's registrars may issue them (each org runs its
 * own CA, so a BankMSP certificate with role=operator is a BankMSP client and
 * nothing more). An `eid` attribute only narrows what a certificate may act as
 * (isBoundTo); it never grants access to an eID bound to another identity.
 */
import type { CallerView } from '@dec/chaincode-kit/core';
import type { Participant } from '../identity/state';

export const PLATFORM_MSP = 'PlatformMSP';
export const REGULATOR_MSP = 'RegulatorMSP';
export const GRID_MSP = 'GridMSP';
export const ATTR_ROLE = 'role';
export const ATTR_EID = 'eid';
export const OPERATOR_ROLE = 'operator';
export const INGESTOR_ROLE = 'ingestor';

/** The `role` attribute values the chaincode honours, and the MSPs whose registrar may grant each. */
export const ROLE_GRANTORS: Readonly<Record<string, readonly string[]>> = {
  [OPERATOR_ROLE]: [PLATFORM_MSP, GRID_MSP],
  [INGESTOR_ROLE]: [PLATFORM_MSP, GRID_MSP],
};

/** The caller's `role` attribute if its MSP may grant that role, else undefined. */
export function grantedRole(caller: CallerView): string | undefined {
  const role = caller.attribute(ATTR_ROLE);
  return role !== undefined && ROLE_GRANTORS[role]?.includes(caller.mspId) ? role : undefined;
}

export function isPlatformOperator(caller: CallerView): boolean {
  return caller.mspId === PLATFORM_MSP && grantedRole(caller) === OPERATOR_ROLE;
}

export function isGridOperator(caller: CallerView): boolean {
  return caller.mspId === GRID_MSP && grantedRole(caller) === OPERATOR_ROLE;
}

export function isIngestor(caller: CallerView): boolean {
  return grantedRole(caller) === INGESTOR_ROLE;
}

export function isRegulator(caller: CallerView): boolean {
  return caller.mspId === REGULATOR_MSP;
}

/**
 * The caller is the Fabric identity this participant's eID is bound to. Every
 * certificate of one enrollment ID has the same certificate ID, and one
 * identity may have had several eIDs (a rejected application, then a new one;
 * Register allows no second live one). So a certificate with an `eid`
 * attribute acts only as that eID, and one without acts only as the identity's
 * live (not rejected) eID: never as every eID of the same enrollment ID.
 */
export function isBoundTo(caller: CallerView, p: Participant): boolean {
  if (caller.mspId !== p.mspId || caller.id !== p.certId) return false;
  const attr = caller.attribute(ATTR_EID);
  return attr === undefined ? p.status !== 'rejected' : attr === p.eid;
}
