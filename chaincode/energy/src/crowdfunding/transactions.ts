/**
 * The crowdfunding lines of the energy transaction map (spread into
 * src/transactions.ts, which stays the one access table). Grants are checked
 * from the certificate by `@Tx`; the `rule`s by the operations once the
 * project, certificate or participant is read (crowdfunding/ops/guards.ts).
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, PLATFORM_OPERATOR, type Grant } from '../access/policy';
import * as cf from './inputs';

const FUNDRAISER = 'the holder of the project\'s fundraiser eID';

export const CROWDFUNDING_TRANSACTIONS = {
  'crowdfunding:SubmitPlan': { kind: 'submit', input: cf.submitPlanInput, grants: ANYONE, rule: 'the holder of `fundraiser`, granted role fundraiser', summary: 'Submit a crowdfunding plan: target, subscription limits, deadline, budget, dividend policy, documents' },
  'crowdfunding:AuditPlan': { kind: 'submit', input: cf.auditPlanInput, grants: PLATFORM_OPERATOR, summary: 'Audit a plan against the stated rules and record the decision (platform operator)' },
  'crowdfunding:AttestCreditStanding': { kind: 'submit', input: cf.projectInput, grants: ANYONE, rule: 'a submitted plan; read from scf by a cross-channel query, so endorsed only by peers of orgs on both channels, and the caller needs an scf role', summary: "Record whether the fundraiser's scf credit score meets the regulator's crowdfunding minimum (for the audit)" },
  'crowdfunding:Launch': { kind: 'submit', input: cf.projectInput, grants: ANYONE, rule: FUNDRAISER, summary: 'Open an audited plan for subscriptions' },
  'crowdfunding:Subscribe': { kind: 'submit', input: cf.subscribeInput, grants: ANYONE, rule: 'the holder of `funder`, granted role funder', summary: 'Subscribe DEC to an open project (escrowed)' },
  'crowdfunding:Close': { kind: 'submit', input: cf.projectInput, grants: ANYONE, summary: 'Close a campaign after its deadline (or at its target): success or failure' },
  'crowdfunding:Refund': { kind: 'submit', input: cf.pagedRunInput, grants: ANYONE, summary: 'Refund the next page of certificates of a failed project' },
  'crowdfunding:TransferCertificate': { kind: 'submit', input: cf.transferCertificateInput, grants: ANYONE, rule: "the holder of the certificate's holder eID", summary: 'Transfer a certificate, whole or split (future dividends follow)' },
  'crowdfunding:Drawdown': { kind: 'submit', input: cf.drawdownInput, grants: ANYONE, rule: FUNDRAISER, summary: 'Draw escrowed funds for a budgeted purpose against evidence' },
  'crowdfunding:BuyForPurpose': { kind: 'submit', input: cf.buyForPurposeInput, grants: ANYONE, rule: FUNDRAISER, summary: 'Pay a store order from the project\'s funds for a budgeted purpose (money to the order\'s escrow, not the fundraiser)' },
  'crowdfunding:ReportProgress': { kind: 'submit', input: cf.progressInput, grants: ANYONE, rule: FUNDRAISER, summary: 'Record a progress report (evidence hash)' },
  'crowdfunding:PayRevenue': { kind: 'submit', input: cf.payRevenueInput, grants: ANYONE, rule: 'the holder of `from`', summary: 'Pay revenue of the funded equipment to a project' },
  'crowdfunding:DeclareDividend': { kind: 'submit', input: cf.declareDividendInput, grants: ANYONE, rule: `${FUNDRAISER}, or the platform operator`, summary: 'Declare the next dividend period of an asset (after it ends)' },
  'crowdfunding:PayDividends': { kind: 'submit', input: cf.payDividendsInput, grants: ANYONE, summary: 'Pay the next page of certificates of a declared period' },
  'crowdfunding:GetProject': { kind: 'evaluate', input: cf.projectInput, grants: ANYONE, summary: 'A crowdfunding project' },
  'crowdfunding:ListProjects': { kind: 'evaluate', input: cf.listProjectsInput, grants: ANYONE, summary: 'Crowdfunding projects, paged' },
  'crowdfunding:GetCertificate': { kind: 'evaluate', input: cf.certificateInput, grants: ANYONE, summary: 'An earning-right certificate' },
  'crowdfunding:Certificates': { kind: 'evaluate', input: cf.certificatesInput, grants: ANYONE, summary: 'Certificates of a project, paged' },
  'crowdfunding:HolderCertificates': { kind: 'evaluate', input: cf.holderCertificatesInput, grants: ANYONE, summary: 'Certificates of a holder, paged' },
  'crowdfunding:Periods': { kind: 'evaluate', input: cf.periodsInput, grants: ANYONE, summary: 'Dividend periods of a project and asset, paged' },
  'crowdfunding:Drawdowns': { kind: 'evaluate', input: cf.certificatesInput, grants: ANYONE, summary: 'Drawdowns of a project, paged' },
  'crowdfunding:Progress': { kind: 'evaluate', input: cf.certificatesInput, grants: ANYONE, summary: 'Progress reports of a project, paged' },
} as const satisfies Record<string, TxSpec<Grant>>;
