/**
 * `financing` contract: a bank finances a receivable part, a purchase order or a
 * warehouse receipt. Terms travel in the transient map and are stored only in
 * the private collection of the bank and the asset's holder (the regulator is a
 * member of every collection); the channel holds the record and the terms' hash.
 *
 * Offer (bank, transient `terms`) -> Accept (holder, with the terms' hash;
 * takes the double-financing lock and pledges the asset) -> RecordAdvance (bank)
 * -> Settle (receivables: collected rent repays the bank first) or
 * RecordRepayment (orders, receipts; transient `repayment`).
 *
 * Offer and Accept never throw a regulator-rule violation: they commit a
 * refusal instead (only the alert is written; see rules/logic.ts `refuse`)
 * and return `{ refused: true, rule, detail, alertId, ... }`.
 */
import { AccessDeniedError, big, ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { mspOf, requireParty, requireReader } from '../access/policy';
import { collectionFor, TRANSIENT } from '../common/constants';
import { emitAll } from '../common/events';
import { requireTransient } from '../common/transient';
import { begin } from '../common/tx';
import { getLease } from '../leasing/store';
import { collectedShare } from '../receivables/logic';
import { getReceivable } from '../receivables/store';
import { getRules, recordRefusal } from '../rules/store';
import { loadAsset, pledgeAsset, releaseAsset } from './assets';
import { acceptInput, advanceInput, financingRef, offerInput, repaymentAmount, repaymentInput, termsInput } from './inputs';
import {
  acceptFinancing,
  declineFinancing,
  emptySettlement,
  offerFinancing,
  recordAdvance,
  recordRepayment,
  settleFromCollections,
  type SettlementChange,
} from './logic';
import type { Financing } from './state';
import {
  financingExists,
  getFinancing,
  getLock,
  getOutstanding,
  getSettlement,
  getTerms,
  putFinancing,
  putLock,
  putOutstanding,
  putSettlement,
  putTerms,
  termsHash,
} from './store';
import { waterfall } from './terms';

@Info({ title: 'financing', description: 'Receivable, order and warehouse-receipt financing with private terms and regulator rules' })
export class FinancingContract extends DecContract {
  constructor() {
    super('financing');
  }

  @Transaction()
  @Returns('string')
  async Offer(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:Offer');
    const req = parseInput(offerInput, input);
    const terms = requireTransient(ctx, TRANSIENT.terms, termsInput);
    if (await financingExists(ctx, req.financingId)) throw new ConflictError(`financing ${req.financingId} already exists`);
    const asset = await loadAsset(ctx, req.assetType, req.assetId);
    const collection = collectionFor(mspOf(env.actor.party), mspOf(asset.holder));
    if (!collection) throw new ConflictError(`${env.actor.party} and ${asset.holder} share no private collection for terms`);
    const rc = {
      rules: await getRules(ctx),
      lock: await getLock(ctx, asset.assetType, asset.assetId),
      outstanding: await getOutstanding(ctx, collection, env.actor.party, asset.holder),
    };
    const decision = offerFinancing(req.financingId, asset, collection, terms, rc, env);
    if (decision.refused) return recordRefusal(ctx, decision.refusal);
    const change = decision.change;
    await putFinancing(ctx, change.financing);
    await putTerms(ctx, collection, change.terms);
    emitAll(ctx, change.events);
    return result(change.financing);
  }

  /**
   * The holder accepts exactly the terms whose hash it names; this pledges the
   * asset to the bank. Refused (alert only) when the asset is already financed
   * or the rules, tightened since the offer, no longer allow the terms.
   */
  @Transaction()
  @Returns('string')
  async Accept(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:Accept');
    const req = parseInput(acceptInput, input);
    const f = await getFinancing(ctx, req.financingId);
    const asset = await loadAsset(ctx, f.assetType, f.assetId);
    requireParty(env.actor, asset.holder, 'the holder');
    const hash = await termsHash(ctx, f);
    if (hash !== req.termsHash) throw new ConflictError(`termsHash does not match the terms of financing ${f.id} on the channel`);
    const terms = await getTerms(ctx, f);
    const rc = {
      rules: await getRules(ctx),
      lock: await getLock(ctx, f.assetType, f.assetId),
      outstanding: await getOutstanding(ctx, f.collection, f.bank, f.counterparty),
    };
    const decision = acceptFinancing(f, asset, terms, rc, env);
    if (decision.refused) return recordRefusal(ctx, decision.refusal);
    const change = decision.change;
    await putLock(ctx, change.lock);
    await pledgeAsset(ctx, f.assetType, f.assetId, change.pledge);
    await putOutstanding(ctx, f.collection, f.bank, f.counterparty, change.outstanding);
    await putSettlement(ctx, f.collection, emptySettlement(f.id, env.now));
    await putFinancing(ctx, change.financing);
    emitAll(ctx, change.events);
    return result(change.financing);
  }

  @Transaction()
  @Returns('string')
  async Decline(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:Decline');
    const req = parseInput(financingRef, input);
    const f = await getFinancing(ctx, req.financingId);
    requireParty(env.actor, f.counterparty, 'the holder');
    const change = declineFinancing(f, env);
    await putFinancing(ctx, change.financing);
    emitAll(ctx, change.events);
    return result(change.financing);
  }

  /** The offering bank records that it paid the advance out (evidence hash of the payment). */
  @Transaction()
  @Returns('string')
  async RecordAdvance(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:RecordAdvance');
    const req = parseInput(advanceInput, input);
    const f = await getFinancing(ctx, req.financingId);
    requireParty(env.actor, f.bank, 'the financing bank');
    const change = recordAdvance(f, req.evidenceHash, env);
    await putFinancing(ctx, change.financing);
    emitAll(ctx, change.events);
    return result(change.financing);
  }

  /** Orders and receipts: the bank records a repayment; the amount (transient `repayment`) stays private. */
  @Transaction()
  @Returns('string')
  async RecordRepayment(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:RecordRepayment');
    const req = parseInput(repaymentInput, input);
    const { amount } = requireTransient(ctx, TRANSIENT.repayment, repaymentAmount);
    const f = await getFinancing(ctx, req.financingId);
    requireParty(env.actor, f.bank, 'the financing bank');
    const terms = await getTerms(ctx, f);
    const previous = (await getSettlement(ctx, f)) ?? emptySettlement(f.id, env.now);
    return this.applySettlement(ctx, f, recordRepayment(f, terms, previous, big(amount), req.evidenceHash, env), env.now);
  }

  /** Receivables: apply the part's share of collected rent, bank first. The bank or the holder may run it. */
  @Transaction()
  @Returns('string')
  async Settle(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:Settle');
    const req = parseInput(financingRef, input);
    const f = await getFinancing(ctx, req.financingId);
    if (env.actor.party !== f.bank && env.actor.party !== f.counterparty) {
      throw new AccessDeniedError(`only ${f.bank} or ${f.counterparty} may settle financing ${f.id}`);
    }
    const collected = await this.collectedFor(ctx, f);
    const terms = await getTerms(ctx, f);
    const previous = (await getSettlement(ctx, f)) ?? emptySettlement(f.id, env.now);
    return this.applySettlement(ctx, f, settleFromCollections(f, terms, previous, collected, env), env.now);
  }

  /** The public record and the hash of its private terms (what Accept must name). */
  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'financing:Get');
    const req = parseInput(financingRef, input);
    const f = await getFinancing(ctx, req.financingId);
    return result({ financing: f, termsHash: (await termsHash(ctx, f)) ?? null });
  }

  /** Private terms and settlement: the bank, the counterparty and the regulator only (and only on a collection member's peer). */
  @Transaction(false)
  @Returns('string')
  async GetTerms(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:GetTerms');
    const req = parseInput(financingRef, input);
    const f = await getFinancing(ctx, req.financingId);
    requireReader(env.actor, [f.bank, f.counterparty], 'the parties to the financing');
    return result({ financing: f, terms: await getTerms(ctx, f), settlement: (await getSettlement(ctx, f)) ?? null, termsHash: (await termsHash(ctx, f)) ?? null });
  }

  /** Receivables: how the part's collected rent splits between bank and holder right now (without writing). */
  @Transaction(false)
  @Returns('string')
  async Waterfall(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'financing:Waterfall');
    const req = parseInput(financingRef, input);
    const f = await getFinancing(ctx, req.financingId);
    requireReader(env.actor, [f.bank, f.counterparty], 'the parties to the financing');
    const collected = await this.collectedFor(ctx, f);
    const terms = await getTerms(ctx, f);
    const split = waterfall(collected, big(terms.advance));
    return result({
      financingId: f.id,
      collected: collected.toString(),
      advance: terms.advance,
      toBank: split.toBank.toString(),
      toHolder: split.toHolder.toString(),
      bankOutstanding: split.bankOutstanding.toString(),
    });
  }

  private async collectedFor(ctx: DecContext, f: Financing): Promise<bigint> {
    if (f.assetType !== 'receivable') throw new ConflictError(`financing ${f.id} is of a ${f.assetType}, not a receivable`);
    const part = await getReceivable(ctx, f.assetId);
    const lease = await getLease(ctx, part.leaseId);
    return collectedShare(part, big(lease.collected));
  }

  private async applySettlement(ctx: DecContext, f: Financing, change: SettlementChange, now: string): Promise<string> {
    await putSettlement(ctx, f.collection, change.settlement);
    if (change.repaidNow > 0n) {
      const outstanding = await getOutstanding(ctx, f.collection, f.bank, f.counterparty);
      await putOutstanding(ctx, f.collection, f.bank, f.counterparty, outstanding > change.repaidNow ? outstanding - change.repaidNow : 0n);
    }
    if (change.fullyRepaid) await releaseAsset(ctx, f.assetType, f.assetId, now);
    await putFinancing(ctx, change.financing);
    emitAll(ctx, change.events);
    return result(change.financing);
  }
}
