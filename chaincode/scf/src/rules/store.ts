/**
 * Rules storage. Key scheme: `rules~current` (one record), `alert~<txId>`
 * (one record per alert, keyed by the recording transaction, so alerts are
 * blind inserts that never conflict with each other).
 */
import { keyPart, result, type DecContext } from '@dec/chaincode-kit';
import { emitAll } from '../common/events';
import type { Refusal } from './logic';
import { decodeAlert, decodeAlertDetail, decodeRules, DEFAULT_RULES, type Alert, type AlertDetail, type Rules } from './state';

export const rulesKey = (ctx: DecContext): string => ctx.ledger.key('rules', 'current');

export async function getRules(ctx: DecContext): Promise<Rules> {
  return (await ctx.ledger.get(rulesKey(ctx), decodeRules)) ?? DEFAULT_RULES;
}

export async function putRules(ctx: DecContext, r: Rules): Promise<void> {
  await ctx.ledger.put(rulesKey(ctx), r);
}

export const alertKey = (ctx: DecContext, alertId: string): string => ctx.ledger.key('alert', keyPart('alertId', alertId));

export async function putAlert(ctx: DecContext, a: Alert): Promise<void> {
  await ctx.ledger.put(alertKey(ctx, a.alertId), a);
}

export const getAlert = (ctx: DecContext, alertId: string): Promise<Alert | undefined> => ctx.ledger.get(alertKey(ctx, alertId), decodeAlert);

/** The private detail of a refusal alert; undefined when absent or not readable on this peer. */
export async function getAlertDetail(ctx: DecContext, collection: string, alertId: string): Promise<AlertDetail | undefined> {
  try {
    return await ctx.ledger.getPrivate(collection, alertKey(ctx, alertId), decodeAlertDetail);
  } catch {
    return undefined; // this peer's org is not a member of the collection
  }
}

/**
 * Commits a refusal decided by pure logic: the alert (and its private detail),
 * the RegulatorAlert event, and the refusal as the transaction's result. The
 * caller must have written nothing else.
 */
export async function recordRefusal(ctx: DecContext, r: Refusal): Promise<string> {
  await putAlert(ctx, r.alert);
  if (r.privateDetail) await ctx.ledger.putPrivate(r.privateDetail.collection, alertKey(ctx, r.alert.alertId), r.privateDetail.detail);
  emitAll(ctx, r.events);
  return result(r.result);
}

/** Every alert, oldest transaction ID first. Range read: evaluate only. */
export async function listAlerts(ctx: DecContext): Promise<Alert[]> {
  return (await ctx.ledger.list('alert', [], decodeAlert)).map((e) => e.value);
}
