/**
 * Identity operations: participant registration and KYC decisions, devices,
 * lookups. Grants (platform operator for decisions) are checked by `@Tx` from
 * the transaction map; the holder rules here once the records are read.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireDeviceOwnerRoles, requireHolderOrOperator, requireRequestableRoles } from '../access/object-rules';
import { isPlatformOperator } from '../access/principals';
import type { EnergyEnv } from '../common/env';
import { deviceEid, participantEid } from '../common/ids';
import type * as inputs from './inputs';
import * as logic from './logic';
import type { Device, Participant } from './state';
import { IdentityStore } from './store';

/** A caller asks to join with a hash of its real-name data and the roles it wants; the eID is reserved now and usable once approved. */
export async function register(ctx: DecContext, input: z.output<typeof inputs.registerInput>, env: EnergyEnv): Promise<Participant> {
  requireRequestableRoles(env.actor, input.roles);
  const store = new IdentityStore(ctx.ledger);
  logic.assertMayRegister(await store.byIdentity(env.actor.mspId, env.actor.id));
  const eid = participantEid(env.txId);
  if (await store.participant(eid)) throw new ConflictError(`eID ${eid} already exists`);
  const change = logic.register({ eid, kycHash: input.kycHash, roles: input.roles, mspId: env.actor.mspId, certId: env.actor.id }, env);
  await store.saveParticipant(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

/** A KYC decision of the platform operator on one participant. */
export async function decide(ctx: DecContext, eid: string, transition: (p: Participant) => logic.ParticipantChange): Promise<Participant> {
  const store = new IdentityStore(ctx.ledger);
  const previous = await store.requireParticipant(eid);
  const change = transition(previous);
  await store.saveParticipant(change.state, previous);
  ctx.emitAll(change.events);
  return change.state;
}

export function get(ctx: DecContext, input: z.output<typeof inputs.eidInput>): Promise<Participant> {
  return new IdentityStore(ctx.ledger).requireParticipant(input.eid);
}

/** The participant bound to the calling identity (null when unregistered). */
export async function whoAmI(ctx: DecContext, env: EnergyEnv): Promise<object> {
  const participant = (await new IdentityStore(ctx.ledger).byIdentity(env.actor.mspId, env.actor.id)) ?? null;
  return { mspId: env.actor.mspId, id: env.actor.id, platformOperator: isPlatformOperator(env.actor), participant };
}

export async function listByRole(ctx: DecContext, input: z.output<typeof inputs.listByRoleInput>): Promise<{ items: Participant[]; bookmark: string }> {
  const page = await new IdentityStore(ctx.ledger).pageByRole(input.role, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

/** The owner (bound, active) registers its device; the platform operator may do so for any active owner. */
export async function registerDevice(ctx: DecContext, input: z.output<typeof inputs.registerDeviceInput>, env: EnergyEnv): Promise<Device> {
  const store = new IdentityStore(ctx.ledger);
  const owner = await store.requireParticipant(input.ownerEid);
  requireHolderOrOperator(env.actor, owner);
  requireDeviceOwnerRoles(input.kind, owner);
  const existing = await store.deviceBySerial(input.kind, input.serial);
  if (existing) throw new ConflictError(`${input.kind} ${input.serial} is already registered as ${existing}`);
  const eid = deviceEid(env.txId);
  const change = logic.registerDevice(owner, { eid, kind: input.kind, serial: input.serial, publicKey: input.publicKey, label: input.label }, env);
  await store.saveDevice(change.state, true);
  ctx.emitAll(change.events);
  return change.state;
}

export async function retireDevice(ctx: DecContext, input: z.output<typeof inputs.retireDeviceInput>, env: EnergyEnv): Promise<Device> {
  const store = new IdentityStore(ctx.ledger);
  const current = await store.requireDevice(input.eid);
  requireHolderOrOperator(env.actor, await store.requireParticipant(current.ownerEid));
  const change = logic.retireDevice(current, input.reason, env);
  await store.saveDevice(change.state, false);
  ctx.emitAll(change.events);
  return change.state;
}

export function getDevice(ctx: DecContext, input: z.output<typeof inputs.deviceEidInput>): Promise<Device> {
  return new IdentityStore(ctx.ledger).requireDevice(input.eid);
}

export async function listDevices(ctx: DecContext, input: z.output<typeof inputs.listDevicesInput>): Promise<{ items: Device[]; bookmark: string }> {
  const page = await new IdentityStore(ctx.ledger).pageDevices(input.ownerEid, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
