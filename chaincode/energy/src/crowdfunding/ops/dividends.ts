/**
 * Dividend periods and certificate transfers. Declaring period N moves the
 * fundraiser's share out of the revenue account and fixes the holders' pool;
 * paying runs through the certificates in number order, a page per
 * transaction, while transfers wait, so every certificate of the period is
 * paid exactly once to whoever held it at the declaration.
 */
import { big, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { TokenGuards } from '../../access/token-guards';
import { tokenTx } from '../../token/ops/run';
import * as dividends from '../dividends';
import type * as inputs from '../inputs';
import { revenueAccount, type Certificate, type DividendPeriod, type Project } from '../state';
import { CrowdfundingStore, parseCertificateId } from '../store';
import { recordCreditFact } from '../../credit/facts';

/** A dividend declared within this many days after its period ends is paid on time (credit service). */
export const DIVIDEND_GRACE_DAYS = 30;

function dividendTimeliness(project: Project, period: number, env: EnergyEnv): 'dividendsOnTime' | 'dividendsLate' {
  const due = Date.parse(dividends.periodEnd(project, period)) + DIVIDEND_GRACE_DAYS * 86_400_000;
  return Date.parse(env.now) <= due ? 'dividendsOnTime' : 'dividendsLate';
}
import { requireFundraiser, requireRecipient } from './guards';

export async function declareDividend(ctx: DecContext, input: z.output<typeof inputs.declareDividendInput>, env: EnergyEnv): Promise<DividendPeriod> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  await requireFundraiser(ctx, project, env, true);
  return tokenTx(ctx, 'crowdfunding:DeclareDividend', async (tokens) => {
    const account = revenueAccount(project.id);
    const { base, pending } = await tokens.balance(input.asset, account);
    const change = dividends.declare(project, input.asset, input.period, base + pending, env);
    const owner = big(change.state.period.ownerShare);
    await tokens.debit(input.asset, account, owner);
    await tokens.credit(input.asset, project.fundraiser, owner, account, 'crowdfunding:DeclareDividend');
    await store.putProject(change.state.project);
    await store.putPeriod(change.state.period);
    await recordCreditFact(ctx, { subject: project.fundraiser, kind: dividendTimeliness(project, input.period, env), ref: { projectId: project.id, asset: input.asset, period: String(input.period) } });
    ctx.emitAll(change.events);
    return change.state.period;
  });
}

export interface DividendPage {
  period: DividendPeriod;
  payouts: { holder: string; certificateId: string; amount: string }[];
}

export async function payDividends(ctx: DecContext, input: z.output<typeof inputs.payDividendsInput>, env: EnergyEnv): Promise<DividendPage> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  const period = await store.requirePeriod(project.id, input.asset, input.period);
  const to = Math.min(project.certificates, period.nextSeq + input.pageSize);
  const certs = await store.certificatesInRange(project.id, period.nextSeq, to);
  const change = dividends.payPage(project, period, certs, to, env);
  return tokenTx(ctx, 'crowdfunding:PayDividends', async (tokens) => {
    const account = revenueAccount(project.id);
    let total = 0n;
    for (const p of change.state.payouts) {
      total += p.amount;
      await tokens.credit(input.asset, p.holder, p.amount, account, 'crowdfunding:PayDividends');
    }
    await tokens.debit(input.asset, account, total);
    await store.putPeriod(change.state.period);
    await store.putProject(change.state.project);
    ctx.emitAll(change.events);
    return { period: change.state.period, payouts: change.state.payouts.map((p) => ({ ...p, amount: p.amount.toString() })) };
  });
}

export async function transferCertificate(ctx: DecContext, input: z.output<typeof inputs.transferCertificateInput>, env: EnergyEnv): Promise<{ from: Certificate; to: Certificate }> {
  const store = new CrowdfundingStore(ctx.ledger);
  const cert = await store.requireCertificate(input.certificateId);
  await new TokenGuards(ctx).holder(cert.holder, undefined);
  await requireRecipient(ctx, input.to);
  const project: Project = await store.requireProject(parseCertificateId(input.certificateId).projectId);
  const change = dividends.transfer(project, cert, input.to, big(input.units), env);
  const { from, to } = change.state;
  await store.putCertificate(from, cert);
  if (to.seq !== from.seq) await store.putCertificate(to);
  await store.putProject(change.state.project);
  ctx.emitAll(change.events);
  return { from, to };
}
