/**
 * Every access rule of the energy chaincode, in one file. Contracts call these
 * before they change anything; nothing else decides who may do what.
 *
 * Who is who (conventions of the DEC Fabric CAs: user certificates carry the
 * attributes `role` and, once an eID is issued, `eid`):
 *
 * | principal            | recognised by                                                      |
 * |----------------------|--------------------------------------------------------------------|
 * | platform operator    | MSP `PlatformMSP` and certificate attribute `role=operator`        |
 * | regulator            | MSP `RegulatorMSP` (any identity; read-only)                        |
 * | holder of eID E      | participant E is `active`; the caller's MSP ID and certificate ID  |
 * |                      | equal the identity E is bound to; and the caller's `eid` attribute, |
 * |                      | if the certificate has one, equals E                               |
 * | reader of account E  | holder of E (any status), the platform operator, or a regulator    |
 *
 * Transactions (identity:* / token:*):
 * - anyone on the channel: identity:Register (for their own identity), identity:WhoAmI,
 *   identity:Get, identity:ListByRole, identity:GetDevice, identity:ListDevices,
 *   token:GetGenesis, token:GetRate, token:GetFees, token:Supply, token:Audit
 *   (public, read-only); a role `grid` may only be requested by a GridMSP identity.
 * - platform operator: identity:Approve/Reject/Suspend/Reinstate, token:Genesis,
 *   token:PostRate, token:SetFees, token:ReleaseBatch (ecology/others),
 *   token:ReleaseVested (team), token:FundRewardPool, token:PayRewards,
 *   token:SlashDeposit, token:OpenObligation/CloseObligation, and it is the
 *   holder of the system accounts for ordinary transfers out of `sys:fees`.
 * - holder of E: transfers, approvals, holds, deposits, DECC mint/redeem and
 *   consolidation on account E; identity:RegisterDevice for owner E (the
 *   platform operator may also register a device for any active owner).
 * - the payee's holder or the platform operator: token:CaptureHold, token:ReleaseHold.
 * - the payer's holder, payee's holder or platform operator: token:ExpireHold
 *   (only after the hold's expiry).
 * - reader of E: token:Balance, token:History, token:Holds, token:GetDeposit,
 *   token:Allowance (owner's or spender's reader), token:GetHold (payer's or payee's reader).
 */
import { AccessDeniedError } from '@dec/chaincode-kit';
import type { DeviceKind, Participant, Role } from '../identity/identity-state';
import { SYS, type SystemAccount } from '../token/accounts';

export const PLATFORM_MSP = 'PlatformMSP';
export const REGULATOR_MSP = 'RegulatorMSP';
export const GRID_MSP = 'GridMSP';
export const ATTR_ROLE = 'role';
export const ATTR_EID = 'eid';
export const OPERATOR_ROLE = 'operator';

/** What the policy needs of the caller (kit's Caller satisfies it). */
export interface CallerView {
  readonly mspId: string;
  readonly id: string;
  attribute(name: string): string | undefined;
}

export function isPlatformOperator(caller: CallerView): boolean {
  return caller.mspId === PLATFORM_MSP && caller.attribute(ATTR_ROLE) === OPERATOR_ROLE;
}

export function requirePlatformOperator(caller: CallerView): void {
  if (caller.mspId !== PLATFORM_MSP) {
    throw new AccessDeniedError(`only the platform operator (${PLATFORM_MSP}, ${ATTR_ROLE}=${OPERATOR_ROLE}) may do this; caller is from ${caller.mspId}`);
  }
  if (caller.attribute(ATTR_ROLE) !== OPERATOR_ROLE) {
    throw new AccessDeniedError(`caller's certificate lacks attribute ${ATTR_ROLE}=${OPERATOR_ROLE}`);
  }
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

/** The caller may act on participant p's account: bound to it, and p is active. */
export function requireHolder(caller: CallerView, p: Participant): void {
  if (!isBoundTo(caller, p)) throw new AccessDeniedError(`caller is not bound to eID ${p.eid}`);
  if (p.status !== 'active') throw new AccessDeniedError(`eID ${p.eid} is ${p.status}, not active`);
}

/** Account details (balances, history, holds, deposits) are visible to the holder, the platform operator and regulators. */
export function canRead(caller: CallerView, p: Participant | SystemAccount): boolean {
  if (isPlatformOperator(caller) || isRegulator(caller)) return true;
  return typeof p !== 'string' && isBoundTo(caller, p);
}

export function requireReader(caller: CallerView, ...accounts: (Participant | SystemAccount)[]): void {
  if (!accounts.some((a) => canRead(caller, a))) {
    const ids = accounts.map((a) => (typeof a === 'string' ? a : a.eid)).join(', ');
    throw new AccessDeniedError(`caller may not read account ${ids}`);
  }
}

/** Roles a caller may ask for at registration: `grid` only from the grid operator's org. */
export function requireRequestableRoles(caller: CallerView, roles: readonly Role[]): void {
  if (roles.includes('grid') && caller.mspId !== GRID_MSP) {
    throw new AccessDeniedError(`role grid may only be requested by a ${GRID_MSP} identity`);
  }
}

/** Granted roles an owner needs to register a device of each kind (empty: any active participant). */
export const DEVICE_OWNER_ROLES: Record<DeviceKind, readonly Role[]> = {
  meter: [],
  'charging-pile': ['service-provider', 'storage-owner', 'producer'],
  vehicle: [],
};

export function requireDeviceOwnerRoles(kind: DeviceKind, owner: Participant): void {
  const needed = DEVICE_OWNER_ROLES[kind];
  if (needed.length > 0 && !needed.some((r) => owner.roles.includes(r))) {
    throw new AccessDeniedError(`a ${kind} owner needs one of the roles ${needed.join(', ')}; ${owner.eid} has ${owner.roles.join(', ') || 'none'}`);
  }
}

/** A participant account may receive tokens while active or suspended (settlements still land), never before approval. */
export function requireCreditable(p: Participant): void {
  if (p.status !== 'active' && p.status !== 'suspended') {
    throw new AccessDeniedError(`eID ${p.eid} is ${p.status} and cannot receive tokens`);
  }
}

/** System accounts that the platform operator may debit with an ordinary token:Transfer. The rest move only through their own transactions. */
export const OPERATOR_TRANSFERABLE: readonly SystemAccount[] = [SYS.fees];

/** System accounts that may receive an ordinary transfer (fees, and top-ups of the reward pool). */
export const TRANSFER_RECEIVABLE: readonly SystemAccount[] = [SYS.fees, SYS.rewards];
