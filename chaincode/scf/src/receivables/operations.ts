/**
 * Receivable operations: issue from an approved lease, split and transfer by
 * the holder (object rule checked here, after the part is read), and the views
 * a bank checks before financing.
 */
import { big, ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { mspOf, requireParty } from '../access/policy';
import { collectionFor, TRANSIENT } from '../common/constants';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import { optionalSalt } from '../common/salt';
import { readTransient } from '../common/transient';
import type { Lease } from '../leasing/state';
import { LeaseStore } from '../leasing/store';
import { assignmentTerms, type issueInput, type receivableRef, type splitInput, type transferInput, type treeInput } from './inputs';
import { collectedShare, issueReceivable, splitReceivable, transferReceivable } from './logic';
import type { Receivable } from './state';
import { ReceivableStore } from './store';

/** The lessor takes the receivable an approved lease yields (ID = lease ID). */
export async function issue(ctx: DecContext, req: z.output<typeof issueInput>, env: ScfEnv): Promise<Receivable> {
  const receivables = new ReceivableStore(ctx.ledger);
  const leases = new LeaseStore(ctx.ledger);
  if (await receivables.exists(req.leaseId)) throw new ConflictError(`receivable ${req.leaseId} already exists`);
  const change = issueReceivable(await leases.require(req.leaseId), env);
  await leases.put(change.lease);
  await receivables.put(change.receivable);
  ctx.emitAll(change.events);
  return change.receivable;
}

/** The holder splits an active part into parts that sum to it. */
export async function split(ctx: DecContext, req: z.output<typeof splitInput>, env: ScfEnv): Promise<{ parent: Receivable; children: Receivable[] }> {
  const receivables = new ReceivableStore(ctx.ledger);
  const part = await receivables.require(req.receivableId);
  requireParty(env.actor, part.holder, 'the holder');
  const change = splitReceivable(part, req.amounts, env);
  for (const child of change.children) {
    if (await receivables.exists(child.id)) throw new ConflictError(`receivable ${child.id} already exists`);
  }
  await receivables.put(change.parent);
  for (const child of change.children) await receivables.put(child);
  ctx.emitAll(change.events);
  return { parent: change.parent, children: change.children };
}

interface PrivateTerms {
  collection: string;
  key: string;
}

/** Records what the receiver gives for a part, privately in the collection the two orgs share. */
async function putAssignment(ctx: DecContext, part: Receivable, to: string, transferNo: number, terms: z.output<typeof assignmentTerms>): Promise<PrivateTerms> {
  const salt = optionalSalt(ctx);
  if (salt === undefined) throw new ValidationError(`transient.${TRANSIENT.salt}`, `is required with transient.${TRANSIENT.assignment}: the assignment is a private record`);
  const collection = collectionFor(mspOf(part.holder), mspOf(to));
  if (!collection) throw new ValidationError(`transient.${TRANSIENT.assignment}`, `${mspOf(part.holder)} and ${mspOf(to)} share no private collection`);
  const key = ctx.ledger.key('assignment', part.id, String(transferNo));
  await ctx.ledger.putPrivate(collection, key, { receivableId: part.id, from: part.holder, to, ...terms }, salt);
  return { collection, key };
}

/**
 * The holder passes a part upstream. Optional transient `assignment`
 * ({ consideration, paymentDueDate? }) records what the receiver gives for it,
 * privately in the collection the two orgs share (lessor -> supplier: termsLessorSupplier).
 */
export async function transfer(ctx: DecContext, req: z.output<typeof transferInput>, env: ScfEnv): Promise<{ receivable: Receivable; privateTerms: PrivateTerms | null }> {
  const terms = readTransient(ctx, TRANSIENT.assignment, assignmentTerms);
  const receivables = new ReceivableStore(ctx.ledger);
  const part = await receivables.require(req.receivableId);
  requireParty(env.actor, part.holder, 'the holder');
  const change = transferReceivable(part, req.to, env);
  const privateTerms = terms ? await putAssignment(ctx, part, req.to, change.receivable.holders.length - 1, terms) : undefined;
  await receivables.put(change.receivable);
  const events: ScfEvent[] = privateTerms ? change.events.map((e) => ({ ...e, payload: { ...e.payload, privateTerms } })) : change.events;
  ctx.emitAll(events);
  return { receivable: change.receivable, privateTerms: privateTerms ?? null };
}

async function withLease(ctx: DecContext, receivableId: string): Promise<{ part: Receivable; lease: Lease; collected: string }> {
  const part = await new ReceivableStore(ctx.ledger).require(receivableId);
  const lease = await new LeaseStore(ctx.ledger).require(part.leaseId);
  return { part, lease, collected: collectedShare(part, big(lease.collected)).toString() };
}

/** A part with its share of the rent collected so far. */
export async function get(ctx: DecContext, req: z.output<typeof receivableRef>): Promise<{ receivable: Receivable; collected: string }> {
  const { part, collected } = await withLease(ctx, req.receivableId);
  return { receivable: part, collected };
}

/** The root and all its parts (evaluate: a range read). */
export function tree(ctx: DecContext, req: z.output<typeof treeInput>): Promise<Receivable[]> {
  return new ReceivableStore(ctx.ledger).tree(req.rootId);
}

/** What a bank checks before financing: the part, and the lease with its supplier payments and collections. */
export async function backing(ctx: DecContext, req: z.output<typeof receivableRef>): Promise<{ receivable: Receivable; lease: Lease; collected: string }> {
  const { part, lease, collected } = await withLease(ctx, req.receivableId);
  return { receivable: part, lease, collected };
}
