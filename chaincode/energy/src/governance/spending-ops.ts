/**
 * Spending approvals (white paper 8.5, 8.6.4): the operator requests a spend
 * stated exactly, the secretary general and the finance director approve it,
 * and the token transaction that spends names it (`approvalId`) and uses it
 * once; above the committee level (or for an investment) it names a passed
 * Spend decision instead. `authorizeSpend` is what the spending token
 * transactions call before they move anything.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { AccessDeniedError, ConflictError, RuleViolationError, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { requireHolder } from '../access/object-rules';
import type { EnergyEnv } from '../common/env';
import { deriveHex, type PageResult } from '../common/ids';
import { IdentityStore } from '../identity/store';
import { TokenStore } from '../token/store';
import * as logic from './logic';
import { daysMs, DECISION_VALIDITY_DAYS } from './rules';
import type * as inputs from './spending-inputs';
import { requireApprovalFor, requireSameSpend, tierOf, valueOf, type Tier } from './spending-rules';
import { spendSchema, type Spend } from './spending-state';
import { SpendingStore } from './spending-store';
import { committeeSchema, type Committee } from './state';
import { GovernanceStore } from './store';

export const spendIdOf = (txId: string): string => `spend:${deriveHex('spend', txId)}`;

export async function requestSpend(ctx: DecContext, input: z.output<typeof inputs.requestSpendInput>, env: EnergyEnv): Promise<Spend> {
  const committee = await new GovernanceStore(ctx.ledger).requireCommittee();
  const spend = spendSchema.parse({ ...input, amount: BigInt(input.amount).toString(), spendId: spendIdOf(env.txId), term: committee.term, requestedAt: env.now, txId: env.txId, status: 'requested', approvals: [] });
  await new SpendingStore(ctx.ledger).putSpend(spend);
  ctx.emit('SpendRequested', spend);
  return spend;
}

function roleOf(c: Committee, eid: string): 'secretaryGeneral' | 'financeDirector' | undefined {
  if (eid === c.secretaryGeneral) return 'secretaryGeneral';
  return eid === c.financeDirector ? 'financeDirector' : undefined;
}

export async function approveSpend(ctx: DecContext, input: z.output<typeof inputs.approveSpendInput>, env: EnergyEnv): Promise<Spend> {
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.approver));
  const committee = await new GovernanceStore(ctx.ledger).requireCommittee();
  const store = new SpendingStore(ctx.ledger);
  const spend = await store.requireSpend(input.spendId);
  if (spend.status === 'used') throw new ConflictError(`spend ${spend.spendId} has already been used`);
  if (spend.term !== committee.term) throw new ConflictError(`spend ${spend.spendId} was requested in term ${spend.term.toString()}; the committee is in term ${committee.term.toString()}: request it again`);
  const role = roleOf(committee, input.approver);
  if (role === undefined) throw new AccessDeniedError(`request.approver ${input.approver} is neither the secretary general nor the finance director (term ${committee.term.toString()})`);
  if (spend.approvals.some((a) => a.role === role)) throw new ConflictError(`request.approver: the ${role} has already approved ${spend.spendId}`);
  const approvals = [...spend.approvals, { role, eid: input.approver, at: env.now, txId: env.txId }];
  const next = spendSchema.parse({ ...spend, approvals, status: approvals.length === 2 ? 'approved' : 'requested' });
  await store.putSpend(next);
  ctx.emit('SpendApproved', { spendId: spend.spendId, role, approver: input.approver, status: next.status });
  return next;
}

export function getSpend(ctx: DecContext, input: z.output<typeof inputs.spendIdInput>): Promise<Spend> {
  return new SpendingStore(ctx.ledger).requireSpend(input.spendId);
}

export async function listSpends(ctx: DecContext, input: { pageSize: number; bookmark: string }): Promise<PageResult<Spend>> {
  const page = await new SpendingStore(ctx.ledger).pageSpends(input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

/** Applies a passed AppointFinanceDirector decision (anyone may apply it; once). */
export async function appointFinanceDirector(ctx: DecContext, input: z.output<typeof inputs.appointFinanceDirectorInput>, env: EnergyEnv): Promise<Committee> {
  const gov = new GovernanceStore(ctx.ledger);
  const committee = await gov.requireCommittee();
  const decision = await gov.requireDecision(input.decisionId);
  const effect = logic.requireApplicable(decision, 'AppointFinanceDirector', env.now);
  if (decision.term !== committee.term) throw new ConflictError(`decision ${decision.decisionId} was taken in term ${decision.term.toString()}; the committee is in term ${committee.term.toString()}`);
  if (effect.eid === committee.secretaryGeneral) throw new RuleViolationError('distinct-officers', `${effect.eid} is the secretary general; the finance director must be someone else (two approvals)`);
  const p = await new IdentityStore(ctx.ledger).requireParticipant(effect.eid);
  if (p.status !== 'active') throw new AccessDeniedError(`${effect.eid} is ${p.status}, not active`);
  const applied = logic.markApplied(decision, 'AppointFinanceDirector', env);
  await gov.putDecision(applied.state);
  const next = committeeSchema.parse({ ...committee, financeDirector: effect.eid });
  await gov.putCommittee(next);
  ctx.emitAll(applied.events);
  ctx.emit('FinanceDirectorAppointed', { term: next.term, eid: effect.eid, decisionId: decision.decisionId });
  return next;
}

/** What a spending token transaction does, and the approvals it names. */
export interface SpendRequest {
  op: Spend['op'];
  source: Spend['source'];
  asset: 'DEC' | 'DECC';
  amount: bigint;
  purpose: Spend['purpose'];
  approvalId?: string | undefined;
  decisionId?: string | undefined;
}

type Asked = Record<'op' | 'source' | 'asset' | 'amount' | 'purpose', string>;

async function useDecision(ctx: DecContext, decisionId: string, op: string, asked: Asked, env: EnergyEnv): Promise<void> {
  const gov = new GovernanceStore(ctx.ledger);
  const decision = await gov.requireDecision(decisionId);
  const { kind: _kind, ...stated } = logic.requireApplicable(decision, 'Spend', env.now);
  requireSameSpend('decision', stated, asked);
  const applied = logic.markApplied(decision, op, env);
  await gov.putDecision(applied.state);
  ctx.emitAll(applied.events);
}

async function useApproval(ctx: DecContext, store: SpendingStore, approvalId: string, asked: Asked, env: EnergyEnv): Promise<void> {
  const spend = await store.requireSpend(approvalId);
  if (spend.status === 'used') throw new ConflictError(`spend approval ${spend.spendId} has already been used (by ${spend.used?.txId ?? '?'})`);
  if (spend.status !== 'approved') throw new RuleViolationError('spend-approved', `spend approval ${spend.spendId} has ${spend.approvals.map((a) => a.role).join(', ') || 'no approvals'}; the secretary general and the finance director must both approve`);
  const expiresAt = Date.parse(spend.requestedAt) + daysMs(DECISION_VALIDITY_DAYS);
  if (Date.parse(env.now) >= expiresAt) throw new RuleViolationError('spend-expired', `spend approval ${spend.spendId} expired unused at ${new Date(expiresAt).toISOString()}`);
  requireSameSpend('approval', { op: spend.op, source: spend.source, asset: spend.asset, amount: spend.amount, purpose: spend.purpose }, asked);
  await store.putSpend(spendSchema.parse({ ...spend, status: 'used', used: { txId: env.txId, at: env.now } }));
  ctx.emit('SpendUsed', { spendId: spend.spendId, op: asked.op, txId: env.txId });
}

/**
 * Checks (and records the use of) the approval a spend needs; throws before
 * anything is written when it is missing or does not match. Returns the tier
 * of the approval used.
 */
export async function authorizeSpend(ctx: DecContext, r: SpendRequest, env: EnergyEnv): Promise<Tier> {
  const rate = await new TokenStore(ctx.ledger).rate();
  const value = valueOf(r.asset, r.amount, rate === undefined ? undefined : BigInt(rate.rateE18));
  const store = new SpendingStore(ctx.ledger);
  const tier = tierOf(value, r.purpose);
  requireApprovalFor(tier, r, value);
  const asked: Asked = { op: r.op, source: r.source, asset: r.asset, amount: r.amount.toString(), purpose: r.purpose };
  if (r.decisionId !== undefined) {
    if (r.approvalId !== undefined) throw new ValidationError('request.approvalId', 'name either a committee decision or an officers\' approval, not both');
    await useDecision(ctx, r.decisionId, r.op, asked, env);
    return 'committee';
  }
  if (r.approvalId !== undefined) {
    if (tier === 'committee') throw new ValidationError('request.approvalId', 'is not enough: this spend needs a committee decision (request.decisionId)');
    await useApproval(ctx, store, r.approvalId, asked, env);
    return 'officers';
  }
  return 'operator';
}
