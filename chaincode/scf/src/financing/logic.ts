/**
 * Financing lifecycle as pure functions. The regulator's rules are enforced
 * here at both points where a financing can come into being (offer and
 * acceptance), because rules, exposure and locks may change in between.
 * A rule violation is not thrown: offer and acceptance return a Decision, and
 * a refusal (rules/logic.ts `refuse`) is committed as an alert instead of the change.
 * Event payloads never carry private amounts or rates.
 */
import { big, ConflictError, str, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { FINANCEABLE_STATUS, type AssetType, type Goods, type Pledge } from '../common/financed';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import { applied, checkAdvanceRate, checkConcentration, checkCreditScore, checkDoubleFinancing, firstViolation, refuse, type Decision, type Obligor, type Violation } from '../rules/logic';
import type { Rules } from '../rules/state';
import type { termsInput } from './inputs';
import type { Financing, FinancingLock, PrivateTerms, Settlement } from './state';
import { advanceOf, discountOf, waterfall } from './terms';

/** What financing needs to know about any financeable asset. */
export interface AssetView {
  assetType: AssetType;
  assetId: string;
  /** The goods (or claim) the asset stands for: one double-financing lock covers them whatever asset is financed. */
  goods: Goods;
  holder: string;
  /** Who repays the bank: the receivable's debtor, the order's buyer, the receipt's owner (its credit score must meet the rules' minimum). */
  obligor: Obligor;
  face: bigint;
  status: string;
}

/** Everything the rules look at, gathered by the contract. */
export interface RuleContext {
  rules: Rules;
  lock: FinancingLock | undefined;
  /** The bank's outstanding advances to the counterparty before this one. */
  outstanding: bigint;
  /** The obligor's current credit score (credit.score~<party>, the base for a party with no facts). */
  obligorScore: number;
}

function requireFinanceable(asset: AssetView): void {
  if (asset.status !== FINANCEABLE_STATUS[asset.assetType]) {
    throw new ConflictError(`${asset.assetType} ${asset.assetId} is ${asset.status}; only ${FINANCEABLE_STATUS[asset.assetType]} ones can be financed`);
  }
}

function ruleViolation(asset: AssetView, bank: string, counterparty: string, t: { advanceRateBps: number; advance: bigint }, rc: RuleContext): Violation | undefined {
  return firstViolation(
    checkDoubleFinancing(asset, rc.lock),
    checkAdvanceRate(rc.rules, t.advanceRateBps),
    checkConcentration(rc.rules, bank, counterparty, rc.outstanding, t.advance),
    checkCreditScore(rc.rules, asset.obligor, rc.obligorScore),
  );
}

export interface OfferChange {
  financing: Financing;
  terms: PrivateTerms;
  events: ScfEvent[];
}

export interface AcceptChange {
  financing: Financing;
  lock: FinancingLock;
  pledge: Pledge;
  outstanding: bigint;
  events: ScfEvent[];
}

export function computeTerms(financingId: string, face: bigint, t: z.infer<typeof termsInput>): PrivateTerms {
  const advance = advanceOf(face, t.advanceRateBps);
  if (advance === 0n) throw new ValidationError('transient.terms.advanceRateBps', `gives no advance on a face amount of ${face}`);
  const discount = discountOf(advance, t.discountBps);
  return {
    financingId,
    face: str(face),
    advanceRateBps: t.advanceRateBps,
    discountBps: t.discountBps,
    maturityDate: t.maturityDate,
    advance: str(advance),
    discount: str(discount),
    netDisbursed: str(advance - discount),
    salt: t.salt,
  };
}

export function offerFinancing(
  financingId: string,
  asset: AssetView,
  collection: string,
  t: z.infer<typeof termsInput>,
  rc: RuleContext,
  env: ScfEnv,
): Decision<OfferChange> {
  const bank = env.actor.party;
  const attempt = { transaction: 'financing:Offer', assetType: asset.assetType, assetId: asset.assetId, financingId, collection };
  // Double financing first: an attempt on a financed asset is a rule violation, not a mere wrong status.
  const twice = checkDoubleFinancing(asset, rc.lock);
  if (twice) return refuse(twice, attempt, env);
  requireFinanceable(asset);
  const terms = computeTerms(financingId, asset.face, t);
  const violation = ruleViolation(asset, bank, asset.holder, { advanceRateBps: t.advanceRateBps, advance: big(terms.advance) }, rc);
  if (violation) return refuse(violation, attempt, env);
  const financing: Financing = {
    id: financingId,
    assetType: asset.assetType,
    assetId: asset.assetId,
    bank,
    counterparty: asset.holder,
    collection,
    status: 'offered',
    offeredAt: env.now,
    repaymentEvidence: [],
    updatedAt: env.now,
  };
  const payload = { financingId, assetType: asset.assetType, assetId: asset.assetId, bank, counterparty: asset.holder, collection };
  return applied({ financing, terms, events: [{ name: 'FinancingOffered', payload }] });
}

export function acceptFinancing(
  f: Financing,
  asset: AssetView,
  terms: PrivateTerms,
  rc: RuleContext,
  env: ScfEnv,
): Decision<AcceptChange> {
  if (f.status !== 'offered') throw new ConflictError(`financing ${f.id} is ${f.status}, not offered`);
  if (asset.holder !== f.counterparty) throw new ConflictError(`${asset.assetType} ${asset.assetId} changed hands since the offer`);
  const attempt = { transaction: 'financing:Accept', assetType: f.assetType, assetId: f.assetId, financingId: f.id, collection: f.collection };
  const twice = checkDoubleFinancing(asset, rc.lock);
  if (twice) return refuse(twice, attempt, env);
  requireFinanceable(asset);
  if (big(terms.face) !== asset.face) throw new ConflictError(`${asset.assetType} ${asset.assetId} changed amount since the offer`);
  const advance = big(terms.advance);
  const violation = ruleViolation(asset, f.bank, f.counterparty, { advanceRateBps: terms.advanceRateBps, advance }, rc);
  if (violation) return refuse(violation, attempt, env);
  const lock: FinancingLock = { assetType: f.assetType, assetId: f.assetId, financingId: f.id, bank: f.bank, at: env.now };
  const pledge: Pledge = { financingId: f.id, bank: f.bank, at: env.now };
  const next: Financing = { ...f, status: 'accepted', acceptedAt: env.now, updatedAt: env.now };
  const payload = { financingId: f.id, assetType: f.assetType, assetId: f.assetId, bank: f.bank, counterparty: f.counterparty };
  return applied({ financing: next, lock, pledge, outstanding: rc.outstanding + advance, events: [{ name: 'FinancingAccepted', payload }] });
}

export function declineFinancing(f: Financing, env: ScfEnv): { financing: Financing; events: ScfEvent[] } {
  if (f.status !== 'offered') throw new ConflictError(`financing ${f.id} is ${f.status}, not offered`);
  const next: Financing = { ...f, status: 'declined', declinedAt: env.now, updatedAt: env.now };
  return { financing: next, events: [{ name: 'FinancingDeclined', payload: { financingId: f.id, by: env.actor.party } }] };
}

export function recordAdvance(f: Financing, evidenceHash: string, env: ScfEnv): { financing: Financing; events: ScfEvent[] } {
  if (f.status !== 'accepted') throw new ConflictError(`financing ${f.id} is ${f.status}, not accepted`);
  const next: Financing = { ...f, status: 'advanced', advancedAt: env.now, advanceEvidenceHash: evidenceHash, updatedAt: env.now };
  return { financing: next, events: [{ name: 'AdvanceRecorded', payload: { financingId: f.id, bank: f.bank, counterparty: f.counterparty, evidenceHash } }] };
}

export interface SettlementChange {
  financing: Financing;
  settlement: Settlement;
  /** How much the bank's outstanding exposure falls by. */
  repaidNow: bigint;
  fullyRepaid: boolean;
  events: ScfEvent[];
}

function settled(f: Financing, terms: PrivateTerms, previous: Settlement, bankRepaid: bigint, holderReceived: bigint, env: ScfEnv, evidenceHash?: string): SettlementChange {
  const fullyRepaid = bankRepaid === big(terms.advance);
  const next: Financing = {
    ...f,
    status: fullyRepaid ? 'repaid' : f.status,
    repaidAt: fullyRepaid ? env.now : undefined,
    repaymentEvidence: evidenceHash ? [...f.repaymentEvidence, evidenceHash] : f.repaymentEvidence,
    updatedAt: env.now,
  };
  const settlement: Settlement = { financingId: f.id, bankRepaid: str(bankRepaid), holderReceived: str(holderReceived), updatedAt: env.now };
  const events: ScfEvent[] = [{ name: fullyRepaid ? 'FinancingRepaid' : 'FinancingSettled', payload: { financingId: f.id, assetType: f.assetType, assetId: f.assetId, bank: f.bank } }];
  return { financing: next, settlement, repaidNow: bankRepaid - big(previous.bankRepaid), fullyRepaid, events };
}

export function emptySettlement(financingId: string, now: string): Settlement {
  return { financingId, bankRepaid: '0', holderReceived: '0', updatedAt: now };
}

/** Receivable financing: apply the part's collected rent, bank first (see `waterfall`). */
export function settleFromCollections(f: Financing, terms: PrivateTerms, previous: Settlement, collected: bigint, env: ScfEnv): SettlementChange {
  if (f.assetType !== 'receivable') throw new ConflictError(`financing ${f.id} is of a ${f.assetType}: record repayments with financing:RecordRepayment`);
  if (f.status !== 'advanced') throw new ConflictError(`financing ${f.id} is ${f.status}, not advanced`);
  const split = waterfall(collected, big(terms.advance));
  return settled(f, terms, previous, split.toBank, split.toHolder, env);
}

/** Order and receipt financing: the borrower repays the bank directly; the bank records it. */
export function recordRepayment(f: Financing, terms: PrivateTerms, previous: Settlement, amount: bigint, evidenceHash: string, env: ScfEnv): SettlementChange {
  if (f.assetType === 'receivable') throw new ConflictError(`financing ${f.id} is of a receivable: it is repaid from collected rent with financing:Settle`);
  if (f.status !== 'advanced') throw new ConflictError(`financing ${f.id} is ${f.status}, not advanced`);
  const repaid = big(previous.bankRepaid) + amount;
  if (repaid > big(terms.advance)) throw new ValidationError('transient.repayment.amount', `would repay ${repaid}, above the advance`);
  return settled(f, terms, previous, repaid, 0n, env, evidenceHash);
}
