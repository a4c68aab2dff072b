/**
 * Pure election rules (white paper 8.3.3, 8.4.1): when an election may open,
 * the voting window, the running tally (ballots summed per candidate in key
 * order, the best `representatives` kept in rank order: more votes first, then
 * the lower eID; a candidate over the 20 % cap when counted is skipped and
 * listed), and the seating: the top N are the representatives, the top
 * M of them the core members, and the secretary general the best-ranked core
 * member who has not already served two consecutive terms as such.
 */
import { ConflictError, RuleViolationError } from '@dec/chaincode-kit/core';
import type { EnergyEnv } from '../common/env';
import type { ElectionRules } from './election-inputs';
import { electionSchema, type Ballot, type Election, type Standing } from './election-state';
import { daysMs, ELECTION_DEFAULTS, ELECTION_LEAD_DAYS, MAX_CONSECUTIVE_SG_TERMS, RESULTS_DUE_DAYS, ranksBefore } from './rules';
import { committeeSchema, type Committee } from './state';

export const termEndOf = (c: Committee): string => c.endsAt ?? new Date(Date.parse(c.since) + daysMs(ELECTION_DEFAULTS.termDays)).toISOString();

/** Without a CallElection decision an election opens from ELECTION_LEAD_DAYS before the term ends. */
export function requireTermEnding(c: Committee, now: string): void {
  const from = Date.parse(termEndOf(c)) - daysMs(ELECTION_LEAD_DAYS);
  if (Date.parse(now) < from) throw new RuleViolationError('election-not-due', `term ${c.term.toString()} ends at ${termEndOf(c)}; an election opens from ${new Date(from).toISOString()} or by a passed CallElection decision (request.decisionId)`);
}

export function openElection(c: Committee, electionId: string, rules: ElectionRules, calledBy: Election['calledBy'], env: EnergyEnv): Election {
  if (c.openElection !== undefined) throw new ConflictError(`election ${c.openElection} is already under way for term ${(c.term + 1).toString()}`);
  const closesAt = new Date(Date.parse(env.now) + rules.votingSeconds * 1000).toISOString();
  const resultsDueBy = new Date(Date.parse(closesAt) + daysMs(RESULTS_DUE_DAYS)).toISOString();
  return electionSchema.parse({
    electionId, term: c.term + 1, calledBy, rules, opensAt: env.now, closesAt, resultsDueBy, status: 'open',
    tally: { ballots: 0, weight: '0', leaders: [], pages: 0 },
  });
}

export function requireVoting(e: Election, now: string): void {
  if (e.status !== 'open' || Date.parse(now) >= Date.parse(e.closesAt)) throw new RuleViolationError('voting-window', `election ${e.electionId} closed for candidates and ballots at ${e.closesAt}`);
  if (Date.parse(now) < Date.parse(e.opensAt)) throw new RuleViolationError('voting-window', `election ${e.electionId} opens at ${e.opensAt}`);
}

export function requireClosed(e: Election, now: string): void {
  if (e.status === 'seated' || e.status === 'failed') throw new ConflictError(`election ${e.electionId} is already ${e.status}`);
  if (Date.parse(now) < Date.parse(e.closesAt)) throw new RuleViolationError('voting-window', `election ${e.electionId} is open until ${e.closesAt}; it is tallied after`);
}

/** Inserts a candidate's total among the leaders, keeping at most `limit` in rank order (candidates without votes are not ranked). */
export function mergeLeader(leaders: Standing[], s: Standing, limit: number): Standing[] {
  if (BigInt(s.votes) === 0n) return leaders;
  const rank = (x: Standing) => ({ id: x.eid, votes: BigInt(x.votes) });
  const out = [...leaders];
  let i = out.length;
  for (let prev = out[i - 1]; prev !== undefined && ranksBefore(rank(s), rank(prev)); prev = out[i - 1]) i--;
  out.splice(i, 0, s);
  return out.slice(0, limit);
}

/** Candidates over the 20 % cap when counted (eID → DEC held); see vote-lock.overCap. */
export type OverCap = ReadonlyMap<string, bigint>;

/** Ranks a candidate's finished sum, or records it as skipped when it is over the cap (its ballots still count in the total weight). */
function flush(t: Election['tally'], s: Standing, limit: number, capped: OverCap): Election['tally'] {
  const held = capped.get(s.eid);
  if (held === undefined) return { ...t, leaders: mergeLeader(t.leaders, s, limit) };
  return { ...t, skipped: [...(t.skipped ?? []), { eid: s.eid, votes: s.votes, held: held.toString() }] };
}

/** Counts one page of ballots (in key order, so each candidate's ballots are consecutive). */
export function countPage(e: Election, ballots: { key: string; value: Ballot }[], capped: OverCap = new Map()): Election {
  let t: Election['tally'] = { ...e.tally, leaders: [...e.tally.leaders] };
  let weight = BigInt(t.weight);
  for (const { key, value: b } of ballots) {
    if (t.current && t.current.eid === b.candidate) t.current = { eid: b.candidate, votes: (BigInt(t.current.votes) + BigInt(b.weight)).toString() };
    else {
      if (t.current) t = flush(t, t.current, e.rules.representatives, capped);
      t.current = { eid: b.candidate, votes: b.weight };
    }
    weight += BigInt(b.weight);
    t.ballots += 1;
    t.after = key;
  }
  return electionSchema.parse({ ...e, status: 'tallying', tally: { ...t, weight: weight.toString(), pages: t.pages + 1 } });
}

/** The secretary general: the best-ranked core member not barred by the two-consecutive-terms limit. */
export function chooseSecretaryGeneral(core: string[], previous: Committee): string | undefined {
  const served = previous.sgConsecutiveTerms ?? 1;
  return core.find((eid) => !(eid === previous.secretaryGeneral && served >= MAX_CONSECUTIVE_SG_TERMS));
}

/** Closes the tally: seats the elected committee, or fails (the seated committee stays) when fewer than M candidates have votes. */
export function finish(e: Election, previous: Committee, env: EnergyEnv, capped: OverCap = new Map()): { election: Election; committee: Committee } {
  const tally = { ...(e.tally.current ? flush(e.tally, e.tally.current, e.rules.representatives, capped) : e.tally), current: undefined };
  const leaders = tally.leaders;
  const skipped = tally.skipped;
  const late = Date.parse(env.now) > Date.parse(e.resultsDueBy);
  const core = leaders.slice(0, e.rules.coreMembers).map((s) => s.eid);
  const sg = core.length === e.rules.coreMembers ? chooseSecretaryGeneral(core, previous) : undefined;
  if (sg === undefined) {
    const reason = `${leaders.length.toString()} candidates received votes; ${e.rules.coreMembers.toString()} core members are needed`;
    const election = electionSchema.parse({ ...e, status: 'failed', tally, result: { representatives: leaders, coreMembers: [], skipped, reason, at: env.now, txId: env.txId, late } });
    return { election, committee: committeeSchema.parse({ ...previous, openElection: undefined }) };
  }
  const election = electionSchema.parse({ ...e, status: 'seated', tally, result: { representatives: leaders, coreMembers: core, secretaryGeneral: sg, skipped, at: env.now, txId: env.txId, late } });
  const committee = committeeSchema.parse({
    term: e.term, source: 'election', members: core, secretaryGeneral: sg, since: env.now, txId: env.txId,
    endsAt: new Date(Date.parse(env.now) + daysMs(e.rules.termDays)).toISOString(), rules: e.rules, representatives: leaders, electionId: e.electionId,
    sgConsecutiveTerms: sg === previous.secretaryGeneral ? (previous.sgConsecutiveTerms ?? 1) + 1 : 1,
    // an executive appointment, not elected: it stays, unless its holder is the new secretary general (two distinct officers approve spending)
    financeDirector: previous.financeDirector === sg ? undefined : previous.financeDirector,
  });
  return { election, committee };
}
