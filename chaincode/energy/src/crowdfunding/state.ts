/**
 * Crowdfunding state as stored: projects, earning-right certificates and
 * dividend periods. Every record is parsed through these schemas when read.
 * Amounts are DEC (or, for revenue and dividends, DEC or DECC) base-unit
 * integer strings.
 */
import { z } from 'zod';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
const perAsset = z.object({ DEC: amount, DECC: amount });
const periodPerAsset = z.object({ DEC: z.number().int(), DECC: z.number().int() });

export const PROJECT_STATUSES = ['submitted', 'rejected', 'audited', 'open', 'succeeded', 'failed', 'refunded'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const auditCheckSchema = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
export type AuditCheck = z.infer<typeof auditCheckSchema>;

/**
 * The fundraiser's credit standing read from scf (scf-standing.ts) while the plan awaits
 * its audit: whether its scf party meets the regulator's crowdfunding minimum, and where that
 * comes from (scf rules version, the scf transaction that last changed the score).
 */
export const creditStandingSchema = z.object({
  subject: z.string(),
  meets: z.boolean(),
  minimum: z.number().int(),
  rulesVersion: z.number().int(),
  method: z.string(),
  factCount: z.number().int(),
  scoreTxId: z.string(),
  attestedAt: z.string(),
  attestedTxId: z.string(),
});
export type CreditStanding = z.infer<typeof creditStandingSchema>;

export const budgetLineSchema = z.object({ purpose: z.string(), amount, drawn: amount });
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const projectSchema = z.object({
  id: z.string(),
  fundraiser: z.string(),
  title: z.string(),
  target: amount,
  minSubscription: amount,
  maxSubscription: amount,
  deadline: z.string(),
  closeOnTarget: z.boolean(),
  budget: z.array(budgetLineSchema),
  dividend: z.object({ shareBps: z.number().int(), periodMinutes: z.number().int() }),
  documents: z.array(z.string()),
  status: z.enum(PROJECT_STATUSES),
  submittedAt: z.string(),
  creditStanding: creditStandingSchema.optional(),
  audit: z.object({ approved: z.boolean(), at: z.string(), checks: z.array(auditCheckSchema), note: z.string().optional() }).optional(),
  launchedAt: z.string().optional(),
  closedAt: z.string().optional(),
  raised: amount,
  refunded: amount,
  /** Certificates are numbered 0..certificates-1 (point reads keep paged runs bounded). */
  certificates: z.number().int(),
  funders: z.number().int(),
  /** Certificates already refunded (failed projects), in number order. */
  refundCursor: z.number().int(),
  progressReports: z.number().int(),
  revenue: perAsset,
  dividendsPaid: perAsset,
  ownerShare: perAsset,
  /** Rounding remainders of paid periods, added to the next period's holder pool. */
  carried: perAsset,
  lastPeriod: periodPerAsset,
  /** The dividend period being paid; certificate transfers wait until it is done. */
  openRun: z.object({ asset: z.enum(['DEC', 'DECC']), period: z.number().int() }).optional(),
});
export type Project = z.infer<typeof projectSchema>;

export const certificateSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  seq: z.number().int(),
  holder: z.string(),
  units: amount,
  issuedAt: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const periodSchema = z.object({
  projectId: z.string(),
  asset: z.enum(['DEC', 'DECC']),
  period: z.number().int(),
  accrued: amount,
  pool: amount,
  ownerShare: amount,
  totalUnits: amount,
  paid: amount,
  nextSeq: z.number().int(),
  status: z.enum(['paying', 'paid']),
  dust: amount,
  declaredAt: z.string(),
  paidAt: z.string().optional(),
});
export type DividendPeriod = z.infer<typeof periodSchema>;

export const progressSchema = z.object({ projectId: z.string(), n: z.number().int(), evidenceHash: z.string(), note: z.string(), at: z.string(), txId: z.string() });
export type ProgressReport = z.infer<typeof progressSchema>;

export const drawdownSchema = z.object({ projectId: z.string(), purpose: z.string(), amount, evidenceHash: z.string(), note: z.string().optional(), at: z.string(), txId: z.string() });
export type Drawdown = z.infer<typeof drawdownSchema>;

/** The token accounts a project's money sits in (not participant eIDs, so no token:Transfer can move them). */
export const escrowAccount = (projectId: string): string => `cf-escrow:${projectId.slice(5)}`;
export const revenueAccount = (projectId: string): string => `cf-revenue:${projectId.slice(5)}`;
export const certificateId = (projectId: string, seq: number): string => `${projectId}/${seq}`;
