/**
 * Financing operations. Offer (bank, transient `terms`) -> Accept (holder, with
 * the terms' hash; takes the double-financing lock and pledges the asset) ->
 * RecordAdvance (bank) -> Settle (receivables: collected rent repays the bank
 * first) or RecordRepayment (orders, receipts; transient `repayment`).
 *
 * Offer and Accept never throw a regulator-rule violation: they commit a
 * refusal instead (only the alert is written; see rules/refusal.ts) and return
 * `{ refused: true, rule, detail, alertId, ... }`.
 */
import { AccessDeniedError, big, ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { mspOf, requireParty, requireReader } from '../access/policy';
import { collectionFor, TRANSIENT } from '../common/constants';
import type { ScfEnv } from '../common/env';
import { requireSalt } from '../common/salt';
import { requireTransient } from '../common/transient';
import { LeaseStore } from '../leasing/store';
import { collectedShare } from '../receivables/logic';
import { ReceivableStore } from '../receivables/store';
import { recordRefusal } from '../rules/refusal';
import type { RefusalResult } from '../rules/state';
import { RulesStore } from '../rules/store';
import { currentScore } from '../credit/operations';
import { loadAsset, pledgeAsset, releaseAsset } from './assets';
import { repaymentAmount, termsInput, type acceptInput, type advanceInput, type financingRef, type offerInput, type repaymentInput } from './inputs';
import {
  acceptFinancing,
  declineFinancing,
  emptySettlement,
  offerFinancing,
  recordAdvance,
  recordRepayment,
  settleFromCollections,
  type AssetView,
  type RuleContext,
  type SettlementChange,
} from './logic';
import type { Financing, PrivateTerms, Settlement } from './state';
import { FinancingStore } from './store';
import { waterfall } from './terms';

async function ruleContext(ctx: DecContext, asset: AssetView, collection: string, bank: string, counterparty: string): Promise<RuleContext> {
  const financings = new FinancingStore(ctx.ledger);
  return {
    rules: await new RulesStore(ctx.ledger).rules(),
    lock: await financings.lock(asset.goods),
    outstanding: await financings.outstanding(collection, bank, counterparty),
    obligorScore: await currentScore(ctx, asset.obligor.party),
  };
}

export async function offer(ctx: DecContext, req: z.output<typeof offerInput>, env: ScfEnv): Promise<Financing | RefusalResult> {
  const terms = requireTransient(ctx, TRANSIENT.terms, termsInput);
  const financings = new FinancingStore(ctx.ledger);
  if (await financings.exists(req.financingId)) throw new ConflictError(`financing ${req.financingId} already exists`);
  const asset = await loadAsset(ctx.ledger, req.assetType, req.assetId);
  const collection = collectionFor(mspOf(env.actor.party), mspOf(asset.holder));
  if (!collection) throw new ConflictError(`${env.actor.party} and ${asset.holder} share no private collection for terms`);
  const rc = await ruleContext(ctx, asset, collection, env.actor.party, asset.holder);
  const decision = offerFinancing(req.financingId, asset, collection, terms, rc, env);
  if (decision.refused) return recordRefusal(ctx, decision.refusal, terms.salt);
  const change = decision.change;
  await financings.put(change.financing);
  await financings.putTerms(collection, change.terms);
  ctx.emitAll(change.events);
  return change.financing;
}

/**
 * The holder accepts exactly the terms whose hash it names; this pledges the
 * asset to the bank. Refused (alert only) when the asset is already financed
 * or the rules, tightened since the offer, no longer allow the terms.
 */
export async function accept(ctx: DecContext, req: z.output<typeof acceptInput>, env: ScfEnv): Promise<Financing | RefusalResult> {
  const salt = requireSalt(ctx);
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  const asset = await loadAsset(ctx.ledger, f.assetType, f.assetId);
  requireParty(env.actor, asset.holder, 'the holder');
  const hash = await financings.termsHash(f);
  if (hash !== req.termsHash) throw new ConflictError(`termsHash does not match the terms of financing ${f.id} on the channel`);
  const terms = await financings.terms(f);
  const rc = await ruleContext(ctx, asset, f.collection, f.bank, f.counterparty);
  const decision = acceptFinancing(f, asset, terms, rc, env);
  if (decision.refused) return recordRefusal(ctx, decision.refusal, salt);
  const change = decision.change;
  await financings.putLock(change.lock, asset.goods);
  await pledgeAsset(ctx.ledger, f.assetType, f.assetId, change.pledge);
  await financings.putOutstanding(f.collection, f.bank, f.counterparty, change.outstanding, salt);
  await financings.putSettlement(f.collection, emptySettlement(f.id, env.now), salt);
  await financings.put(change.financing);
  ctx.emitAll(change.events);
  return change.financing;
}

export async function decline(ctx: DecContext, req: z.output<typeof financingRef>, env: ScfEnv): Promise<Financing> {
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  requireParty(env.actor, f.counterparty, 'the holder');
  const change = declineFinancing(f, env);
  await financings.put(change.financing);
  ctx.emitAll(change.events);
  return change.financing;
}

/** The offering bank records that it paid the advance out (evidence hash of the payment). */
export async function advance(ctx: DecContext, req: z.output<typeof advanceInput>, env: ScfEnv): Promise<Financing> {
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  requireParty(env.actor, f.bank, 'the financing bank');
  const change = recordAdvance(f, req.evidenceHash, env);
  await financings.put(change.financing);
  ctx.emitAll(change.events);
  return change.financing;
}

async function applySettlement(ctx: DecContext, f: Financing, change: SettlementChange, now: string, salt: string): Promise<Financing> {
  const financings = new FinancingStore(ctx.ledger);
  await financings.putSettlement(f.collection, change.settlement, salt);
  if (change.repaidNow > 0n) {
    const outstanding = await financings.outstanding(f.collection, f.bank, f.counterparty);
    await financings.putOutstanding(f.collection, f.bank, f.counterparty, outstanding > change.repaidNow ? outstanding - change.repaidNow : 0n, salt);
  }
  if (change.fullyRepaid) await releaseAsset(ctx.ledger, f.assetType, f.assetId, now);
  await financings.put(change.financing);
  ctx.emitAll(change.events);
  return change.financing;
}

async function termsAndSettlement(financings: FinancingStore, f: Financing, now: string): Promise<{ terms: PrivateTerms; previous: Settlement }> {
  const terms = await financings.terms(f);
  const previous = (await financings.settlement(f)) ?? emptySettlement(f.id, now);
  return { terms, previous };
}

/** Orders and receipts: the bank records a repayment; the amount (transient `repayment`) stays private. */
export async function repayment(ctx: DecContext, req: z.output<typeof repaymentInput>, env: ScfEnv): Promise<Financing> {
  const { amount } = requireTransient(ctx, TRANSIENT.repayment, repaymentAmount);
  const salt = requireSalt(ctx);
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  requireParty(env.actor, f.bank, 'the financing bank');
  const { terms, previous } = await termsAndSettlement(financings, f, env.now);
  return applySettlement(ctx, f, recordRepayment(f, terms, previous, big(amount), req.evidenceHash, env), env.now, salt);
}

/** The receivable part's share of the rent collected so far. */
async function collectedFor(ctx: DecContext, f: Financing): Promise<bigint> {
  if (f.assetType !== 'receivable') throw new ConflictError(`financing ${f.id} is of a ${f.assetType}, not a receivable`);
  const part = await new ReceivableStore(ctx.ledger).require(f.assetId);
  const lease = await new LeaseStore(ctx.ledger).require(part.leaseId);
  return collectedShare(part, big(lease.collected));
}

/** Receivables: apply the part's share of collected rent, bank first. The bank or the holder may run it. */
export async function settle(ctx: DecContext, req: z.output<typeof financingRef>, env: ScfEnv): Promise<Financing> {
  const salt = requireSalt(ctx);
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  if (env.actor.party !== f.bank && env.actor.party !== f.counterparty) {
    throw new AccessDeniedError(`only ${f.bank} or ${f.counterparty} may settle financing ${f.id}`);
  }
  const collected = await collectedFor(ctx, f);
  const { terms, previous } = await termsAndSettlement(financings, f, env.now);
  return applySettlement(ctx, f, settleFromCollections(f, terms, previous, collected, env), env.now, salt);
}

/** The public record and the hash of its private terms (what Accept must name). */
export async function get(ctx: DecContext, req: z.output<typeof financingRef>): Promise<{ financing: Financing; termsHash: string | null }> {
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  return { financing: f, termsHash: (await financings.termsHash(f)) ?? null };
}

/** Private terms and settlement: the bank, the counterparty and the regulator only (and only on a collection member's peer). */
export async function getTerms(ctx: DecContext, req: z.output<typeof financingRef>, env: ScfEnv): Promise<object> {
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  requireReader(env.actor, [f.bank, f.counterparty], 'the parties to the financing');
  return { financing: f, terms: await financings.terms(f), settlement: (await financings.settlement(f)) ?? null, termsHash: (await financings.termsHash(f)) ?? null };
}

/** Receivables: how the part's collected rent splits between bank and holder right now (without writing). */
export async function waterfallOf(ctx: DecContext, req: z.output<typeof financingRef>, env: ScfEnv): Promise<object> {
  const financings = new FinancingStore(ctx.ledger);
  const f = await financings.require(req.financingId);
  requireReader(env.actor, [f.bank, f.counterparty], 'the parties to the financing');
  const collected = await collectedFor(ctx, f);
  const terms = await financings.terms(f);
  const split = waterfall(collected, big(terms.advance));
  return {
    financingId: f.id,
    collected: collected.toString(),
    advance: terms.advance,
    toBank: split.toBank.toString(),
    toHolder: split.toHolder.toString(),
    bankOutstanding: split.bankOutstanding.toString(),
  };
}
