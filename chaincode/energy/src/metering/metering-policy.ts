/**
 * Access rules of the metering contract (the identity and token rules are in
 * access/policy.ts; these build on its principals):
 *
 * | principal        | recognised by                                             |
 * |------------------|-----------------------------------------------------------|
 * | grid operator    | MSP `GridMSP` and certificate attribute `role=operator`   |
 * | ingestor         | MSP `GridMSP` or `PlatformMSP` and `role=ingestor`        |
 *
 * - metering:RegisterMeter: holder of the meter's owner eID, the platform operator or the grid operator.
 * - metering:CertifyMeter: grid operator.
 * - metering:DecommissionMeter: holder of the owner, the grid operator or the platform operator.
 * - metering:RotateKey: the grid operator without a signature; anyone on the channel
 *   with a valid signature by the meter's current key (the signature is the authority,
 *   and it names the key version it replaces, so it cannot be replayed).
 * - metering:SubmitReadings: an ingestor, the grid operator or the platform operator.
 *   Readings are self-authenticating (signed by the meter), the submitter only relays.
 * - queries: anyone on the channel (meter data is settlement evidence all members see).
 */
import { AccessDeniedError } from '@dec/chaincode-kit';
import { ATTR_ROLE, GRID_MSP, isBoundTo, isPlatformOperator, OPERATOR_ROLE, PLATFORM_MSP, type CallerView } from '../access/policy';
import type { Participant } from '../identity/identity-state';

export const INGESTOR_ROLE = 'ingestor';

export function isGridOperator(caller: CallerView): boolean {
  return caller.mspId === GRID_MSP && caller.attribute(ATTR_ROLE) === OPERATOR_ROLE;
}

export function requireGridOperator(caller: CallerView): void {
  if (!isGridOperator(caller)) {
    throw new AccessDeniedError(`only the grid operator (${GRID_MSP}, ${ATTR_ROLE}=${OPERATOR_ROLE}) may do this; caller is from ${caller.mspId}`);
  }
}

export function isIngestor(caller: CallerView): boolean {
  return (caller.mspId === GRID_MSP || caller.mspId === PLATFORM_MSP) && caller.attribute(ATTR_ROLE) === INGESTOR_ROLE;
}

export function requireReadingSubmitter(caller: CallerView): void {
  if (!isIngestor(caller) && !isGridOperator(caller) && !isPlatformOperator(caller)) {
    throw new AccessDeniedError(`only an ingestor (${GRID_MSP} or ${PLATFORM_MSP}, ${ATTR_ROLE}=${INGESTOR_ROLE}) or an operator may submit readings`);
  }
}

/** Owner's holder (active and bound), the platform operator, or (when `grid`) the grid operator. */
export function requireMeterManager(caller: CallerView, owner: Participant, what: string): void {
  if (isPlatformOperator(caller) || isGridOperator(caller)) return;
  if (!isBoundTo(caller, owner)) throw new AccessDeniedError(`caller may not ${what}: not bound to owner ${owner.eid}`);
  if (owner.status !== 'active') throw new AccessDeniedError(`owner ${owner.eid} is ${owner.status}, not active`);
}
