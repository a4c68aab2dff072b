/**
 * Credit operations: count facts in the transaction that records the
 * behaviour (leasing and collection call `countLeaseFacts`), count an energy
 * fact once after reading it on the energy ledger, open and close financing
 * requests, and read a score under the access rules of logic.ts.
 */
import { ConflictError, NotFoundError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import type { Lease } from '../leasing/state';
import { readEnergyFact } from './energy-facts';
import type { closeRequestInput, energyFactInput, financingRequestInput, subjectInput } from './inputs';
import { bySubject, countFacts, emptyRecord, leaseFacts, viewOf, type CreditView, type Fact } from './logic';
import type { CreditRecord, FinancingRequest } from './state';
import { CreditStore } from './store';

/** Counts `facts` into their subjects' records, in this transaction. */
export async function countAll(ctx: DecContext, facts: Fact[], env: ScfEnv): Promise<CreditRecord[]> {
  const store = new CreditStore(ctx.ledger);
  const out: CreditRecord[] = [];
  for (const [subject, refs] of bySubject(facts)) {
    const change = countFacts(await store.record(subject), subject, refs, env);
    await store.putRecord(change.record);
    ctx.emitAll(change.events);
    out.push(change.record);
  }
  return out;
}

/** The credit side of a lease change (rent repaid on time or late, arrears, default): called by whoever stores the lease. */
export async function countLeaseFacts(ctx: DecContext, before: Lease, after: Lease, env: ScfEnv): Promise<void> {
  const facts = leaseFacts(before, after, env);
  if (facts.length > 0) await countAll(ctx, facts, env);
}

/** Binds an energy eID (a station owner who assigned its income to a lease) to the lease's project company. */
export async function bindEid(ctx: DecContext, eid: string, lease: Lease, env: ScfEnv): Promise<void> {
  const store = new CreditStore(ctx.ledger);
  if (await store.binding(eid)) return;
  await store.putBinding({ eid, subject: lease.projectCompany, leaseId: lease.id, boundTxId: env.txId });
  ctx.emit('CreditEidBound', { eid, subject: lease.projectCompany, leaseId: lease.id });
}

/** Counts one energy fact for the scf party bound to its subject, once; anyone on the channel may relay it. */
export async function countEnergyFact(ctx: DecContext, input: z.output<typeof energyFactInput>, env: ScfEnv): Promise<CreditRecord> {
  const store = new CreditStore(ctx.ledger);
  const earlier = await store.counted(input);
  if (earlier) throw new ConflictError(`energy fact ${input.subject}/${input.txId}/${input.n} is already counted (scf tx ${earlier})`);
  const binding = await store.binding(input.subject);
  if (!binding) throw new NotFoundError('scf party bound to energy eID', input.subject);
  const fact = await readEnergyFact(ctx, input);
  const key = `credit.fact~${fact.subject}~${fact.txId}~${fact.n}`;
  const [record] = await countAll(ctx, [{ subject: binding.subject, ref: { kind: fact.kind, channel: 'energy', txId: fact.txId, key, at: fact.at, ...(fact.value === undefined ? {} : { value: fact.value }) } }], env);
  await store.markCounted(input, binding.subject, env.txId);
  return record as CreditRecord;
}

export async function requestFinancing(ctx: DecContext, input: z.output<typeof financingRequestInput>, env: ScfEnv): Promise<FinancingRequest> {
  const store = new CreditStore(ctx.ledger);
  const subject = env.actor.party;
  if ((await store.request(subject, input.bank))?.status === 'open') throw new ConflictError(`${subject} already has an open financing request to ${input.bank}`);
  const request: FinancingRequest = { subject, bank: input.bank, purpose: input.purpose, status: 'open', openedAt: env.now, openedTxId: env.txId };
  await store.putRequest(request);
  ctx.emit('FinancingRequested', { subject, bank: input.bank, purpose: input.purpose });
  return request;
}

export async function closeRequest(ctx: DecContext, input: z.output<typeof closeRequestInput>, env: ScfEnv): Promise<FinancingRequest> {
  const store = new CreditStore(ctx.ledger);
  const subject = env.actor.party;
  const open = await store.request(subject, input.bank);
  if (open?.status !== 'open') throw new NotFoundError('open financing request', `${subject} to ${input.bank}`);
  const closed: FinancingRequest = { ...open, status: 'closed', closedAt: env.now };
  await store.putRequest(closed);
  ctx.emit('FinancingRequestClosed', { subject, bank: input.bank });
  return closed;
}

/** A party's current score (the base for a party with no facts yet): what the regulator's minimum is checked against. */
export async function currentScore(ctx: DecContext, subject: string): Promise<number> {
  return ((await new CreditStore(ctx.ledger).record(subject)) ?? emptyRecord(subject)).score;
}

export async function get(ctx: DecContext, input: z.output<typeof subjectInput>, env: ScfEnv): Promise<CreditView> {
  const store = new CreditStore(ctx.ledger);
  const record = (await store.record(input.subject)) ?? emptyRecord(input.subject);
  const request = await store.request(input.subject, env.actor.party);
  return viewOf(record, env.actor, request);
}
