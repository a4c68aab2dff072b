/**
 * Committee operations: seat the bootstrap committee (platform operator, once),
 * propose a decision and vote on it (the holder of a core member's eID), and
 * read them. Grants are checked by `@Tx`; the holder rules here once the
 * participant records are read.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { AccessDeniedError, ConflictError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { requireHolder } from '../access/object-rules';
import type { EnergyEnv } from '../common/env';
import { deriveHex, type PageResult } from '../common/ids';
import { IdentityStore } from '../identity/store';
import type * as inputs from './inputs';
import * as logic from './logic';
import type { Committee, Decision } from './state';
import { GovernanceStore } from './store';

export const decisionIdOf = (txId: string): string => `decision:${deriveHex('decision', txId)}`;

export async function bootstrapCommittee(ctx: DecContext, input: z.output<typeof inputs.bootstrapCommitteeInput>, env: EnergyEnv): Promise<Committee> {
  const store = new GovernanceStore(ctx.ledger);
  const existing = await store.committee();
  const identities = new IdentityStore(ctx.ledger);
  for (const [i, eid] of input.members.entries()) {
    const p = await identities.requireParticipant(eid);
    if (p.status !== 'active') throw new AccessDeniedError(`request.members[${i.toString()}] ${eid} is ${p.status}, not active`);
  }
  const change = logic.bootstrapCommittee(existing, input, env);
  await store.putCommittee(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

/** The caller holds `eid` (bound to it, active). */
async function requireHolderOf(ctx: DecContext, eid: string, env: EnergyEnv): Promise<void> {
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(eid));
}

export async function propose(ctx: DecContext, input: z.output<typeof inputs.proposeDecisionInput>, env: EnergyEnv): Promise<Decision> {
  await requireHolderOf(ctx, input.proposer, env);
  const store = new GovernanceStore(ctx.ledger);
  const change = logic.propose(await store.requireCommittee(), input, decisionIdOf(env.txId), env);
  if (input.effect.kind === 'EcologyPlan') {
    const year = input.effect.year;
    const existing = await store.ecologyPlanOf(year);
    const other = existing === undefined ? undefined : await store.requireDecision(existing);
    if (other && other.status !== 'rejected' && !logic.expiredUnused(other, env.now)) {
      throw new ConflictError(`request.effect.year: the ecology plan of ${year.toString()} is already decision ${other.decisionId} (${other.status}); one plan per year`);
    }
    await store.putEcologyPlan(year, change.state.decisionId);
  }
  await store.putDecision(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export async function vote(ctx: DecContext, input: z.output<typeof inputs.voteDecisionInput>, env: EnergyEnv): Promise<Decision> {
  await requireHolderOf(ctx, input.member, env);
  const store = new GovernanceStore(ctx.ledger);
  const change = logic.vote(await store.requireDecision(input.decisionId), await store.requireCommittee(), input, env);
  await store.putDecision(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export async function getCommittee(ctx: DecContext): Promise<{ committee: Committee | null }> {
  return { committee: (await new GovernanceStore(ctx.ledger).committee()) ?? null };
}

export function getDecision(ctx: DecContext, input: z.output<typeof inputs.decisionIdInput>): Promise<Decision> {
  return new GovernanceStore(ctx.ledger).requireDecision(input.decisionId);
}

export async function listDecisions(ctx: DecContext, input: z.output<typeof inputs.listDecisionsInput>): Promise<PageResult<Decision>> {
  const page = await new GovernanceStore(ctx.ledger).pageDecisions(input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
