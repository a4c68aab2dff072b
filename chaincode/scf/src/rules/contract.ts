/**
 * `rules` contract: the regulator's rules and alerts.
 *
 * Rules are enforced inside the financing transactions: financing:Offer and
 * financing:Accept refuse a violation by committing only an alert
 * (`reportedBy: 'chaincode'`, event RegulatorAlert) and returning
 * `{ refused: true, ... }`, so every refused attempt leaves evidence.
 * What the chaincode cannot see at endorsement, it cannot refuse: the loser of
 * two acceptances racing in one block fails MVCC at validation and writes
 * nothing. For that (and for what the regulator finds off-chain) RaiseAlert
 * records an alert by a separate submit; it re-checks what it can against
 * state and records the verdict in `confirmed`, so an alert is evidence, not
 * just an accusation.
 */
import { DecContext, DecContract, NotFoundError, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { mspOf, ROLE } from '../access/policy';
import { collectionFor } from '../common/constants';
import { emitAll } from '../common/events';
import { begin } from '../common/tx';
import { loadAsset } from '../financing/assets';
import { advanceOf } from '../financing/terms';
import { getLock, getOutstanding } from '../financing/store';
import { alertRef, checkFinancingInput, raiseAlertInput, setRulesInput } from './inputs';
import { ALERT_EVENT, checkAdvanceRate, checkConcentration, checkDoubleFinancing, updateRules, type Violation } from './logic';
import type { Alert } from './state';
import { getAlert, getAlertDetail, getRules, listAlerts, putAlert, putRules } from './store';

@Info({ title: 'rules', description: 'Regulator rules (double financing, advance cap, concentration limit) and alerts' })
export class RulesContract extends DecContract {
  constructor() {
    super('rules');
  }

  @Transaction()
  @Returns('string')
  async SetRules(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'rules:SetRules');
    const req = parseInput(setRulesInput, input);
    const change = updateRules(await getRules(ctx), req, env);
    await putRules(ctx, change.rules);
    emitAll(ctx, change.events);
    return result(change.rules);
  }

  @Transaction(false)
  @Returns('string')
  async GetRules(ctx: DecContext): Promise<string> {
    begin(ctx, 'rules:GetRules');
    return result(await getRules(ctx));
  }

  /**
   * Evaluate-time pre-check of a financing: which rules it would break. `bank`
   * defaults to the caller. The concentration check needs the pair's private
   * exposure; on a peer outside that collection it is reported in `unchecked`.
   */
  @Transaction(false)
  @Returns('string')
  async CheckFinancing(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'rules:CheckFinancing');
    const req = parseInput(checkFinancingInput, input);
    const bank = req.bank ?? env.actor.party;
    const rules = await getRules(ctx);
    const asset = await loadAsset(ctx, req.assetType, req.assetId);
    const violations: Violation[] = [];
    const unchecked: string[] = [];
    const add = (v: Violation | undefined): void => {
      if (v) violations.push(v);
    };
    add(checkDoubleFinancing(asset.assetType, asset.assetId, await getLock(ctx, asset.assetType, asset.assetId)));
    add(checkAdvanceRate(rules, req.advanceRateBps));
    const collection = collectionFor(mspOf(bank), mspOf(asset.holder));
    let outstanding: bigint | undefined;
    if (collection) {
      try {
        outstanding = await getOutstanding(ctx, collection, bank, asset.holder);
      } catch {
        outstanding = undefined; // this peer is not a member of the collection
      }
    }
    if (outstanding === undefined) unchecked.push('concentration-limit');
    else add(checkConcentration(rules, bank, asset.holder, outstanding, advanceOf(asset.face, req.advanceRateBps)));
    return result({ allowed: violations.length === 0, violations, unchecked, rulesVersion: rules.version });
  }

  /** Records an alert about an attempted violation; the chaincode re-checks it where state allows. */
  @Transaction()
  @Returns('string')
  async RaiseAlert(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'rules:RaiseAlert');
    const req = parseInput(raiseAlertInput, input);
    let confirmed: boolean | null = null;
    if (req.rule === 'double-financing' && req.assetType && req.assetId) {
      confirmed = (await getLock(ctx, req.assetType, req.assetId)) !== undefined;
    } else if (req.rule === 'max-advance-rate' && req.advanceRateBps !== undefined) {
      confirmed = checkAdvanceRate(await getRules(ctx), req.advanceRateBps) !== undefined;
    }
    const alert: Alert = {
      alertId: env.txId,
      rule: req.rule,
      assetType: req.assetType,
      assetId: req.assetId,
      financingId: req.financingId,
      suspect: req.suspect,
      detail: req.detail,
      reportedBy: env.actor.party,
      confirmed,
      at: env.now,
    };
    await putAlert(ctx, alert);
    emitAll(ctx, [{ name: ALERT_EVENT, payload: { ...alert, reporterRole: env.actor.role === ROLE.regulator ? 'regulator' : 'bank' } }]);
    return result(alert);
  }

  @Transaction(false)
  @Returns('string')
  async ListAlerts(ctx: DecContext): Promise<string> {
    begin(ctx, 'rules:ListAlerts');
    return result(await listAlerts(ctx));
  }

  /**
   * One alert, with the private detail of a refusal (the offered rate, the
   * exposure) when it has one and this peer is in its collection, else `privateDetail: null`.
   */
  @Transaction(false)
  @Returns('string')
  async GetAlert(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'rules:GetAlert');
    const req = parseInput(alertRef, input);
    const alert = await getAlert(ctx, req.alertId);
    if (!alert) throw new NotFoundError('alert', req.alertId);
    const privateDetail = alert.privateDetail ? ((await getAlertDetail(ctx, alert.privateDetail.collection, alert.alertId)) ?? null) : null;
    return result({ alert, privateDetail });
  }
}

