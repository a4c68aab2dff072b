/**
 * Rules storage. Key scheme: `rules~current` (one record), `alert~<txId>`
 * (one record per alert, keyed by the recording transaction, so alerts are
 * blind inserts that never conflict with each other).
 */
import type { DecContext } from '@dec/chaincode-kit';
import { decodeAlert, decodeRules, DEFAULT_RULES, type Alert, type Rules } from './state';

export const rulesKey = (ctx: DecContext): string => ctx.ledger.key('rules', 'current');

export async function getRules(ctx: DecContext): Promise<Rules> {
  return (await ctx.ledger.get(rulesKey(ctx), decodeRules)) ?? DEFAULT_RULES;
}

export async function putRules(ctx: DecContext, r: Rules): Promise<void> {
  await ctx.ledger.put(rulesKey(ctx), r);
}

export async function putAlert(ctx: DecContext, a: Alert): Promise<void> {
  await ctx.ledger.put(ctx.ledger.key('alert', a.alertId), a);
}

/** Every alert, oldest transaction ID first. Range read: evaluate only. */
export async function listAlerts(ctx: DecContext): Promise<Alert[]> {
  return (await ctx.ledger.list('alert', [], decodeAlert)).map((e) => e.value);
}
