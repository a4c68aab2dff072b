/**
 * Input schemas of the crowdfunding contract (white paper 4.1.3): one JSON
 * object argument per transaction. Amounts are DEC base-unit integer strings;
 * certificate units are the DEC base units subscribed, so they are
 * proportional to subscriptions by construction.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { isoTime, note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { assetSchema } from '../token/accounts';

export const projectIdSchema = z.string().regex(/^proj:[0-9a-f]{32}$/, 'must be a project ID (proj:<32 hex>)');
export const certificateIdSchema = z.string().regex(/^proj:[0-9a-f]{32}\/[0-9]{1,9}$/, 'must be a certificate ID (proj:<32 hex>/<n>)');
const purposeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z 0-9 -');

/** Most purposes a budget may name, documents a plan may cite, certificates one page may pay. */
export const MAX_PURPOSES = 20;
export const MAX_DOCUMENTS = 20;
export const MAX_PAGE = 100;

const budgetLine = z.strictObject({ purpose: purposeSchema, amount: positiveAmount });

export const submitPlanInput = z.strictObject({
  fundraiser: participantEidSchema,
  title: note(120).min(1, 'must not be empty'),
  target: positiveAmount,
  minSubscription: positiveAmount,
  maxSubscription: positiveAmount,
  deadline: isoTime,
  /** Close as soon as the target is reached instead of waiting for the deadline. */
  closeOnTarget: z.boolean().default(false),
  budget: z
    .array(budgetLine)
    .min(1, 'must name at least one purpose')
    .max(MAX_PURPOSES, `must name at most ${MAX_PURPOSES} purposes`),
  dividend: z.strictObject({
    /** Share of accrued revenue paid to certificate holders, in basis points. */
    shareBps: z.number().int('must be an integer').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
    /** Length of a dividend period in minutes (a month is 43200; at most a leap year). */
    periodMinutes: z.number().int('must be an integer').min(1, 'must be at least 1').max(527_040, 'must be at most 527040'),
  }),
  documents: z.array(sha256Hex).min(1, 'must cite at least one document hash').max(MAX_DOCUMENTS, `must cite at most ${MAX_DOCUMENTS} documents`),
});

export const projectInput = z.strictObject({ projectId: projectIdSchema });
export const auditPlanInput = z.strictObject({
  projectId: projectIdSchema,
  approve: z.boolean(),
  note: note(200).optional(),
  /** Require the fundraiser's scf credit score to meet the regulator's crowdfunding minimum (attested by crowdfunding:AttestCreditStanding). */
  requireCreditStanding: z.boolean().default(false),
});
export const subscribeInput = z.strictObject({ projectId: projectIdSchema, funder: participantEidSchema, amount: positiveAmount });
export const pagedRunInput = z.strictObject({
  projectId: projectIdSchema,
  pageSize: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE, `must be at most ${MAX_PAGE}`).default(50),
});
export const transferCertificateInput = z.strictObject({ certificateId: certificateIdSchema, to: participantEidSchema, units: positiveAmount });
export const drawdownInput = z.strictObject({
  projectId: projectIdSchema,
  purpose: purposeSchema,
  amount: positiveAmount,
  evidenceHash: sha256Hex,
  note: note(200).optional(),
});
export const progressInput = z.strictObject({ projectId: projectIdSchema, evidenceHash: sha256Hex, note: note(200).min(1, 'must not be empty') });
export const payRevenueInput = z.strictObject({ projectId: projectIdSchema, from: participantEidSchema, asset: assetSchema, amount: positiveAmount, note: note(200).optional() });
const period = z.number().int('must be an integer').min(1, 'must be at least 1').max(100_000, 'must be at most 100000');
export const declareDividendInput = z.strictObject({ projectId: projectIdSchema, asset: assetSchema, period });
export const payDividendsInput = z.strictObject({
  projectId: projectIdSchema,
  asset: assetSchema,
  period,
  pageSize: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE, `must be at most ${MAX_PAGE}`).default(50),
});
export const certificateInput = z.strictObject({ certificateId: certificateIdSchema });
export const certificatesInput = z.strictObject({ projectId: projectIdSchema, ...pageRequest });
export const holderCertificatesInput = z.strictObject({ holder: participantEidSchema, ...pageRequest });
export const listProjectsInput = z.strictObject({ ...pageRequest });
export const periodsInput = z.strictObject({ projectId: projectIdSchema, asset: assetSchema, ...pageRequest });
export const buyForPurposeInput = z.strictObject({
  projectId: projectIdSchema,
  purpose: purposeSchema,
  productId: z.string().regex(/^prod:[0-9a-f]{32}$/, 'must be a product ID (prod:<32 hex>)'),
  quantity: z.number().int('must be an integer').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
  evidenceHash: sha256Hex,
});
