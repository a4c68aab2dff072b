/**
 * The object-level rules of the energy chaincode: checks that need state (a
 * participant record, a hold, an order) and so run in the operation once it is
 * read. Each is named in the `rule` of the transaction-map lines that apply it
 * (src/transactions.ts); the caller-only grants are in policy.ts.
 */
import { AccessDeniedError, type CallerView } from '@dec/chaincode-kit/core';
import type { DeviceKind, Participant, Role } from '../identity/state';
import type { Side } from '../market/state';
import { SYS, type SystemAccount } from '../token/accounts';
import { PLATFORM_OPERATOR } from './policy';
import { GRID_MSP, isBoundTo, isGridOperator, isPlatformOperator, isRegulator } from './principals';

/** For the system accounts only the platform operator may move (outside the map's grants). */
export function requirePlatformOperator(caller: CallerView): void {
  if (!PLATFORM_OPERATOR.allows(caller)) throw new AccessDeniedError(PLATFORM_OPERATOR.refusal(caller));
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

/** The participant is active and bound to the caller (holder), or the caller is the platform operator. */
export function requireHolderOrOperator(caller: CallerView, p: Participant): void {
  if (!isPlatformOperator(caller)) requireHolder(caller, p);
}

/** Owner's holder (active and bound), the platform operator, or the grid operator. */
export function requireMeterManager(caller: CallerView, owner: Participant, what: string): void {
  if (isPlatformOperator(caller) || isGridOperator(caller)) return;
  if (!isBoundTo(caller, owner)) throw new AccessDeniedError(`caller may not ${what}: not bound to owner ${owner.eid}`);
  if (owner.status !== 'active') throw new AccessDeniedError(`owner ${owner.eid} is ${owner.status}, not active`);
}

/** The roles a participant needs to post an order of each side. */
export const SIDE_ROLES: Record<Side, readonly Role[]> = {
  sell: ['producer', 'storage-owner'],
  buy: ['consumer'],
};

export function requireRole(p: Participant, roles: readonly Role[], what: string): void {
  if (!roles.some((r) => p.roles.includes(r))) {
    throw new AccessDeniedError(`${what} needs one of the roles ${roles.join(', ')}; ${p.eid} has ${p.roles.join(', ') || 'none'}`);
  }
}

/** Orders: the holder of the owner eID, which has a role of the order's side. */
export function requireTrader(caller: CallerView, p: Participant, side: Side): void {
  requireHolder(caller, p);
  requireRole(p, SIDE_ROLES[side], `a ${side} order`);
}

/** Grid emergencies: the (granted) grid operator is also the holder of a `grid` eID. */
export function requireGridParticipant(caller: CallerView, p: Participant): void {
  requireHolder(caller, p);
  requireRole(p, ['grid'], 'a grid emergency');
}
