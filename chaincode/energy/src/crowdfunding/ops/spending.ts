/**
 * Money out of and into a funded project: drawdowns only for a budgeted
 * purpose against an evidence hash (escrow → fundraiser), progress reports,
 * and revenue of the funded equipment paid into the project's revenue account.
 */
import { big, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { TokenGuards } from '../../access/token-guards';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import { escrowAccount, revenueAccount, type Drawdown, type ProgressReport, type Project } from '../state';
import { recordCreditFact } from '../../credit/facts';
import { CrowdfundingStore } from '../store';
import { requireFundraiser } from './guards';

export async function drawdown(ctx: DecContext, input: z.output<typeof inputs.drawdownInput>, env: EnergyEnv): Promise<{ project: Project; drawdown: Drawdown }> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  await requireFundraiser(ctx, project, env);
  const amount = big(input.amount);
  const change = logic.drawdown(project, input.purpose, amount);
  const record: Drawdown = { projectId: project.id, purpose: input.purpose, amount: input.amount, evidenceHash: input.evidenceHash, note: input.note, at: env.now, txId: env.txId };
  return tokenTx(ctx, 'crowdfunding:Drawdown', async (tokens) => {
    await tokens.debit('DEC', escrowAccount(project.id), amount);
    await tokens.credit('DEC', project.fundraiser, amount, escrowAccount(project.id), 'crowdfunding:Drawdown');
    await store.putProject(change.state);
    await store.putDrawdown(record);
    await recordCreditFact(ctx, { subject: project.fundraiser, kind: 'drawdowns', ref: { projectId: project.id, purpose: input.purpose, amount: input.amount } });
    ctx.emitAll(change.events);
    return { project: change.state, drawdown: record };
  });
}

export async function reportProgress(ctx: DecContext, input: z.output<typeof inputs.progressInput>, env: EnergyEnv): Promise<ProgressReport> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  await requireFundraiser(ctx, project, env);
  const change = logic.recordProgress(project);
  const report: ProgressReport = { projectId: project.id, n: project.progressReports, evidenceHash: input.evidenceHash, note: input.note, at: env.now, txId: env.txId };
  await store.putProject(change.state);
  await store.putProgress(report);
  ctx.emitAll(change.events);
  return report;
}

/** Anyone may pay revenue to a funded project from an account it holds (the operator of the equipment, a lessee, a settlement payer). */
export async function payRevenue(ctx: DecContext, input: z.output<typeof inputs.payRevenueInput>): Promise<Project> {
  await new TokenGuards(ctx).holder(input.from, input.asset);
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  const amount = big(input.amount);
  const change = logic.accrueRevenue(project, input.asset, amount);
  return tokenTx(ctx, 'crowdfunding:PayRevenue', async (tokens) => {
    await tokens.debit(input.asset, input.from, amount);
    await tokens.credit(input.asset, revenueAccount(project.id), amount, input.from, 'crowdfunding:PayRevenue');
    await store.putProject(change.state);
    ctx.emitAll(change.events);
    return change.state;
  });
}
