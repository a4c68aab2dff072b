/**
 * Spending approvals as stored (white paper 8.6.4): a spend the platform
 * operator asks the officers to approve, stated exactly; the secretary
 * general's and the finance director's approvals; and the token transaction
 * that used it (once).
 */
import { z } from 'zod';
import { participantEidSchema } from '../common/ids';
import { SPEND_OPS, SPEND_PURPOSES, SPEND_SOURCES, spendIdSchema } from './spending-inputs';

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
export const OFFICER_ROLES = ['secretaryGeneral', 'financeDirector'] as const;

export const spendSchema = z.object({
  spendId: spendIdSchema,
  op: z.enum(SPEND_OPS),
  source: z.enum(SPEND_SOURCES),
  asset: z.enum(['DEC', 'DECC']),
  amount,
  purpose: z.enum(SPEND_PURPOSES),
  note: z.string().optional(),
  /** The committee term the approvals belong to: a new committee's officers must approve again. */
  term: z.number().int().min(1),
  requestedAt: z.string(),
  txId: z.string(),
  /** requested → approved (both officers) → used (by the one token transaction that named it). */
  status: z.enum(['requested', 'approved', 'used']),
  approvals: z.array(z.object({ role: z.enum(OFFICER_ROLES), eid: participantEidSchema, at: z.string(), txId: z.string() })),
  used: z.object({ txId: z.string(), at: z.string() }).optional(),
});
export type Spend = z.infer<typeof spendSchema>;
