/**
 * Stored state of the credit service: one score record per party (its counted
 * facts, the score, and the last facts with the keys/tx IDs that prove them),
 * financing requests that let a bank see a party's score, and the marks that
 * make each energy fact count once.
 */
import { decoder } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { actingParty } from '../common/schemas';

const count = z.number().int().min(0);

export const creditFacts = z.object({
  onTimeRent: count,
  lateRent: count,
  arrears: count,
  defaults: count,
  marketPenalties: count,
  meterAnomalies: count,
  drawdowns: count,
  dividendsOnTime: count,
  dividendsLate: count,
  ratings: count,
  ratingSum: count,
});
export type CreditFacts = z.infer<typeof creditFacts>;
export type FactKind = Exclude<keyof CreditFacts, 'ratingSum'>;
export const FACT_KINDS = Object.keys(creditFacts.shape).filter((k) => k !== 'ratingSum') as FactKind[];

export const EMPTY_FACTS: CreditFacts = Object.fromEntries(Object.keys(creditFacts.shape).map((k) => [k, 0])) as CreditFacts;

/** One counted fact and where it is proved: the channel, the transaction and the key of the record. */
export const factRef = z.object({
  kind: z.string(),
  channel: z.enum(['scf', 'energy']),
  txId: z.string(),
  key: z.string(),
  at: z.string(),
  /** A rating's stars (1..5). */
  value: z.number().int().optional(),
});
export type FactRef = z.infer<typeof factRef>;

/** How many fact references a record keeps (the rest stay in the key's history: audit by txId). */
export const RECENT_FACTS = 50;

export const creditRecord = z.object({
  subject: actingParty,
  method: z.string(),
  facts: creditFacts,
  score: z.number().int(),
  recent: z.array(factRef),
  /** Every fact ever counted, for the key history to list (the record changes once per fact transaction). */
  factCount: count,
  updatedAt: z.string(),
  updatedTxId: z.string(),
});
export type CreditRecord = z.infer<typeof creditRecord>;
export const decodeCreditRecord = decoder(creditRecord, 'credit record');

/** A party asks a bank to finance it: while open, that bank may read the party's score. */
export const financingRequest = z.object({
  subject: actingParty,
  bank: actingParty,
  purpose: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  openedTxId: z.string(),
  closedAt: z.string().optional(),
});
export type FinancingRequest = z.infer<typeof financingRequest>;
export const decodeFinancingRequest = decoder(financingRequest, 'financing request');

/** The scf party an energy eID's facts count for (bound when a lease is linked to that eID's station income). */
export const eidBinding = z.object({ eid: z.string(), subject: actingParty, leaseId: z.string(), boundTxId: z.string() });
export type EidBinding = z.infer<typeof eidBinding>;
export const decodeEidBinding = decoder(eidBinding, 'eID binding');

export const countedMark = z.object({ subject: actingParty, txId: z.string() });
export const decodeCountedMark = decoder(countedMark, 'counted energy fact');
