/**
 * The `crowdfunding` contract (white paper 4.1.3): plans, audit, subscriptions
 * in escrow, earning-right certificates, drawdowns against the budget, revenue
 * and dividends. Thin: each transaction is registered from its line in the
 * transaction map and hands over to ops/.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as dividends from './ops/dividends';
import * as funding from './ops/funding';
import * as plans from './ops/plans';
import * as purchases from './ops/purchases';
import * as queries from './ops/queries';
import * as spending from './ops/spending';

@Info({ title: 'crowdfunding', description: 'DEC crowdfunding: audited plans, escrowed subscriptions, earning-right certificates, dividends' })
export class CrowdfundingContract extends DecContract {
  constructor() {
    super('crowdfunding');
  }

  @Tx(ENERGY, 'crowdfunding:SubmitPlan')
  SubmitPlan(ctx: DecContext, input: z.output<typeof i.submitPlanInput>, env: EnergyEnv): Promise<unknown> {
    return plans.submitPlan(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:AuditPlan')
  AuditPlan(ctx: DecContext, input: z.output<typeof i.auditPlanInput>, env: EnergyEnv): Promise<unknown> {
    return plans.auditPlan(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:AttestCreditStanding')
  AttestCreditStanding(ctx: DecContext, input: z.output<typeof i.projectInput>, env: EnergyEnv): Promise<unknown> {
    return plans.attestCreditStanding(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:Launch')
  Launch(ctx: DecContext, input: z.output<typeof i.projectInput>, env: EnergyEnv): Promise<unknown> {
    return plans.launch(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:Subscribe')
  Subscribe(ctx: DecContext, input: z.output<typeof i.subscribeInput>, env: EnergyEnv): Promise<unknown> {
    return funding.subscribe(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:Close')
  Close(ctx: DecContext, input: z.output<typeof i.projectInput>, env: EnergyEnv): Promise<unknown> {
    return funding.close(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:Refund')
  Refund(ctx: DecContext, input: z.output<typeof i.pagedRunInput>): Promise<unknown> {
    return funding.refund(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:TransferCertificate')
  TransferCertificate(ctx: DecContext, input: z.output<typeof i.transferCertificateInput>, env: EnergyEnv): Promise<unknown> {
    return dividends.transferCertificate(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:Drawdown')
  Drawdown(ctx: DecContext, input: z.output<typeof i.drawdownInput>, env: EnergyEnv): Promise<unknown> {
    return spending.drawdown(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:BuyForPurpose')
  BuyForPurpose(ctx: DecContext, input: z.output<typeof i.buyForPurposeInput>, env: EnergyEnv): Promise<unknown> {
    return purchases.buyForPurpose(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:ReportProgress')
  ReportProgress(ctx: DecContext, input: z.output<typeof i.progressInput>, env: EnergyEnv): Promise<unknown> {
    return spending.reportProgress(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:PayRevenue')
  PayRevenue(ctx: DecContext, input: z.output<typeof i.payRevenueInput>): Promise<unknown> {
    return spending.payRevenue(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:DeclareDividend')
  DeclareDividend(ctx: DecContext, input: z.output<typeof i.declareDividendInput>, env: EnergyEnv): Promise<unknown> {
    return dividends.declareDividend(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:PayDividends')
  PayDividends(ctx: DecContext, input: z.output<typeof i.payDividendsInput>, env: EnergyEnv): Promise<unknown> {
    return dividends.payDividends(ctx, input, env);
  }

  @Tx(ENERGY, 'crowdfunding:GetProject')
  GetProject(ctx: DecContext, input: z.output<typeof i.projectInput>): Promise<unknown> {
    return queries.getProject(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:ListProjects')
  ListProjects(ctx: DecContext, input: z.output<typeof i.listProjectsInput>): Promise<unknown> {
    return queries.listProjects(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:GetCertificate')
  GetCertificate(ctx: DecContext, input: z.output<typeof i.certificateInput>): Promise<unknown> {
    return queries.getCertificate(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:Certificates')
  Certificates(ctx: DecContext, input: z.output<typeof i.certificatesInput>): Promise<unknown> {
    return queries.certificates(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:HolderCertificates')
  HolderCertificates(ctx: DecContext, input: z.output<typeof i.holderCertificatesInput>): Promise<unknown> {
    return queries.holderCertificates(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:Periods')
  Periods(ctx: DecContext, input: z.output<typeof i.periodsInput>): Promise<unknown> {
    return queries.periods(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:Drawdowns')
  Drawdowns(ctx: DecContext, input: z.output<typeof i.certificatesInput>): Promise<unknown> {
    return queries.drawdowns(ctx, input);
  }

  @Tx(ENERGY, 'crowdfunding:Progress')
  Progress(ctx: DecContext, input: z.output<typeof i.certificatesInput>): Promise<unknown> {
    return queries.progress(ctx, input);
  }
}
