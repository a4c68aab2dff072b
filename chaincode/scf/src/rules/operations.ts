/**
 * Rules operations: the regulator's rules and alerts. Rules are enforced inside
 * the financing transactions (a violation commits only an alert, see
 * refusal.ts). What the chaincode cannot see at endorsement, it cannot refuse:
 * the loser of two acceptances racing in one block fails MVCC at validation and
 * writes nothing. For that (and for what the regulator finds off-chain)
 * RaiseAlert records an alert by a separate submit; it re-checks what it can
 * against state and records the verdict in `confirmed`, so an alert is
 * evidence, not just an accusation.
 */
import { NotFoundError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { mspOf, ROLE } from '../access/policy';
import { collectionFor } from '../common/constants';
import type { ScfEnv } from '../common/env';
import { loadAsset } from '../financing/assets';
import { FinancingStore } from '../financing/store';
import { advanceOf } from '../financing/terms';
import type { alertRef, checkFinancingInput, raiseAlertInput, setRulesInput } from './inputs';
import { currentScore } from '../credit/operations';
import { ALERT_EVENT, checkAdvanceRate, checkConcentration, checkCreditScore, checkDoubleFinancing, updateRules, type Violation } from './logic';
import type { Alert, AlertDetail, Rules } from './state';
import { RulesStore } from './store';

export async function setRules(ctx: DecContext, req: z.output<typeof setRulesInput>, env: ScfEnv): Promise<Rules> {
  const store = new RulesStore(ctx.ledger);
  const change = updateRules(await store.rules(), req, env);
  await store.putRules(change.rules);
  ctx.emitAll(change.events);
  return change.rules;
}

export function getRules(ctx: DecContext): Promise<Rules> {
  return new RulesStore(ctx.ledger).rules();
}

/** The pair's outstanding advances, or undefined when this peer is outside their collection (or they share none). */
async function outstandingIfReadable(ctx: DecContext, bank: string, holder: string): Promise<bigint | undefined> {
  const collection = collectionFor(mspOf(bank), mspOf(holder));
  if (!collection) return undefined;
  try {
    return await new FinancingStore(ctx.ledger).outstanding(collection, bank, holder);
  } catch {
    return undefined; // this peer is not a member of the collection
  }
}

/** Whether `actor` may learn anything about `bank`'s exposure to `holder`: one of the two, or the regulator. */
function partyToPair(actor: ScfEnv['actor'], bank: string, holder: string): boolean {
  return actor.role === ROLE.regulator || actor.party === bank || actor.party === holder;
}

/**
 * Evaluate-time pre-check of a financing: which rules it would break. `bank`
 * defaults to the caller. The concentration check needs the pair's private
 * exposure: it runs only for the bank, the holder or the regulator (even a
 * "no violation" answer tells something about the exposure), and only on a peer
 * of the pair's collection; otherwise it is reported in `unchecked`.
 */
export async function checkFinancing(ctx: DecContext, req: z.output<typeof checkFinancingInput>, env: ScfEnv): Promise<object> {
  const bank = req.bank ?? env.actor.party;
  const rules = await new RulesStore(ctx.ledger).rules();
  const asset = await loadAsset(ctx.ledger, req.assetType, req.assetId);
  const lock = await new FinancingStore(ctx.ledger).lock(asset.goods);
  const outstanding = partyToPair(env.actor, bank, asset.holder) ? await outstandingIfReadable(ctx, bank, asset.holder) : undefined;
  const checks: (Violation | undefined)[] = [checkDoubleFinancing(asset, lock), checkAdvanceRate(rules, req.advanceRateBps)];
  if (outstanding !== undefined) checks.push(checkConcentration(rules, bank, asset.holder, outstanding, advanceOf(asset.face, req.advanceRateBps)));
  // Pass or fail against the public minimum is what a refusal's public alert tells anyway; the score itself only the regulator sees here.
  const credit = checkCreditScore(rules, asset.obligor, await currentScore(ctx, asset.obligor.party));
  if (credit) checks.push(env.actor.role === ROLE.regulator ? credit : { ...credit, message: credit.publicMessage });
  const violations = checks.filter((v): v is Violation => v !== undefined);
  const unchecked = outstanding === undefined ? ['concentration-limit'] : [];
  return { allowed: violations.length === 0, violations, unchecked, rulesVersion: rules.version };
}

/** What state says about an alleged violation: true / false where it can tell, else null. */
async function confirmedByState(ctx: DecContext, req: z.output<typeof raiseAlertInput>): Promise<boolean | null> {
  if (req.rule === 'double-financing' && req.assetType && req.assetId) {
    const asset = await loadAsset(ctx.ledger, req.assetType, req.assetId).catch((e: unknown) => {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    });
    return asset ? (await new FinancingStore(ctx.ledger).lock(asset.goods)) !== undefined : false;
  }
  if (req.rule === 'max-advance-rate' && req.advanceRateBps !== undefined) {
    return checkAdvanceRate(await new RulesStore(ctx.ledger).rules(), req.advanceRateBps) !== undefined;
  }
  return null;
}

/** Records an alert about an attempted violation; the chaincode re-checks it where state allows. */
export async function raiseAlert(ctx: DecContext, req: z.output<typeof raiseAlertInput>, env: ScfEnv): Promise<Alert> {
  const alert: Alert = {
    alertId: env.txId,
    rule: req.rule,
    assetType: req.assetType,
    assetId: req.assetId,
    financingId: req.financingId,
    suspect: req.suspect,
    detail: req.detail,
    reportedBy: env.actor.party,
    confirmed: await confirmedByState(ctx, req),
    at: env.now,
  };
  await new RulesStore(ctx.ledger).putAlert(alert);
  ctx.emit(ALERT_EVENT, { ...alert, reporterRole: env.actor.role === ROLE.regulator ? 'regulator' : 'bank' });
  return alert;
}

export function listAlerts(ctx: DecContext): Promise<Alert[]> {
  return new RulesStore(ctx.ledger).alerts();
}

/**
 * One alert, with the private detail of a refusal (the offered rate, the
 * exposure) when it has one and this peer is in its collection, else `privateDetail: null`.
 */
export async function getAlert(ctx: DecContext, req: z.output<typeof alertRef>): Promise<{ alert: Alert; privateDetail: AlertDetail | null }> {
  const store = new RulesStore(ctx.ledger);
  const alert = await store.alert(req.alertId);
  if (!alert) throw new NotFoundError('alert', req.alertId);
  const privateDetail = alert.privateDetail ? ((await store.alertDetail(alert.privateDetail.collection, alert.alertId)) ?? null) : null;
  return { alert, privateDetail };
}
