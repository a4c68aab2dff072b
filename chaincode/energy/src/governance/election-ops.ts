/**
 * Election operations: open (by a passed CallElection decision, or at term
 * end), stand, cast a ballot (DEC locked until the close), tally in bounded
 * pages (anyone, after the close; the last page seats the elected committee),
 * and the reads that let anyone recompute the result from the ballots.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { AccessDeniedError, ConflictError, RuleViolationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { requireHolder } from '../access/object-rules';
import type { EnergyEnv } from '../common/env';
import { deriveHex, type PageResult } from '../common/ids';
import { TokenGuards } from '../access/token-guards';
import { IdentityStore } from '../identity/store';
import type * as inputs from './election-inputs';
import { electionRulesSchema } from './election-inputs';
import * as logic from './election-logic';
import type { Ballot, Candidate, Election } from './election-state';
import { ElectionStore } from './election-store';
import * as committeeLogic from './logic';
import { committeeSchema, type Committee } from './state';
import { GovernanceStore } from './store';
import { lockVote, overCap, requireUnderCap } from './vote-lock';

export const electionIdOf = (txId: string): string => `election:${deriveHex('election', txId)}`;

async function activeHolder(ctx: DecContext, eid: string, env: EnergyEnv, field: string): Promise<void> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  if (p.status !== 'active') throw new AccessDeniedError(`${field} ${eid} is ${p.status}, not active`);
}

export async function openElection(ctx: DecContext, input: z.output<typeof inputs.openElectionInput>, env: EnergyEnv): Promise<Election> {
  const gov = new GovernanceStore(ctx.ledger);
  const committee = await gov.requireCommittee();
  let rules = committee.rules ?? electionRulesSchema.parse({});
  let calledBy: Election['calledBy'] = 'term-end';
  if (input.decisionId !== undefined) {
    const decision = await gov.requireDecision(input.decisionId);
    rules = committeeLogic.requireApplicable(decision, 'CallElection', env.now).rules;
    if (decision.term !== committee.term) throw new ConflictError(`decision ${decision.decisionId} was taken in term ${decision.term.toString()}; the committee is in term ${committee.term.toString()}`);
    const applied = committeeLogic.markApplied(decision, 'OpenElection', env);
    await gov.putDecision(applied.state);
    ctx.emitAll(applied.events);
    calledBy = { decisionId: decision.decisionId };
  } else logic.requireTermEnding(committee, env.now);
  const election = logic.openElection(committee, electionIdOf(env.txId), rules, calledBy, env);
  const store = new ElectionStore(ctx.ledger);
  await store.putElection(election);
  await gov.putCommittee(committeeSchema.parse({ ...committee, openElection: election.electionId }));
  // 8.4.1: the seated core members are candidates automatically (the 20 % cap still applies to them).
  for (const eid of committee.members) {
    const held = await requireUnderCap(ctx, eid, 'incumbent').catch(() => undefined);
    if (held !== undefined) await store.putCandidate({ electionId: election.electionId, eid, via: 'incumbent', heldAtStanding: held.toString(), at: env.now, txId: env.txId });
  }
  ctx.emit('ElectionOpened', { electionId: election.electionId, term: election.term, rules, closesAt: election.closesAt, calledBy });
  return election;
}

export async function stand(ctx: DecContext, input: z.output<typeof inputs.standInput>, env: EnergyEnv): Promise<Candidate> {
  await activeHolder(ctx, input.candidate, env, 'request.candidate');
  const store = new ElectionStore(ctx.ledger);
  const election = await store.requireElection(input.electionId);
  logic.requireVoting(election, env.now);
  if (await store.candidate(input.electionId, input.candidate)) throw new ConflictError(`request.candidate ${input.candidate} already stands in ${input.electionId}`);
  const held = await requireUnderCap(ctx, input.candidate, 'request.candidate');
  const candidate: Candidate = { electionId: input.electionId, eid: input.candidate, via: 'stood', heldAtStanding: held.toString(), statementHash: input.statementHash, note: input.note, at: env.now, txId: env.txId };
  await store.putCandidate(candidate);
  ctx.emit('CandidateStood', candidate);
  return candidate;
}

export async function castBallot(ctx: DecContext, input: z.output<typeof inputs.castBallotInput>, env: EnergyEnv): Promise<Ballot> {
  await new TokenGuards(ctx).holder(input.voter, 'DEC');
  const store = new ElectionStore(ctx.ledger);
  const election = await store.requireElection(input.electionId);
  logic.requireVoting(election, env.now);
  if (!(await store.candidate(input.electionId, input.candidate))) throw new RuleViolationError('not-a-candidate', `request.candidate ${input.candidate} does not stand in ${input.electionId}`);
  const already = await store.votedFor(input.electionId, input.voter);
  if (already !== undefined) throw new ConflictError(`request.voter ${input.voter} has already voted in ${input.electionId} (for ${already})`);
  const holdId = await lockVote(ctx, input.voter, input.amount, election.closesAt, `gov:${input.electionId}`, env);
  const ballot: Ballot = { electionId: input.electionId, voter: input.voter, candidate: input.candidate, weight: BigInt(input.amount).toString(), holdId, at: env.now, txId: env.txId };
  await store.putBallot(ballot);
  ctx.emit('BallotCast', ballot);
  return ballot;
}

/** One bounded page of the tally; the page that finds no more ballots seats the result. */
export async function tally(ctx: DecContext, input: z.output<typeof inputs.tallyInput>, env: EnergyEnv): Promise<Election> {
  const store = new ElectionStore(ctx.ledger);
  const election = await store.requireElection(input.electionId);
  logic.requireClosed(election, env.now);
  const page = await store.readBallots(election.electionId, election.tally.after, input.pageSize);
  // 8.3.3 at the tally too: a candidate whose holdings grew above 20 % after standing is skipped (read now, when its sum is counted).
  const capped = await overCap(ctx, [...(election.tally.current ? [election.tally.current.eid] : []), ...page.items.map((b) => b.value.candidate)], async (eid) =>
    BigInt((await store.ballotOf(election.electionId, eid))?.weight ?? '0'));
  const counted = logic.countPage(election, page.items, capped);
  if (!page.exhausted) {
    await store.putElection(counted);
    ctx.emit('ElectionTallied', { electionId: election.electionId, ballots: counted.tally.ballots, done: false });
    return counted;
  }
  const gov = new GovernanceStore(ctx.ledger);
  const previous: Committee = await gov.requireCommittee();
  const { election: done, committee } = logic.finish(counted, previous, env, capped);
  await store.putElection(done);
  await gov.putCommittee(committee);
  ctx.emit(done.status === 'seated' ? 'CommitteeElected' : 'ElectionFailed', { electionId: done.electionId, term: done.term, result: done.result });
  return done;
}

export function getElection(ctx: DecContext, input: z.output<typeof inputs.electionIdInput>): Promise<Election> {
  return new ElectionStore(ctx.ledger).requireElection(input.electionId);
}

export async function listElections(ctx: DecContext, input: z.output<typeof inputs.listElectionsInput>): Promise<PageResult<Election>> {
  const page = await new ElectionStore(ctx.ledger).pageElections(input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function listCandidates(ctx: DecContext, input: z.output<typeof inputs.pagedElectionInput>): Promise<PageResult<Candidate>> {
  const page = await new ElectionStore(ctx.ledger).pageCandidates(input.electionId, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function listBallots(ctx: DecContext, input: z.output<typeof inputs.pagedElectionInput>): Promise<PageResult<Ballot>> {
  const page = await new ElectionStore(ctx.ledger).pageBallots(input.electionId, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
