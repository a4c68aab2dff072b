/**
 * The crowdfunding lifecycle as pure functions (white paper 4.1.3): plan →
 * platform audit → launch → subscriptions → success or failure → drawdowns
 * against the budget. Each takes the current record and returns the next one
 * plus its events, or throws naming the input field. No ledger, no clock
 * (env.now), no randomness.
 */
import { ConflictError, RuleViolationError, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import { normaliseTime } from '../common/ids';
import type { Participant } from '../identity/state';
import type * as inputs from './inputs';
import { projectSchema, type AuditCheck, type CreditStanding, type Project } from './state';

type Plan = z.output<typeof inputs.submitPlanInput>;

/** A fundraiser's business deposit must hold at least this share of the target (basis points) when the plan is audited. */
export const DEPOSIT_BPS = 100n;

const ZERO = { DEC: '0', DECC: '0' };

function checkPlanAmounts(plan: Plan): void {
  const target = BigInt(plan.target);
  if (BigInt(plan.minSubscription) > BigInt(plan.maxSubscription)) throw new ValidationError('request.minSubscription', 'must not exceed maxSubscription');
  if (BigInt(plan.maxSubscription) > target) throw new ValidationError('request.maxSubscription', 'must not exceed target');
  if (new Set(plan.budget.map((l) => l.purpose)).size !== plan.budget.length) throw new ValidationError('request.budget', 'must not name a purpose twice');
  const budgeted = plan.budget.reduce((s, l) => s + BigInt(l.amount), 0n);
  if (budgeted !== target) throw new ValidationError('request.budget', `must add up to the target ${target}; adds up to ${budgeted}`);
}

export function submitPlan(plan: Plan, id: string, env: EnergyEnv): Change<Project> {
  checkPlanAmounts(plan);
  const deadline = normaliseTime(plan.deadline);
  if (deadline <= env.now) throw new ValidationError('request.deadline', `must be after the transaction time ${env.now}`);
  const state = projectSchema.parse({
    id,
    fundraiser: plan.fundraiser,
    title: plan.title,
    target: plan.target,
    minSubscription: plan.minSubscription,
    maxSubscription: plan.maxSubscription,
    deadline,
    closeOnTarget: plan.closeOnTarget,
    budget: plan.budget.map((l) => ({ purpose: l.purpose, amount: l.amount, drawn: '0' })),
    dividend: plan.dividend,
    documents: plan.documents,
    status: 'submitted',
    submittedAt: env.now,
    raised: '0',
    refunded: '0',
    certificates: 0,
    funders: 0,
    refundCursor: 0,
    progressReports: 0,
    revenue: ZERO,
    dividendsPaid: ZERO,
    ownerShare: ZERO,
    carried: ZERO,
    lastPeriod: { DEC: 0, DECC: 0 },
  });
  return { state, events: [{ name: 'crowdfunding.PlanSubmitted', payload: { projectId: id, fundraiser: plan.fundraiser, target: plan.target, deadline } }] };
}

export interface AuditFacts {
  fundraiser: Participant;
  depositAmount: bigint;
  openObligations: number;
  /** Present when the audit requires the fundraiser's credit standing: what is attested on the project (or undefined). */
  creditStanding?: { required: true; standing: CreditStanding | undefined };
}

function creditCheck(standing: CreditStanding | undefined): AuditCheck {
  if (!standing) return { name: 'fundraiser-credit-score', ok: false, detail: 'no credit standing attested from scf (crowdfunding:AttestCreditStanding)' };
  const source = `scf rules v${standing.rulesVersion}, score of ${standing.subject} as of scf tx ${standing.scoreTxId || '(no facts)'}, attested in tx ${standing.attestedTxId}`;
  const verdict = standing.meets ? 'meets' : 'is below';
  return { name: 'fundraiser-credit-score', ok: standing.meets, detail: `credit score ${verdict} the crowdfunding minimum ${standing.minimum} (${source})` };
}

/** The stated audit rules, evaluated from the ledger's facts about the fundraiser. */
export function auditChecks(project: Project, facts: AuditFacts): AuditCheck[] {
  const needed = (BigInt(project.target) * DEPOSIT_BPS) / 10_000n;
  return [
    { name: 'fundraiser-active', ok: facts.fundraiser.status === 'active', detail: `eID ${facts.fundraiser.eid} is ${facts.fundraiser.status}` },
    { name: 'fundraiser-role', ok: facts.fundraiser.roles.includes('fundraiser'), detail: `roles: ${facts.fundraiser.roles.join(', ') || 'none'}` },
    { name: 'deposit-held', ok: facts.depositAmount >= needed, detail: `deposit ${facts.depositAmount}, needs ${needed} (${DEPOSIT_BPS} bps of the target)` },
    { name: 'no-open-arrears', ok: facts.openObligations === 0, detail: `${facts.openObligations} open obligations on the deposit` },
    ...(facts.creditStanding ? [creditCheck(facts.creditStanding.standing)] : []),
  ];
}

export function requireStatus(p: Project, ...allowed: Project['status'][]): void {
  if (!allowed.includes(p.status)) throw new ConflictError(`project ${p.id} is ${p.status}, not ${allowed.join(' or ')}`);
}

export function recordAudit(p: Project, approve: boolean, checks: AuditCheck[], env: EnergyEnv, note?: string): Change<Project> {
  requireStatus(p, 'submitted');
  const failed = checks.filter((c) => !c.ok);
  if (approve && failed.length > 0) throw new RuleViolationError('crowdfunding-audit', `cannot approve: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`);
  const state: Project = { ...p, status: approve ? 'audited' : 'rejected', audit: { approved: approve, at: env.now, checks, note } };
  return { state, events: [{ name: 'crowdfunding.PlanAudited', payload: { projectId: p.id, approved: approve, checks } }] };
}

/** Records the standing read from scf on a plan awaiting its audit (the latest replaces any earlier one). */
export function attestCreditStanding(p: Project, standing: Omit<CreditStanding, 'attestedAt' | 'attestedTxId'>, env: EnergyEnv): Change<Project> {
  requireStatus(p, 'submitted');
  const creditStanding: CreditStanding = { ...standing, attestedAt: env.now, attestedTxId: env.txId };
  const payload = { projectId: p.id, fundraiser: p.fundraiser, subject: standing.subject, meets: standing.meets, minimum: standing.minimum, rulesVersion: standing.rulesVersion };
  return { state: { ...p, creditStanding }, events: [{ name: 'crowdfunding.CreditStandingAttested', payload }] };
}

export function launch(p: Project, env: EnergyEnv): Change<Project> {
  requireStatus(p, 'audited');
  if (env.now >= p.deadline) throw new ConflictError(`project ${p.id}: the deadline ${p.deadline} has passed`);
  return { state: { ...p, status: 'open', launchedAt: env.now }, events: [{ name: 'crowdfunding.Launched', payload: { projectId: p.id } }] };
}

/** A subscription: the funder's total (previous + amount) within [min, max], the raise within the target, before the deadline. */
export function subscribe(p: Project, previousUnits: bigint, amount: bigint, env: EnergyEnv): Change<Project> {
  requireStatus(p, 'open');
  if (env.now >= p.deadline) throw new ValidationError('request.projectId', `subscriptions closed at the deadline ${p.deadline}`);
  const total = previousUnits + amount;
  if (total < BigInt(p.minSubscription)) throw new ValidationError('request.amount', `a funder's subscription must total at least ${p.minSubscription}; would be ${total}`);
  if (total > BigInt(p.maxSubscription)) throw new ValidationError('request.amount', `a funder's subscription may total at most ${p.maxSubscription}; would be ${total}`);
  const raised = BigInt(p.raised) + amount;
  if (raised > BigInt(p.target)) throw new ValidationError('request.amount', `exceeds what remains to the target: ${BigInt(p.target) - BigInt(p.raised)}`);
  const state: Project = { ...p, raised: raised.toString(), funders: p.funders + (previousUnits === 0n ? 1 : 0), certificates: p.certificates + (previousUnits === 0n ? 1 : 0) };
  return { state, events: [{ name: 'crowdfunding.Subscribed', payload: { projectId: p.id, amount: amount.toString(), raised: state.raised } }] };
}

/** After the deadline (or at the target when the plan says so): success iff the target was raised. */
export function close(p: Project, env: EnergyEnv): Change<Project> {
  requireStatus(p, 'open');
  const reached = BigInt(p.raised) >= BigInt(p.target);
  if (env.now < p.deadline && !(reached && p.closeOnTarget)) throw new ConflictError(`project ${p.id} closes at its deadline ${p.deadline}${p.closeOnTarget ? ' or when the target is reached' : ''}`);
  const status = reached ? 'succeeded' : 'failed';
  return { state: { ...p, status, closedAt: env.now }, events: [{ name: 'crowdfunding.Closed', payload: { projectId: p.id, status, raised: p.raised } }] };
}

/** The next page of certificate numbers a refund run covers. */
export function refundRange(p: Project, pageSize: number): { from: number; to: number } {
  requireStatus(p, 'failed');
  return { from: p.refundCursor, to: Math.min(p.certificates, p.refundCursor + pageSize) };
}

export function recordRefunds(p: Project, to: number, amount: bigint): Change<Project> {
  const refunded = (BigInt(p.refunded) + amount).toString();
  const done = to >= p.certificates;
  const state: Project = { ...p, refundCursor: to, refunded, status: done ? 'refunded' : p.status };
  return { state, events: [{ name: 'crowdfunding.Refunded', payload: { projectId: p.id, through: to, amount: amount.toString(), done } }] };
}

/** Draws funds for a budgeted purpose, never beyond what the budget left for it. */
export function drawdown(p: Project, purpose: string, amount: bigint): Change<Project> {
  requireStatus(p, 'succeeded');
  const line = p.budget.find((l) => l.purpose === purpose);
  if (!line) throw new ValidationError('request.purpose', `is not in the budget (${p.budget.map((l) => l.purpose).join(', ')})`);
  const left = BigInt(line.amount) - BigInt(line.drawn);
  if (amount > left) throw new ValidationError('request.amount', `exceeds what the budget leaves for ${purpose}: ${left}`);
  const budget = p.budget.map((l) => (l.purpose === purpose ? { ...l, drawn: (BigInt(l.drawn) + amount).toString() } : l));
  return { state: { ...p, budget }, events: [{ name: 'crowdfunding.Drawdown', payload: { projectId: p.id, purpose, amount: amount.toString() } }] };
}

export function recordProgress(p: Project): Change<Project> {
  requireStatus(p, 'succeeded');
  return { state: { ...p, progressReports: p.progressReports + 1 }, events: [{ name: 'crowdfunding.Progress', payload: { projectId: p.id, n: p.progressReports } }] };
}

export function accrueRevenue(p: Project, asset: 'DEC' | 'DECC', amount: bigint): Change<Project> {
  requireStatus(p, 'succeeded');
  const revenue = { ...p.revenue, [asset]: (BigInt(p.revenue[asset]) + amount).toString() };
  return { state: { ...p, revenue }, events: [{ name: 'crowdfunding.Revenue', payload: { projectId: p.id, asset, amount: amount.toString() } }] };
}

