/**
 * Cross-channel collection operations: read the lease and link, read the
 * energy assignment through the energy chaincode on this peer, run the pure
 * step, store, emit. Roles are checked by `@Tx` from the transaction map first.
 */
import { canonicalJson, ConflictError, NotFoundError, big, type DecContext } from '@dec/chaincode-kit';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { bindEid, countLeaseFacts } from '../credit/operations';
import type { Lease } from '../leasing/state';
import { LeaseStore } from '../leasing/store';
import { readEnergyAssignment, readEnergyParticipant } from './energy-reader';
import type { collectionRef, linkInput, syncInput } from './inputs';
import { arrearsOf, collectIncome, linkLease, remainingRent, type Arrears } from './logic';
import type { CollectionLink, EnergyAssignment } from './state';
import { CollectionStore } from './store';

/** The evidence a collected instalment carries: SHA-256 of the energy record it was verified against. */
function evidenceOf(onEnergy: EnergyAssignment, claimedPaid: string): string {
  return createHash('sha256').update(canonicalJson({ source: 'energy', assignment: onEnergy, claimedPaid }), 'utf8').digest('hex');
}

export async function link(ctx: DecContext, input: z.output<typeof linkInput>, env: ScfEnv): Promise<CollectionLink> {
  const store = new CollectionStore(ctx.ledger);
  if (await store.link(input.leaseId)) throw new ConflictError(`lease ${input.leaseId} is already linked to an energy assignment`);
  const taken = await store.leaseOf(input.assignmentId);
  if (taken) throw new ConflictError(`energy assignment ${input.assignmentId} already pays lease ${taken}`);
  const lease = await new LeaseStore(ctx.ledger).require(input.leaseId);
  const onEnergy = await readEnergyAssignment(ctx, input.assignmentId);
  const change = linkLease(lease, onEnergy, await readEnergyParticipant(ctx, onEnergy.beneficiary), env);
  await store.put(change.link, true);
  ctx.emitAll(change.events);
  await bindEid(ctx, onEnergy.assignor, lease, env);
  return change.link;
}

export interface SyncResult {
  link: CollectionLink;
  lease: { id: string; status: string; collected: string; remaining: string };
}

export async function sync(ctx: DecContext, input: z.output<typeof syncInput>, env: ScfEnv): Promise<SyncResult> {
  const store = new CollectionStore(ctx.ledger);
  const leaseId = await store.leaseOf(input.assignmentId);
  if (!leaseId) throw new NotFoundError('lease linked to energy assignment', input.assignmentId);
  const leases = new LeaseStore(ctx.ledger);
  const [lease, current] = await Promise.all([leases.require(leaseId), store.requireLink(leaseId)]);
  const onEnergy = await readEnergyAssignment(ctx, input.assignmentId);
  const change = collectIncome(lease, current, onEnergy, big(input.paid), evidenceOf(onEnergy, input.paid), env);
  await leases.put(change.lease);
  await store.put(change.link, false);
  ctx.emitAll(change.events);
  await countLeaseFacts(ctx, lease, change.lease, env);
  return { link: change.link, lease: summary(change.lease) };
}

function summary(lease: Lease): SyncResult['lease'] {
  return { id: lease.id, status: lease.status, collected: lease.collected, remaining: remainingRent(lease).toString() };
}

export interface CollectionView {
  lease: SyncResult['lease'];
  link: CollectionLink | null;
  arrears: Arrears;
}

/** The lease's collection at this moment: its link to energy income and its arrears (derived, never typed). */
export async function get(ctx: DecContext, input: z.output<typeof collectionRef>, env: ScfEnv): Promise<CollectionView> {
  const lease = await new LeaseStore(ctx.ledger).require(input.leaseId);
  const current = await new CollectionStore(ctx.ledger).link(input.leaseId);
  return { lease: summary(lease), link: current ?? null, arrears: arrearsOf(lease, env.now) };
}
