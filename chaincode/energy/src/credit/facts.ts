/**
 * Credit facts on the `energy` channel: behaviour that a credit score counts
 * (issue 18), recorded in the very transaction that shows it, so nobody types
 * it afterwards. This file is the one small function other domains call:
 *
 *   await recordCreditFact(ctx, { subject: <eID or account>, kind: 'marketPenalties', ref: { ... } });
 *
 * Kinds: marketPenalties, meterAnomalies, drawdowns, dividendsOnTime,
 * dividendsLate, ratings (with `value` 1..5: store, after-sale, charging and
 * repair ratings). Each fact is a blind insert under
 *   credit.fact~<subject>~<txId>~<n>      (n numbers the facts of one transaction)
 * so recording one reads nothing and never conflicts with another transaction.
 * The `scf` chaincode reads a fact by its ID through a cross-channel query
 * (`credit:GetFact`) and counts it once for the scf party bound to the subject.
 */
import { keyPart, sortableNumber, ValidationError, type DecContext, type Ledger } from '@dec/chaincode-kit';
import { decodeCreditFact, type CreditFact, type CreditFactKind } from './state';

const KEY = 'credit.fact';

/** Facts recorded so far in each transaction (the context lives for one transaction). */
const perTransaction = new WeakMap<DecContext, number>();

export function creditFactKey(ledger: Ledger, subject: string, txId: string, n: number): string {
  return ledger.key(KEY, keyPart('subject', subject), keyPart('txId', txId), sortableNumber(n, 3));
}

export interface NewCreditFact {
  /** The eID (participant) or account whose behaviour it is. */
  subject: string;
  kind: CreditFactKind;
  /** A rating's stars, 1..5; only for `ratings`. */
  value?: number;
  /** What the fact is about (the domain's IDs: trade, meter, project, order ...), for tracing. */
  ref: Record<string, string>;
}

function checkValue(fact: NewCreditFact): void {
  if (fact.kind !== 'ratings') {
    if (fact.value !== undefined) throw new ValidationError('rating.value', `is only for ratings, not ${fact.kind}`);
    return;
  }
  const v = fact.value;
  if (v === undefined || !Number.isInteger(v) || v < 1 || v > 5) throw new ValidationError('rating.value', 'must be an integer from 1 to 5');
}

/** Records one fact in this transaction and emits `CreditFact`; returns its ID. */
export async function recordCreditFact(ctx: DecContext, fact: NewCreditFact): Promise<CreditFact> {
  checkValue(fact);
  const n = (perTransaction.get(ctx) ?? 0) + 1;
  perTransaction.set(ctx, n);
  const txId = ctx.ledger.txId;
  const value = fact.value === undefined ? {} : { value: fact.value };
  const record: CreditFact = { subject: fact.subject, txId, n, kind: fact.kind, ...value, ref: fact.ref, at: ctx.ledger.txTime };
  await ctx.ledger.put(creditFactKey(ctx.ledger, fact.subject, txId, n), record);
  ctx.emit('CreditFact', { subject: record.subject, txId: record.txId, n, kind: record.kind, ...value });
  return record;
}

export function readCreditFact(ctx: DecContext, subject: string, txId: string, n: number): Promise<CreditFact> {
  return ctx.ledger.require(creditFactKey(ctx.ledger, subject, txId, n), decodeCreditFact, 'credit fact', `${subject}/${txId}/${n}`);
}
