/**
 * Disclosure (white paper 8.7): quarterly, interim, annual and temporary
 * reports are published on chain as a document hash with the period they
 * cover. When each is due, and so when one is late, is stated here:
 *   quarterly  YYYY-Qn   the quarter has ended; due 30 days after its end
 *   interim    YYYY-H1   the first half has ended; due 60 days after 1 July
 *   annual     YYYY      the year has ended; due 120 days after 31 December
 *   temporary  <ISO time the event occurred>; due 2 days after it
 * A periodic report is published once per period; temporary ones any number
 * of times. A late report is accepted and flagged `late`.
 */
import { RuleViolationError, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { deriveHex, isoTime, note, pageRequest, sha256Hex } from '../common/ids';
import { daysMs } from './rules';

export const DISCLOSURE_KINDS = ['quarterly', 'interim', 'annual', 'temporary'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DUE_DAYS: Record<DisclosureKind, number> = { quarterly: 30, interim: 60, annual: 120, temporary: 2 };

export const disclosureIdSchema = z.string().regex(/^disclosure:(quarterly|interim|annual|temporary):[0-9A-Za-z-]{4,40}$/, 'must be a disclosure ID (disclosure:<kind>:<period or 32 hex>)');

export const publishDisclosureInput = z.strictObject({
  kind: z.enum(DISCLOSURE_KINDS),
  /** YYYY-Qn, YYYY-H1 or YYYY; for a temporary report the ISO time the event occurred. */
  period: z.string().min(4, 'must be at least 4 characters').max(40, 'must be at most 40 characters'),
  documentHash: sha256Hex,
  title: note(200).min(1, 'must not be empty'),
});
export const disclosureIdInput = z.strictObject({ disclosureId: disclosureIdSchema });
export const listDisclosuresInput = z.strictObject({ ...pageRequest });

const iso = (ms: number): string => new Date(ms).toISOString();

/** The end of the period (when the report may be published) and the ID of the report. */
export function periodOf(kind: DisclosureKind, period: string, txId: string): { end: string; disclosureId: string } {
  const bad = (format: string) => new ValidationError('request.period', `must be ${format} for a ${kind} report`);
  if (kind === 'quarterly') {
    const m = /^(\d{4})-Q([1-4])$/.exec(period);
    if (!m) throw bad('YYYY-Qn (n 1-4)');
    return { end: iso(Date.UTC(Number(m[1]), Number(m[2]) * 3, 1)), disclosureId: `disclosure:quarterly:${period}` };
  }
  if (kind === 'interim') {
    const m = /^(\d{4})-H1$/.exec(period);
    if (!m) throw bad('YYYY-H1');
    return { end: iso(Date.UTC(Number(m[1]), 6, 1)), disclosureId: `disclosure:interim:${period}` };
  }
  if (kind === 'annual') {
    if (!/^\d{4}$/.test(period)) throw bad('YYYY');
    return { end: iso(Date.UTC(Number(period) + 1, 0, 1)), disclosureId: `disclosure:annual:${period}` };
  }
  if (!isoTime.safeParse(period).success) throw bad('the ISO-8601 UTC time the event occurred');
  return { end: iso(Date.parse(period)), disclosureId: `disclosure:temporary:${deriveHex('disclosure', txId)}` };
}

/** Refuses a period that has not ended; returns when the report was due and whether it is late. */
export function timing(kind: DisclosureKind, end: string, now: string): { dueBy: string; late: boolean } {
  if (Date.parse(now) < Date.parse(end)) throw new RuleViolationError('period-not-ended', `request.period ends at ${end}; a ${kind} report is published after it`);
  const dueBy = iso(Date.parse(end) + daysMs(DUE_DAYS[kind]));
  return { dueBy, late: Date.parse(now) > Date.parse(dueBy) };
}

const amount = z.string().regex(/^(0|[1-9][0-9]*)$/);
export const summarySchema = z.object({
  decTotalSupply: amount,
  pools: z.object({ ecology: amount, team: amount, others: amount }),
  circulatingDec: amount,
  reserveDec: amount,
  fees: z.object({ DEC: amount, DECC: amount }),
  rewardPoolDecc: amount,
  /** False when some account had more pending credits than one bounded read takes (its figure is then a lower bound). */
  complete: z.boolean(),
});
export const disclosureSchema = z.object({
  disclosureId: disclosureIdSchema,
  kind: z.enum(DISCLOSURE_KINDS),
  period: z.string(),
  periodEnd: z.string(),
  documentHash: z.string(),
  title: z.string(),
  dueBy: z.string(),
  late: z.boolean(),
  summary: summarySchema,
  publishedAt: z.string(),
  txId: z.string(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
