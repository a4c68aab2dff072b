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

export function isPlatformOperator(caller: CallerView): boolean {
  return caller.mspId === PLATFORM_MSP && caller.attribute(ATTR_ROLE) === OPERATOR_ROLE;
}

export function isGridOperator(caller: CallerView): boolean {
  return caller.mspId === GRID_MSP && caller.attribute(ATTR_ROLE) === OPERATOR_ROLE;
}

export function isIngestor(caller: CallerView): boolean {
  return (caller.mspId === GRID_MSP || caller.mspId === PLATFORM_MSP) && caller.attribute(ATTR_ROLE) === INGESTOR_ROLE;
}

export function isRegulator(caller: CallerView): boolean {
  return caller.mspId === REGULATOR_MSP;
}

/** The caller is the Fabric identity this participant's eID is bound to. */
export function isBoundTo(caller: CallerView, p: Participant): boolean {
  if (caller.mspId !== p.mspId || caller.id !== p.certId) return false;
  const attr = caller.attribute(ATTR_EID);
  return attr === undefined || attr === p.eid;
}
