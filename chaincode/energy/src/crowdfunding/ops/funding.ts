/**
 * Subscriptions and the close of a campaign. A subscription moves the
 * funder's DEC into the project's escrow account and adds the amount to the
 * funder's certificate (its units are the DEC subscribed). At the close the
 * project succeeds (certificates become earning rights) or fails; a failed
 * project's refund run pays every certificate back, to the unit, a page of
 * certificate numbers per transaction.
 */
import { big, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import { certificateId, escrowAccount, type Certificate, type Project } from '../state';
import { CrowdfundingStore } from '../store';
import { requireHolderWithRole } from './guards';

export interface Subscription {
  project: Project;
  certificate: Certificate;
}

export async function subscribe(ctx: DecContext, input: z.output<typeof inputs.subscribeInput>, env: EnergyEnv): Promise<Subscription> {
  await requireHolderWithRole(ctx, input.funder, 'funder', env);
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  const seq = await store.funderSeq(project.id, input.funder);
  const previous = seq === undefined ? undefined : await store.certificate(project.id, seq);
  const amount = big(input.amount);
  const change = logic.subscribe(project, BigInt(previous?.units ?? '0'), amount, env);
  const certificate: Certificate = previous
    ? { ...previous, units: (BigInt(previous.units) + amount).toString() }
    : { id: certificateId(project.id, project.certificates), projectId: project.id, seq: project.certificates, holder: input.funder, units: input.amount, issuedAt: env.now };
  return tokenTx(ctx, 'crowdfunding:Subscribe', async (tokens) => {
    await tokens.debit('DEC', input.funder, amount);
    await tokens.credit('DEC', escrowAccount(project.id), amount, input.funder, 'crowdfunding:Subscribe');
    await store.putProject(change.state);
    await store.putCertificate(certificate, previous);
    if (!previous) await store.putFunderSeq(project.id, input.funder, certificate.seq);
    ctx.emitAll(change.events);
    return { project: change.state, certificate };
  });
}

export async function close(ctx: DecContext, input: z.output<typeof inputs.projectInput>, env: EnergyEnv): Promise<Project> {
  const store = new CrowdfundingStore(ctx.ledger);
  const change = logic.close(await store.requireProject(input.projectId), env);
  await store.putProject(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export interface RefundPage {
  project: Project;
  refunds: { holder: string; amount: string }[];
}

export async function refund(ctx: DecContext, input: z.output<typeof inputs.pagedRunInput>): Promise<RefundPage> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  const { from, to } = logic.refundRange(project, input.pageSize);
  const certs = await store.certificatesInRange(project.id, from, to);
  return tokenTx(ctx, 'crowdfunding:Refund', async (tokens) => {
    let total = 0n;
    for (const c of certs) {
      total += BigInt(c.units);
      await tokens.credit('DEC', c.holder, BigInt(c.units), escrowAccount(project.id), 'crowdfunding:Refund');
      await store.deleteCertificate(c);
    }
    await tokens.debit('DEC', escrowAccount(project.id), total);
    const change = logic.recordRefunds(project, to, total);
    await store.putProject(change.state);
    ctx.emitAll(change.events);
    return { project: change.state, refunds: certs.map((c) => ({ holder: c.holder, amount: c.units })) };
  });
}
