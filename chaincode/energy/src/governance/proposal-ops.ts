/**
 * Community proposal operations: a core member opens a round, participants
 * submit proposals and vote with locked DEC, anyone tallies after the close in
 * bounded pages; the last page names the winner and pays its proposer the
 * round's reward from the DECC reward pool (sys:rewards).
 */
import type { DecContext } from '@dec/chaincode-kit';
import { AccessDeniedError, ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { requireHolder } from '../access/object-rules';
import type { EnergyEnv } from '../common/env';
import { deriveHex, type PageResult } from '../common/ids';
import { TokenGuards } from '../access/token-guards';
import { IdentityStore } from '../identity/store';
import { SYS } from '../token/accounts';
import { tokenTx } from '../token/ops/run';
import * as committeeLogic from './logic';
import type * as inputs from './proposal-inputs';
import * as logic from './proposal-logic';
import { proposalSchema, roundSchema, type Proposal, type ProposalBallot, type Round } from './proposal-state';
import { ProposalStore } from './proposal-store';
import { GovernanceStore } from './store';
import { lockVote } from './vote-lock';

async function activeHolder(ctx: DecContext, eid: string, env: EnergyEnv, field: string): Promise<void> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  if (p.status !== 'active') throw new AccessDeniedError(`${field} ${eid} is ${p.status}, not active`);
}

export async function openRound(ctx: DecContext, input: z.output<typeof inputs.openRoundInput>, env: EnergyEnv): Promise<Round> {
  await activeHolder(ctx, input.opener, env, 'request.opener');
  committeeLogic.requireMember(await new GovernanceStore(ctx.ledger).requireCommittee(), input.opener, 'request.opener');
  const round = roundSchema.parse({
    roundId: `round:${deriveHex('round', env.txId)}`, voteType: input.voteType, title: input.title, opener: input.opener, reward: input.reward,
    opensAt: env.now, closesAt: new Date(Date.parse(env.now) + input.votingSeconds * 1000).toISOString(), status: 'open', tally: { ballots: 0, pages: 0 }, txId: env.txId,
  });
  await new ProposalStore(ctx.ledger).putRound(round);
  ctx.emit('RoundOpened', round);
  return round;
}

export async function submitProposal(ctx: DecContext, input: z.output<typeof inputs.submitProposalInput>, env: EnergyEnv): Promise<Proposal> {
  await activeHolder(ctx, input.proposer, env, 'request.proposer');
  const store = new ProposalStore(ctx.ledger);
  logic.requireVoting(await store.requireRound(input.roundId), env.now);
  const proposal = proposalSchema.parse({ proposalId: `proposal:${deriveHex('proposal', env.txId)}`, roundId: input.roundId, proposer: input.proposer, title: input.title, documentHash: input.documentHash, at: env.now, txId: env.txId });
  await store.putProposal(proposal, true);
  ctx.emit('ProposalSubmitted', proposal);
  return proposal;
}

export async function voteProposal(ctx: DecContext, input: z.output<typeof inputs.voteProposalInput>, env: EnergyEnv): Promise<ProposalBallot> {
  await new TokenGuards(ctx).holder(input.voter, 'DEC');
  const store = new ProposalStore(ctx.ledger);
  const proposal = await store.requireProposal(input.proposalId);
  const round = await store.requireRound(proposal.roundId);
  logic.requireVoting(round, env.now);
  if (await store.ballot(round.roundId, proposal.proposalId, input.voter)) throw new ConflictError(`request.voter ${input.voter} has already voted on ${proposal.proposalId}`);
  const holdId = await lockVote(ctx, input.voter, input.amount, round.closesAt, `gov:${round.roundId}`, env);
  const ballot: ProposalBallot = { roundId: round.roundId, proposalId: proposal.proposalId, voter: input.voter, support: input.support, weight: BigInt(input.amount).toString(), holdId, at: env.now, txId: env.txId };
  await store.putBallot(ballot);
  ctx.emit('ProposalVoted', ballot);
  return ballot;
}

export async function tallyRound(ctx: DecContext, input: z.output<typeof inputs.tallyRoundInput>, env: EnergyEnv): Promise<Round> {
  const store = new ProposalStore(ctx.ledger);
  const round = await store.requireRound(input.roundId);
  logic.requireClosed(round, env.now);
  const page = await store.readBallots(round.roundId, round.tally.after, input.pageSize);
  const { round: counted, completed } = logic.countPage(round, page.items, page.exhausted);
  for (const t of completed) {
    const p = await store.requireProposal(t.proposalId);
    await store.putProposal(proposalSchema.parse({ ...p, result: { for: t.for, against: t.against, approved: logic.approved(t) } }));
  }
  if (!page.exhausted) {
    await store.putRound(counted);
    return counted;
  }
  const winner = counted.tally.best?.proposalId;
  let rewardPaidTo: string | undefined;
  if (winner !== undefined && BigInt(round.reward) > 0n) {
    const proposer = (await store.requireProposal(winner)).proposer;
    await tokenTx(ctx, 'ProposerReward', async (tokens) => {
      await tokens.debit('DECC', SYS.rewards, BigInt(round.reward)).catch((e: unknown) => {
        throw new ValidationError('request.roundId', `the reward pool cannot pay the round's reward of ${round.reward} DECC base units (${e instanceof Error ? e.message : String(e)}); fund sys:rewards and tally again`);
      });
      await tokens.credit('DECC', proposer, BigInt(round.reward), SYS.rewards, 'ProposerReward');
    });
    rewardPaidTo = proposer;
  }
  const decided = roundSchema.parse({ ...counted, status: 'decided', winner, rewardPaidTo, decidedAt: env.now });
  await store.putRound(decided);
  ctx.emit('RoundDecided', { roundId: round.roundId, winner, best: counted.tally.best, reward: round.reward, rewardPaidTo });
  return decided;
}

export function getRound(ctx: DecContext, input: z.output<typeof inputs.roundIdInput>): Promise<Round> {
  return new ProposalStore(ctx.ledger).requireRound(input.roundId);
}

export function getProposal(ctx: DecContext, input: z.output<typeof inputs.proposalIdInput>): Promise<Proposal> {
  return new ProposalStore(ctx.ledger).requireProposal(input.proposalId);
}

export async function listRounds(ctx: DecContext, input: z.output<typeof inputs.listRoundsInput>): Promise<PageResult<Round>> {
  const page = await new ProposalStore(ctx.ledger).pageRounds(input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function listProposals(ctx: DecContext, input: z.output<typeof inputs.pagedRoundInput>): Promise<PageResult<Proposal>> {
  const page = await new ProposalStore(ctx.ledger).pageProposals(input.roundId, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function listProposalBallots(ctx: DecContext, input: z.output<typeof inputs.pagedRoundInput>): Promise<PageResult<ProposalBallot>> {
  const page = await new ProposalStore(ctx.ledger).pageBallots(input.roundId, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
