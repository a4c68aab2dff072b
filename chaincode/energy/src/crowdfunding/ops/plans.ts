/**
 * Plan submission, the platform's audit and launch. The fundraiser submits
 * and launches as the holder of its eID; the audit (platform operator, by the
 * map's grant) records the stated checks read from the ledger and may approve
 * only when all of them pass.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { deriveHex } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import type { Project } from '../state';
import { readScfStanding } from '../scf-standing';
import { CrowdfundingStore } from '../store';
import { requireFundraiser, requireHolderWithRole } from './guards';

export async function submitPlan(ctx: DecContext, input: z.output<typeof inputs.submitPlanInput>, env: EnergyEnv): Promise<Project> {
  await requireHolderWithRole(ctx, input.fundraiser, 'fundraiser', env);
  const store = new CrowdfundingStore(ctx.ledger);
  const id = `proj:${deriveHex('project', env.txId)}`;
  if (await store.project(id)) throw new ConflictError(`project ${id} already exists`);
  const change = logic.submitPlan(input, id, env);
  await store.putProject(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export async function auditPlan(ctx: DecContext, input: z.output<typeof inputs.auditPlanInput>, env: EnergyEnv): Promise<Project> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  const fundraiser = await new IdentityStore(ctx.ledger).requireParticipant(project.fundraiser);
  const deposit = await new TokenStore(ctx.ledger).deposit(project.fundraiser);
  const credit = input.requireCreditStanding ? { creditStanding: { required: true as const, standing: project.creditStanding } } : {};
  const checks = logic.auditChecks(project, { fundraiser, depositAmount: BigInt(deposit?.amount ?? '0'), openObligations: deposit?.obligations.length ?? 0, ...credit });
  const change = logic.recordAudit(project, input.approve, checks, env, input.note);
  await store.putProject(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

/**
 * Reads the fundraiser's credit standing on scf (scf-standing.ts) and records it on the
 * plan awaiting its audit. Anyone may trigger it: the caller chooses only the project.
 */
export async function attestCreditStanding(ctx: DecContext, input: z.output<typeof inputs.projectInput>, env: EnergyEnv): Promise<Project> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  logic.requireStatus(project, 'submitted');
  const { eid: _eid, ...standing } = await readScfStanding(ctx, project.fundraiser);
  const change = logic.attestCreditStanding(project, standing, env);
  await store.putProject(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export async function launch(ctx: DecContext, input: z.output<typeof inputs.projectInput>, env: EnergyEnv): Promise<Project> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  await requireFundraiser(ctx, project, env);
  const change = logic.launch(project, env);
  await store.putProject(change.state);
  ctx.emitAll(change.events);
  return change.state;
}
