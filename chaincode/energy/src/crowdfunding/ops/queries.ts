/** Crowdfunding reads (evaluate only: paged reads). Projects and certificates are public, as a prospectus would be. */
import type { DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { PageResult } from '../../common/ids';
import type * as inputs from '../inputs';
import { TokenStore } from '../../token/store';
import { escrowAccount, revenueAccount, type Certificate, type DividendPeriod, type Drawdown, type ProgressReport, type Project } from '../state';
import { CrowdfundingStore } from '../store';

function values<T>(page: { items: { value: T }[]; bookmark: string }): PageResult<T> {
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export interface ProjectView extends Project {
  /** What the project's token accounts hold now: DEC in escrow, undistributed revenue per asset. */
  balances: { escrow: string; revenue: { DEC: string; DECC: string } };
}

export async function getProject(ctx: DecContext, input: z.output<typeof inputs.projectInput>): Promise<ProjectView> {
  const project = await new CrowdfundingStore(ctx.ledger).requireProject(input.projectId);
  const tokens = new TokenStore(ctx.ledger);
  const total = async (asset: 'DEC' | 'DECC', account: string): Promise<string> => {
    const b = await tokens.balance(asset, account);
    return (b.base + b.pending).toString();
  };
  const revenue = { DEC: await total('DEC', revenueAccount(project.id)), DECC: await total('DECC', revenueAccount(project.id)) };
  return { ...project, balances: { escrow: await total('DEC', escrowAccount(project.id)), revenue } };
}

export async function listProjects(ctx: DecContext, input: z.output<typeof inputs.listProjectsInput>): Promise<PageResult<Project>> {
  return values(await new CrowdfundingStore(ctx.ledger).pageProjects(input.pageSize, input.bookmark));
}

export function getCertificate(ctx: DecContext, input: z.output<typeof inputs.certificateInput>): Promise<Certificate> {
  return new CrowdfundingStore(ctx.ledger).requireCertificate(input.certificateId);
}

export async function certificates(ctx: DecContext, input: z.output<typeof inputs.certificatesInput>): Promise<PageResult<Certificate>> {
  return values(await new CrowdfundingStore(ctx.ledger).pageCertificates(input.projectId, input.pageSize, input.bookmark));
}

export async function holderCertificates(ctx: DecContext, input: z.output<typeof inputs.holderCertificatesInput>): Promise<PageResult<Certificate>> {
  return values(await new CrowdfundingStore(ctx.ledger).pageHolderCertificates(input.holder, input.pageSize, input.bookmark));
}

export async function periods(ctx: DecContext, input: z.output<typeof inputs.periodsInput>): Promise<PageResult<DividendPeriod>> {
  return values(await new CrowdfundingStore(ctx.ledger).pagePeriods(input.projectId, input.asset, input.pageSize, input.bookmark));
}

export async function drawdowns(ctx: DecContext, input: z.output<typeof inputs.certificatesInput>): Promise<PageResult<Drawdown>> {
  return values(await new CrowdfundingStore(ctx.ledger).pageDrawdowns(input.projectId, input.pageSize, input.bookmark));
}

export async function progress(ctx: DecContext, input: z.output<typeof inputs.certificatesInput>): Promise<PageResult<ProgressReport>> {
  return values(await new CrowdfundingStore(ctx.ledger).pageProgress(input.projectId, input.pageSize, input.bookmark));
}
