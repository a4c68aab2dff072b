/**
 * Commits a refusal decided by pure logic (rules/logic.ts `refuse`): the alert
 * (and its private detail), the RegulatorAlert event, and the refusal as the
 * transaction's result. The caller must have written nothing else.
 */
import type { DecContext } from '@dec/chaincode-kit';
import type { Refusal } from './logic';
import type { RefusalResult } from './state';
import { RulesStore } from './store';

/** `salt` salts the private detail (the transaction's transient salt, or the offered terms' salt). */
export async function recordRefusal(ctx: DecContext, r: Refusal, salt: string): Promise<RefusalResult> {
  const store = new RulesStore(ctx.ledger);
  await store.putAlert(r.alert);
  if (r.privateDetail) await store.putAlertDetail(r.privateDetail.collection, r.alert.alertId, r.privateDetail.detail, salt);
  ctx.emitAll(r.events);
  return r.result;
}
