/**
 * The credit service as pure functions: which facts a lease change is (an
 * instalment repaid on time or late, a lease gone late or into default), how a
 * fact moves a party's record and score (method.ts), and who may read what:
 * the regulator and the party itself see the breakdown, a bank only the score,
 * and only while the party has an open financing request to that bank.
 */
import { AccessDeniedError, ConflictError } from '@dec/chaincode-kit/core';
import { ROLE, type Actor } from '../access/policy';
import { dateOf } from '../common/dates';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { Lease } from '../leasing/state';
import { contributions, CREDIT_METHOD, scoreOf } from './method';
import { EMPTY_FACTS, RECENT_FACTS, type CreditFacts, type CreditRecord, type FactKind, type FactRef, type FinancingRequest } from './state';

/** A fact about `subject`, with where it is proved. */
export interface Fact {
  subject: string;
  ref: FactRef;
}

const STATUS_FACT: Partial<Record<Lease['status'], FactKind>> = { late: 'arrears', defaulted: 'defaults' };

function fullyCollected(lease: Lease, n: number): boolean {
  const row = lease.schedule.find((r) => r.n === n);
  return row !== undefined && row.collected === row.rent;
}

/**
 * Facts of a lease change, counted for the project company that owes the rent: an instalment
 * that became fully collected in this transaction (on time if by its due date, by the
 * transaction's date), and a status change to late or defaulted.
 */
export function leaseFacts(before: Lease, after: Lease, env: ScfEnv): Fact[] {
  const today = dateOf(env.now);
  const at = (kind: FactKind): Fact => ({ subject: after.projectCompany, ref: { kind, channel: 'scf', txId: env.txId, key: `lease~${after.id}`, at: env.now } });
  const repaid = after.schedule.filter((row) => row.collected === row.rent && !fullyCollected(before, row.n));
  const facts = repaid.map((row) => at(today <= row.dueDate ? 'onTimeRent' : 'lateRent'));
  const turned = after.status === before.status ? undefined : STATUS_FACT[after.status];
  return turned ? [...facts, at(turned)] : facts;
}

export interface CreditChange {
  record: CreditRecord;
  events: ScfEvent[];
}

function addFacts(before: CreditFacts, facts: FactRef[]): CreditFacts {
  const counted = { ...before };
  for (const f of facts) {
    const kind = f.kind as FactKind;
    if (!(kind in counted)) throw new ConflictError(`unknown credit fact kind ${f.kind}`);
    counted[kind] += 1;
    if (kind === 'ratings') counted.ratingSum += f.value ?? 0;
  }
  return counted;
}

/** Counts `facts` (all about `subject`) and recomputes the score. */
export function countFacts(current: CreditRecord | undefined, subject: string, facts: FactRef[], env: ScfEnv): CreditChange {
  const counted = addFacts(current?.facts ?? EMPTY_FACTS, facts);
  const score = scoreOf(counted);
  const earlier = current ?? emptyRecord(subject);
  const record: CreditRecord = {
    subject,
    method: CREDIT_METHOD,
    facts: counted,
    score,
    recent: [...facts, ...earlier.recent].slice(0, RECENT_FACTS),
    factCount: earlier.factCount + facts.length,
    updatedAt: env.now,
    updatedTxId: env.txId,
  };
  const payload = { subject, from: current?.score ?? null, score, facts: facts.map((f) => ({ kind: f.kind, channel: f.channel, txId: f.txId, key: f.key })) };
  return { record, events: [{ name: 'CreditScoreChanged', payload }] };
}

/** Groups facts by subject, in the order first seen. */
export function bySubject(facts: Fact[]): Map<string, FactRef[]> {
  const out = new Map<string, FactRef[]>();
  for (const f of facts) out.set(f.subject, [...(out.get(f.subject) ?? []), f.ref]);
  return out;
}

/** The party itself: a company acts as `<MSP>:<id>`, an institution's officers as `<MSP>`. */
export function isSelf(actor: Actor, subject: string): boolean {
  return actor.party === subject;
}

export type CreditView =
  | { subject: string; access: 'full'; method: string; score: number; facts: CreditRecord['facts']; contributions: Record<string, number>; recent: FactRef[]; factCount: number; updatedAt: string; updatedTxId: string }
  | { subject: string; access: 'score'; method: string; score: number; updatedAt: string; request: { bank: string; openedTxId: string } };

/** What `actor` may see of `subject`'s credit; refuses everyone else. */
export function viewOf(record: CreditRecord, actor: Actor, request: FinancingRequest | undefined): CreditView {
  if (actor.role === ROLE.regulator || isSelf(actor, record.subject)) {
    const { subject, method, score, facts, recent, factCount, updatedAt, updatedTxId } = record;
    return { subject, access: 'full', method, score, facts, contributions: contributions(facts), recent, factCount, updatedAt, updatedTxId };
  }
  if (actor.role === ROLE.bankOfficer && request?.status === 'open' && request.bank === actor.party) {
    return { subject: record.subject, access: 'score', method: record.method, score: record.score, updatedAt: record.updatedAt, request: { bank: request.bank, openedTxId: request.openedTxId } };
  }
  throw new AccessDeniedError(`the credit of ${record.subject} is seen by the regulator, the party itself, and a bank it asked for financing (open request); ${actor.party} is none of them`);
}

/** A record for a party with no facts yet (score at the base). */
export function emptyRecord(subject: string): CreditRecord {
  return { subject, method: CREDIT_METHOD, facts: { ...EMPTY_FACTS }, score: scoreOf(EMPTY_FACTS), recent: [], factCount: 0, updatedAt: '', updatedTxId: '' };
}

/** A score below `minimum` refuses (crowdfunding audits, regulator rules). */
export function meetsMinimum(record: CreditRecord, minimum: number): boolean {
  return record.score >= minimum;
}
