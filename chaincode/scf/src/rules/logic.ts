/**
 * The regulator's rules as pure checks. Each returns a violation or undefined,
 * so the same code decides a refusal (financing:Offer / Accept -> `refuse`),
 * answers an evaluate-time pre-check (rules:CheckFinancing) and confirms an
 * alert (rules:RaiseAlert).
 */
import { big, RuleViolationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { AssetType } from '../common/financed';
import type { setRulesInput } from './inputs';
import type { Alert, AlertDetail, RefusalResult, RuleId, Rules } from './state';

/** The chaincode event every alert emits (refusals and rules:RaiseAlert alike). */
export const ALERT_EVENT = 'RegulatorAlert';
/** `reportedBy` of the alerts the chaincode records itself when it refuses a transaction. */
export const REFUSAL_REPORTER = 'chaincode';

export interface Violation {
  rule: RuleId;
  /** Full message; may name private figures (an offered rate, a bank's exposure). */
  message: string;
  /** The message without private figures: what may be committed on the channel. */
  publicMessage: string;
}

interface LockView {
  financingId: string;
  bank: string;
  /** The asset the lock's financing financed; absent: the asset asked about. */
  assetType?: string;
  assetId?: string;
}

/**
 * No goods are financed more than once, whoever the bank and whichever asset
 * stands for them (an order, or the warehouse receipt for its goods): a lock
 * exists from their first accepted financing.
 */
export function checkDoubleFinancing(asset: { assetType: string; assetId: string }, lock: LockView | undefined): Violation | undefined {
  if (!lock) return undefined;
  const financed = `${lock.assetType ?? asset.assetType} ${lock.assetId ?? asset.assetId}`;
  const same = financed === `${asset.assetType} ${asset.assetId}`;
  // The lock is public, so the whole message is.
  const message = same
    ? `${financed} is already financed (financing ${lock.financingId} by ${lock.bank})`
    : `${asset.assetType} ${asset.assetId} stands for the goods of ${financed}, already financed (financing ${lock.financingId} by ${lock.bank})`;
  return { rule: 'double-financing', message, publicMessage: message };
}

export function checkAdvanceRate(r: Rules, advanceRateBps: number): Violation | undefined {
  if (advanceRateBps <= r.maxAdvanceRateBps) return undefined;
  return {
    rule: 'max-advance-rate',
    message: `advance rate ${advanceRateBps} bps is above the maximum ${r.maxAdvanceRateBps} bps`,
    publicMessage: `the advance rate is above the maximum ${r.maxAdvanceRateBps} bps`,
  };
}

/** One bank's outstanding advances to one counterparty stay within the limit. */
export function checkConcentration(r: Rules, bank: string, counterparty: string, outstanding: bigint, advance: bigint): Violation | undefined {
  const after = outstanding + advance;
  if (after <= big(r.concentrationLimit)) return undefined;
  return {
    rule: 'concentration-limit',
    message: `${bank} would have ${after} outstanding to ${counterparty}, above the limit ${r.concentrationLimit}`,
    publicMessage: `${bank}'s outstanding advances to ${counterparty} would exceed the limit ${r.concentrationLimit}`,
  };
}

/** Who repays a financed asset, whose credit score the minimum applies to. */
export interface Obligor {
  /** `debtor` of a receivable, `buyer` of an order, `owner` of a warehouse receipt. */
  role: string;
  party: string;
}

/**
 * The party that repays the bank scores at least the regulator's minimum (at it passes).
 * The public message names the field and the minimum; the score itself stays in the
 * private detail (a bank sees a score only when the party asked it for financing).
 */
export function checkCreditScore(r: Rules, obligor: Obligor, score: number): Violation | undefined {
  if (score >= r.minCreditScore) return undefined;
  const who = `the ${obligor.role} ${obligor.party}`;
  return {
    rule: 'min-credit-score',
    message: `minCreditScore: ${who} has credit score ${score}, below the minimum ${r.minCreditScore}`,
    publicMessage: `minCreditScore: ${who} has a credit score below the minimum ${r.minCreditScore}`,
  };
}

/** The first violation among `checks`, in the order given. */
export function firstViolation(...checks: (Violation | undefined)[]): Violation | undefined {
  return checks.find((c) => c !== undefined);
}

/** Throws the first violation as RuleViolationError (for callers that must not commit anything). */
export function enforce(...checks: (Violation | undefined)[]): void {
  const v = firstViolation(...checks);
  if (v) throw new RuleViolationError(v.rule, v.message);
}

/** The financing attempt a refusal is about. */
export interface Attempt {
  transaction: string;
  assetType: AssetType;
  assetId: string;
  financingId: string;
  /** The pair collection of the financing, where private figures of the violation may be kept. */
  collection: string;
}

/**
 * A refused transaction: instead of throwing (which would commit nothing), it
 * commits only this alert (public `alert~<txId>`, plus the full detail in the
 * pair's collection when it names private figures), emits `RegulatorAlert` and
 * returns `result`. No business state changes.
 */
export interface Refusal {
  alert: Alert;
  privateDetail: { collection: string; detail: AlertDetail } | undefined;
  result: RefusalResult;
  events: ScfEvent[];
}

/** A decision of pure financing logic: either the change to apply, or a refusal to record. */
export type Decision<T> = { refused: false; change: T } | { refused: true; refusal: Refusal };

export function applied<T>(change: T): Decision<T> {
  return { refused: false, change };
}

export function refuse<T>(v: Violation, attempt: Attempt, env: ScfEnv): Decision<T> {
  const hasPrivateFigures = v.message !== v.publicMessage;
  const alert: Alert = {
    alertId: env.txId,
    rule: v.rule,
    assetType: attempt.assetType,
    assetId: attempt.assetId,
    financingId: attempt.financingId,
    suspect: env.actor.party,
    detail: v.publicMessage,
    reportedBy: REFUSAL_REPORTER,
    transaction: attempt.transaction,
    privateDetail: hasPrivateFigures ? { collection: attempt.collection } : undefined,
    confirmed: true,
    at: env.now,
  };
  const result: RefusalResult = {
    refused: true,
    rule: v.rule,
    detail: v.publicMessage,
    alertId: env.txId,
    transaction: attempt.transaction,
    assetType: attempt.assetType,
    assetId: attempt.assetId,
    financingId: attempt.financingId,
  };
  return {
    refused: true,
    refusal: {
      alert,
      privateDetail: hasPrivateFigures ? { collection: attempt.collection, detail: { alertId: env.txId, rule: v.rule, detail: v.message } } : undefined,
      result,
      events: [{ name: ALERT_EVENT, payload: { ...alert, reporterRole: 'chaincode' } }],
    },
  };
}

export function updateRules(previous: Rules, input: z.infer<typeof setRulesInput>, env: ScfEnv): { rules: Rules; events: ScfEvent[] } {
  const next: Rules = {
    maxAdvanceRateBps: input.maxAdvanceRateBps ?? previous.maxAdvanceRateBps,
    concentrationLimit: input.concentrationLimit ?? previous.concentrationLimit,
    minCreditScore: input.minCreditScore ?? previous.minCreditScore,
    minCrowdfundingScore: input.minCrowdfundingScore ?? previous.minCrowdfundingScore,
    version: previous.version + 1,
    updatedBy: env.actor.party,
    updatedAt: env.now,
  };
  return { rules: next, events: [{ name: 'RulesChanged', payload: { ...next, previousVersion: previous.version } }] };
}

