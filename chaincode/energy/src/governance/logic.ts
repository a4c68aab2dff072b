/**
 * Pure committee rules (white paper 8.3.3, 8.4.3): who sits on the committee,
 * how a decision is proposed, how votes count (one per core member, two for
 * the secretary general) and when a decision passes: with MORE than half of
 * all the committee's votes. No ledger, no clock (env.now).
 */
import { AccessDeniedError, ConflictError, RuleViolationError, ValidationError } from '@dec/chaincode-kit/core';
import type { DomainEvent } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import type * as inputs from './inputs';
import { DECISION_VALIDITY_DAYS, daysMs, ELECTION_DEFAULTS } from './rules';
import { committeeSchema, decisionSchema, type Committee, type Decision } from './state';

const HOUR_MS = 3_600_000;

export function bootstrapCommittee(existing: Committee | undefined, input: z.output<typeof inputs.bootstrapCommitteeInput>, env: EnergyEnv): Change<Committee> {
  if (existing) throw new ConflictError(`the committee is already seated (term ${existing.term.toString()}, ${existing.source}); a bootstrap happens once`);
  const endsAt = new Date(Date.parse(env.now) + daysMs(ELECTION_DEFAULTS.termDays)).toISOString();
  const state = committeeSchema.parse({ term: 1, source: 'bootstrap', members: input.members, secretaryGeneral: input.secretaryGeneral, since: env.now, txId: env.txId, note: input.note, endsAt, sgConsecutiveTerms: 1 });
  return { state, events: [{ name: 'CommitteeSeated', payload: state }] };
}

/** One vote per core member, two for the secretary general; 0 for anyone else. */
export function weightOf(committee: Committee, eid: string): number {
  if (!committee.members.includes(eid)) return 0;
  return eid === committee.secretaryGeneral ? 2 : 1;
}

export const totalWeight = (committee: Committee): number => committee.members.length + 1;

/** More than half of all the committee's votes (not of those cast). */
export const passes = (yes: number, total: number): boolean => yes * 2 > total;
/** The decision can no longer pass: the votes against are at least half. */
export const cannotPass = (no: number, total: number): boolean => no * 2 >= total;

export function requireMember(committee: Committee, eid: string, field: string): void {
  if (weightOf(committee, eid) === 0) throw new AccessDeniedError(`${field} ${eid} is not a core member of the committee (term ${committee.term.toString()})`);
}

export function propose(committee: Committee, input: z.output<typeof inputs.proposeDecisionInput>, decisionId: string, env: EnergyEnv): Change<Decision> {
  requireMember(committee, input.proposer, 'request.proposer');
  const closesAt = new Date(Date.parse(env.now) + input.votingHours * HOUR_MS).toISOString();
  const state = decisionSchema.parse({
    decisionId, term: committee.term, proposer: input.proposer, title: input.title, effect: input.effect, status: 'open',
    openedAt: env.now, closesAt, totalWeight: totalWeight(committee), yes: 0, no: 0, votes: [], applied: [],
    ...(input.effect.kind === 'EcologyPlan' ? { released: '0' } : {}),
  });
  return { state, events: [{ name: 'DecisionProposed', payload: { decisionId, term: state.term, proposer: state.proposer, effect: state.effect, closesAt } }] };
}

function requireOpen(d: Decision, env: EnergyEnv): void {
  if (d.status !== 'open') throw new ConflictError(`decision ${d.decisionId} is ${d.status}; votes are closed`);
  if (Date.parse(env.now) >= Date.parse(d.closesAt)) throw new RuleViolationError('voting-window', `decision ${d.decisionId} closed for votes at ${d.closesAt}`);
}

export function vote(d: Decision, committee: Committee, input: z.output<typeof inputs.voteDecisionInput>, env: EnergyEnv): Change<Decision> {
  requireOpen(d, env);
  if (committee.term !== d.term) throw new ConflictError(`decision ${d.decisionId} belongs to term ${d.term.toString()}; the committee is in term ${committee.term.toString()}`);
  requireMember(committee, input.member, 'request.member');
  if (d.votes.some((v) => v.member === input.member)) throw new ConflictError(`request.member ${input.member} has already voted on ${d.decisionId}`);
  const weight = weightOf(committee, input.member);
  const yes = d.yes + (input.approve ? weight : 0);
  const no = d.no + (input.approve ? 0 : weight);
  const status = passes(yes, d.totalWeight) ? 'passed' : cannotPass(no, d.totalWeight) ? 'rejected' : 'open';
  const votes = [...d.votes, { member: input.member, approve: input.approve, weight, at: env.now, txId: env.txId }];
  const state = decisionSchema.parse({ ...d, yes, no, votes, status, ...(status === 'open' ? {} : { decidedAt: env.now }) });
  const events: DomainEvent[] = [{ name: 'DecisionVoted', payload: { decisionId: d.decisionId, member: input.member, approve: input.approve, weight, yes, no } }];
  if (status !== 'open') events.push({ name: status === 'passed' ? 'DecisionPassed' : 'DecisionRejected', payload: { decisionId: d.decisionId, yes, no, totalWeight: d.totalWeight } });
  return { state, events };
}

/** A decision that may still be applied, with an effect of `kind`. */
export function requireApplicable<K extends Decision['effect']['kind']>(d: Decision, kind: K, now: string): Extract<Decision['effect'], { kind: K }> {
  if (d.status === 'applied') throw new ConflictError(`decision ${d.decisionId} has already been applied`);
  if (d.status !== 'passed') throw new RuleViolationError('decision-passed', `decision ${d.decisionId} is ${d.status}, not passed`);
  if (d.effect.kind !== kind) throw new ValidationError('request.decisionId', `decision ${d.decisionId} decides ${d.effect.kind}, not ${kind}`);
  const expiresAt = expiryOf(d);
  if (expiresAt !== undefined && Date.parse(now) >= Date.parse(expiresAt)) throw new RuleViolationError('decision-expired', `decision ${d.decisionId} passed at ${d.decidedAt ?? '?'} and expired unused at ${expiresAt}`);
  return d.effect as Extract<Decision['effect'], { kind: K }>;
}

/** When a passed decision expires unused: DECISION_VALIDITY_DAYS after it passed (an EcologyPlan is bound by its year instead). */
export function expiryOf(d: Decision): string | undefined {
  if (d.effect.kind === 'EcologyPlan' || d.decidedAt === undefined) return undefined;
  return new Date(Date.parse(d.decidedAt) + daysMs(DECISION_VALIDITY_DAYS)).toISOString();
}

/** A decision still open after its window, or passed and expired, can no longer be applied. */
export function expiredUnused(d: Decision, now: string): boolean {
  if (d.status === 'open') return Date.parse(now) >= Date.parse(d.closesAt);
  const expiresAt = expiryOf(d);
  return d.status === 'passed' && expiresAt !== undefined && Date.parse(now) >= Date.parse(expiresAt);
}

/** Marks a one-shot effect applied. */
export function markApplied(d: Decision, op: string, env: EnergyEnv): Change<Decision> {
  const state = decisionSchema.parse({ ...d, status: 'applied', applied: [...d.applied, { txId: env.txId, at: env.now, op }] });
  return { state, events: [{ name: 'DecisionApplied', payload: { decisionId: d.decisionId, op, txId: env.txId } }] };
}
