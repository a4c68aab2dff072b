/**
 * The `identity` contract: participant registration and KYC decisions, eID
 * binding to Fabric identities, devices, lookups. Thin: parse, check access
 * (access/policy.ts), run the pure transition, store, emit.
 *
 * DecContext is imported as a value (not `import type`): fabric-contract-api
 * reads the parameter types from decorator metadata.
 */
import { ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { emitAll, txInfo } from '../common/context';
import { deviceEid, participantEid } from '../common/ids';
import {
  isPlatformOperator,
  requireDeviceOwnerRoles,
  requireHolder,
  requirePlatformOperator,
  requireRequestableRoles,
} from '../access/policy';
import * as logic from './identity-logic';
import {
  approveInput,
  decisionInput,
  deviceEidInput,
  eidInput,
  listByRoleInput,
  listDevicesInput,
  registerDeviceInput,
  registerInput,
  reinstateInput,
  retireDeviceInput,
} from './identity-inputs';
import { IdentityStore } from './identity-store';
import type { Participant } from './identity-state';

@Info({ title: 'identity', description: 'DEC eID registry: participants, KYC decisions, devices' })
export class IdentityContract extends DecContract {
  constructor() {
    super('identity');
  }

  /** A caller asks to join with a hash of its real-name data and the roles it wants; the eID is reserved now and usable once approved. */
  @Transaction()
  @Returns('string')
  async Register(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(registerInput, request, 'request');
    requireRequestableRoles(ctx.caller, input.roles);
    const store = new IdentityStore(ctx.ledger);
    logic.assertMayRegister(await store.byIdentity(ctx.caller.mspId, ctx.caller.id));
    const eid = participantEid(ctx.ledger.txId);
    if (await store.participant(eid)) throw new ConflictError(`eID ${eid} already exists`);
    const change = logic.register({ eid, kycHash: input.kycHash, roles: input.roles, mspId: ctx.caller.mspId, certId: ctx.caller.id }, txInfo(ctx));
    await store.saveParticipant(change.state);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  @Transaction()
  @Returns('string')
  async Approve(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    const input = parseInput(approveInput, request, 'request');
    return this.decide(ctx, input.eid, (p) => logic.approve(p, input.roles, txInfo(ctx), input.note));
  }

  @Transaction()
  @Returns('string')
  async Reject(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    const input = parseInput(decisionInput, request, 'request');
    return this.decide(ctx, input.eid, (p) => logic.reject(p, input.reason, txInfo(ctx)));
  }

  @Transaction()
  @Returns('string')
  async Suspend(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    const input = parseInput(decisionInput, request, 'request');
    return this.decide(ctx, input.eid, (p) => logic.suspend(p, input.reason, txInfo(ctx)));
  }

  @Transaction()
  @Returns('string')
  async Reinstate(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    const input = parseInput(reinstateInput, request, 'request');
    return this.decide(ctx, input.eid, (p) => logic.reinstate(p, input.note, txInfo(ctx)));
  }

  private async decide(ctx: DecContext, eid: string, transition: (p: Participant) => logic.ParticipantChange): Promise<string> {
    const store = new IdentityStore(ctx.ledger);
    const previous = await store.requireParticipant(eid);
    const change = transition(previous);
    await store.saveParticipant(change.state, previous);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  // --- lookups (public) --------------------------------------------------------

  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(eidInput, request, 'request');
    return result(await new IdentityStore(ctx.ledger).requireParticipant(input.eid));
  }

  /** The participant bound to the calling identity (null when unregistered). */
  @Transaction(false)
  @Returns('string')
  async WhoAmI(ctx: DecContext): Promise<string> {
    const participant = (await new IdentityStore(ctx.ledger).byIdentity(ctx.caller.mspId, ctx.caller.id)) ?? null;
    return result({ mspId: ctx.caller.mspId, id: ctx.caller.id, platformOperator: isPlatformOperator(ctx.caller), participant });
  }

  @Transaction(false)
  @Returns('string')
  async ListByRole(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(listByRoleInput, request, 'request');
    const page = await new IdentityStore(ctx.ledger).pageByRole(input.role, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }

  // --- devices --------------------------------------------------------------------

  /** The owner (bound, active) registers its device; the platform operator may do so for any active owner. */
  @Transaction()
  @Returns('string')
  async RegisterDevice(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(registerDeviceInput, request, 'request');
    const store = new IdentityStore(ctx.ledger);
    const owner = await store.requireParticipant(input.ownerEid);
    if (!isPlatformOperator(ctx.caller)) requireHolder(ctx.caller, owner);
    requireDeviceOwnerRoles(input.kind, owner);
    const existing = await store.deviceBySerial(input.kind, input.serial);
    if (existing) throw new ConflictError(`${input.kind} ${input.serial} is already registered as ${existing}`);
    const eid = deviceEid(ctx.ledger.txId);
    const change = logic.registerDevice(owner, { eid, kind: input.kind, serial: input.serial, publicKey: input.publicKey, label: input.label }, txInfo(ctx));
    await store.saveDevice(change.state, true);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  @Transaction()
  @Returns('string')
  async RetireDevice(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(retireDeviceInput, request, 'request');
    const store = new IdentityStore(ctx.ledger);
    const current = await store.requireDevice(input.eid);
    if (!isPlatformOperator(ctx.caller)) requireHolder(ctx.caller, await store.requireParticipant(current.ownerEid));
    const change = logic.retireDevice(current, input.reason, txInfo(ctx));
    await store.saveDevice(change.state, false);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  @Transaction(false)
  @Returns('string')
  async GetDevice(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(deviceEidInput, request, 'request');
    return result(await new IdentityStore(ctx.ledger).requireDevice(input.eid));
  }

  @Transaction(false)
  @Returns('string')
  async ListDevices(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(listDevicesInput, request, 'request');
    const page = await new IdentityStore(ctx.ledger).pageDevices(input.ownerEid, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }
}
