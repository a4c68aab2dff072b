/**
 * The stated numbers of governance (white paper 8.3.3, 8.4, 8.7) in one place,
 * and the two counting rules every tally uses, so that the README, the tests
 * and anyone recomputing a result from the ballots read the same rule.
 */
import { DEC_TOTAL_SUPPLY } from '../token/units';

const DAY_MS = 86_400_000;
export const daysMs = (days: number): number => days * DAY_MS;

/** Election defaults (8.3.3): 101 representatives, 9 core members, two-year terms. */
export const ELECTION_DEFAULTS = { representatives: 101, coreMembers: 9, termDays: 730, votingSeconds: 14 * 86_400 } as const;
/** An election may be opened without a committee decision from 60 days (8.4.1: "2 months") before the term ends. */
export const ELECTION_LEAD_DAYS = 60;
/** Results are due within 2 days of the close (8.4.1: "within 2 working days"); a later tally is flagged late. */
export const RESULTS_DUE_DAYS = 2;
/** The secretary general serves at most two consecutive terms (8.3.3). */
export const MAX_CONSECUTIVE_SG_TERMS = 2;
/** A candidate may hold at most 20 % of all DEC (the 319,000,000 DEC total supply), deposits included. */
export const CANDIDATE_CAP = DEC_TOTAL_SUPPLY / 5n;
/** Credits a holding check reads at most (a bounded read in a write path); beyond it the holder must token:Consolidate first. */
export const HOLDING_READ_BOUND = 500;

/** Ballots (or proposals) one tally transaction reads at most. */
export const MAX_TALLY_PAGE = 200;
export const DEFAULT_TALLY_PAGE = 100;

/** A passed decision not applied within 90 days of passing expires (EcologyPlan: bound by its calendar year instead). */
export const DECISION_VALIDITY_DAYS = 90;

/**
 * 8.4.3: "affirmative votes which are 10 % more than the dissenting votes".
 * The 10 % is of the DISSENTING votes: approved when for > against × 1.1,
 * i.e. 10·for > 11·against, in exact integers (base units of locked DEC).
 * At exactly 110 for / 100 against the proposal is NOT approved; no votes at
 * all is not approved; any affirmative weight with no dissent is.
 */
export const approvedByMargin = (votesFor: bigint, votesAgainst: bigint): boolean => votesFor > 0n && votesFor * 10n > votesAgainst * 11n;

/**
 * Ranking of candidates (and of competing approved proposals): more votes
 * first; on equal votes the lower ID (eID / proposal ID, compared as strings)
 * first. Deterministic, so anyone recomputing from the ballots gets the same order.
 */
export function ranksBefore(a: { id: string; votes: bigint }, b: { id: string; votes: bigint }): boolean {
  if (a.votes !== b.votes) return a.votes > b.votes;
  return a.id < b.id;
}

/**
 * The four vote types of 8.4.2: elections (governance:OpenElection) and three
 * kinds of community proposal rounds.
 */
export const VOTE_TYPES = ['election', 'ecosystem', 'crowdfunding', 'other-business'] as const;
export const PROPOSAL_VOTE_TYPES = ['ecosystem', 'crowdfunding', 'other-business'] as const;
/** The winning proposer's reward (8.4.3) is paid in DECC from the reward pool, at most 1,000 DECC per round (default 100 DECC). */
export const MAX_PROPOSER_REWARD = 100_000n;
