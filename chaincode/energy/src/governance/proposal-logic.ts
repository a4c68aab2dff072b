/**
 * Pure rules of community proposals (white paper 8.4.3): a proposal is
 * approved when its affirmative votes exceed the dissenting votes by more than
 * 10 % OF THE DISSENTING VOTES (rules.approvedByMargin); among the approved
 * proposals of a round the one with the most affirmative votes wins (equal
 * affirmative votes: the lower proposal ID). The tally sums each proposal's
 * ballots (consecutive in key order) one bounded page at a time.
 */
import { ConflictError, RuleViolationError } from '@dec/chaincode-kit/core';
import type { ProposalBallot, ProposalTally, Round } from './proposal-state';
import { roundSchema } from './proposal-state';
import { approvedByMargin, ranksBefore } from './rules';

export function requireVoting(r: Round, now: string): void {
  if (r.status !== 'open' || Date.parse(now) >= Date.parse(r.closesAt)) throw new RuleViolationError('voting-window', `round ${r.roundId} closed for proposals and votes at ${r.closesAt}`);
}

export function requireClosed(r: Round, now: string): void {
  if (r.status === 'decided') throw new ConflictError(`round ${r.roundId} is already decided`);
  if (Date.parse(now) < Date.parse(r.closesAt)) throw new RuleViolationError('voting-window', `round ${r.roundId} is open until ${r.closesAt}; it is tallied after`);
}

export const approved = (t: ProposalTally): boolean => approvedByMargin(BigInt(t.for), BigInt(t.against));

/** The better of two approved proposals by affirmative votes (then the lower ID). */
export function better(best: ProposalTally | undefined, t: ProposalTally): ProposalTally | undefined {
  if (!approved(t)) return best;
  if (!best) return t;
  return ranksBefore({ id: t.proposalId, votes: BigInt(t.for) }, { id: best.proposalId, votes: BigInt(best.for) }) ? t : best;
}

/** Counts one page; returns the round and the proposals whose count completed in it. */
export function countPage(r: Round, ballots: { key: string; value: ProposalBallot }[], exhausted: boolean): { round: Round; completed: ProposalTally[] } {
  const t = { ...r.tally };
  const completed: ProposalTally[] = [];
  for (const { key, value: b } of ballots) {
    if (!t.current || t.current.proposalId !== b.proposalId) {
      if (t.current) completed.push(t.current);
      t.current = { proposalId: b.proposalId, for: '0', against: '0' };
    }
    const c = t.current;
    t.current = b.support ? { ...c, for: (BigInt(c.for) + BigInt(b.weight)).toString() } : { ...c, against: (BigInt(c.against) + BigInt(b.weight)).toString() };
    t.ballots += 1;
    t.after = key;
  }
  if (exhausted && t.current) {
    completed.push(t.current);
    t.current = undefined;
  }
  for (const c of completed) t.best = better(t.best, c);
  return { round: roundSchema.parse({ ...r, status: 'tallying', tally: { ...t, pages: t.pages + 1 } }), completed };
}
