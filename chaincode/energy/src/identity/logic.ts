/**
 * The eID lifecycle as pure functions: each takes the current record and
 * returns the next one plus its events, or throws if the transition is not
 * allowed. No ledger here; the identity store persists what these return.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import type { Change, EnergyEnv } from '../common/env';
import {
  device,
  participant,
  type Decision,
  type Device,
  type DeviceKind,
  type Participant,
  type ParticipantStatus,
  type Role,
} from './state';

export interface Registration {
  eid: string;
  kycHash: string;
  roles: Role[];
  mspId: string;
  certId: string;
}

/** Sorted and de-duplicated so that stored role lists do not depend on input order. */
export function canonicalRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)].sort();
}

export type ParticipantChange = Change<Participant>;

export function register(reg: Registration, tx: EnergyEnv): Change<Participant> {
  const state = participant({
    eid: reg.eid,
    status: 'pending',
    kycHash: reg.kycHash,
    requestedRoles: canonicalRoles(reg.roles),
    roles: [],
    mspId: reg.mspId,
    certId: reg.certId,
    registeredAt: tx.now,
    registeredTxId: tx.txId,
    updatedAt: tx.now,
  });
  return {
    state,
    events: [{ name: 'ParticipantRegistered', payload: { eid: state.eid, mspId: state.mspId, requestedRoles: state.requestedRoles, kycHash: state.kycHash } }],
  };
}

/** A caller may register again only if its previous application was rejected. */
export function assertMayRegister(existing: Participant | undefined): void {
  if (existing && existing.status !== 'rejected') {
    throw new ConflictError(`this identity is already registered as ${existing.eid} (${existing.status})`);
  }
}

function requireStatus(p: Participant, ...allowed: ParticipantStatus[]): void {
  if (!allowed.includes(p.status)) {
    throw new ConflictError(`participant ${p.eid} is ${p.status}; expected ${allowed.join(' or ')}`);
  }
}

function decide(p: Participant, status: ParticipantStatus, action: Decision['action'], tx: EnergyEnv, reason?: string): Participant {
  return participant({ ...p, status, updatedAt: tx.now, lastDecision: { action, by: tx.actor.id, at: tx.now, txId: tx.txId, reason } });
}

/** KYC passed: grant the requested roles, or the subset the platform names. */
export function approve(p: Participant, grant: readonly Role[] | undefined, tx: EnergyEnv, reason?: string): Change<Participant> {
  requireStatus(p, 'pending');
  const roles = canonicalRoles(grant ?? p.requestedRoles);
  const notRequested = roles.find((r) => !p.requestedRoles.includes(r));
  if (notRequested) throw new ValidationError('request.roles', `role ${notRequested} was not requested by ${p.eid}`);
  if (roles.length === 0) throw new ValidationError('request.roles', 'must grant at least one role');
  const state = participant({ ...decide(p, 'active', 'approved', tx, reason), roles });
  return { state, events: [{ name: 'ParticipantApproved', payload: { eid: p.eid, roles, mspId: p.mspId } }] };
}

export function reject(p: Participant, reason: string, tx: EnergyEnv): Change<Participant> {
  requireStatus(p, 'pending');
  return { state: decide(p, 'rejected', 'rejected', tx, reason), events: [{ name: 'ParticipantRejected', payload: { eid: p.eid, reason } }] };
}

export function suspend(p: Participant, reason: string, tx: EnergyEnv): Change<Participant> {
  requireStatus(p, 'active');
  return { state: decide(p, 'suspended', 'suspended', tx, reason), events: [{ name: 'ParticipantSuspended', payload: { eid: p.eid, reason } }] };
}

export function reinstate(p: Participant, reason: string | undefined, tx: EnergyEnv): Change<Participant> {
  requireStatus(p, 'suspended');
  return { state: decide(p, 'active', 'reinstated', tx, reason), events: [{ name: 'ParticipantReinstated', payload: { eid: p.eid } }] };
}

export interface DeviceRegistration {
  eid: string;
  kind: DeviceKind;
  serial: string;
  publicKey?: string;
  label?: string;
}

/** Devices belong to an active owner; the caller's authority is checked by policy before this runs. */
export function registerDevice(owner: Participant, reg: DeviceRegistration, tx: EnergyEnv): Change<Device> {
  requireStatus(owner, 'active');
  const state = device({
    eid: reg.eid,
    kind: reg.kind,
    ownerEid: owner.eid,
    serial: reg.serial,
    publicKey: reg.publicKey,
    label: reg.label,
    status: 'active',
    registeredAt: tx.now,
    registeredBy: tx.actor.id,
    registeredTxId: tx.txId,
  });
  return {
    state,
    events: [{ name: 'DeviceRegistered', payload: { eid: state.eid, kind: state.kind, ownerEid: state.ownerEid, serial: state.serial } }],
  };
}

export function retireDevice(d: Device, reason: string, tx: EnergyEnv): Change<Device> {
  if (d.status !== 'active') throw new ConflictError(`device ${d.eid} is already ${d.status}`);
  const state = device({ ...d, status: 'retired', retiredAt: tx.now, retiredReason: reason });
  return { state, events: [{ name: 'DeviceRetired', payload: { eid: d.eid, ownerEid: d.ownerEid, reason } }] };
}
