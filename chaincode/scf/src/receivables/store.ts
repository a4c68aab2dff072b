/**
 * Receivable storage. Key scheme: `receivable~<rootId>~<receivableId>`, so one
 * partial-key range lists a root and all its parts (receivables:Tree).
 * The root ID is the part ID before its first '.', so a part is found from its ID alone.
 *
 * State-based endorsement: every write sets the key's endorsement policy to the
 * holder's org (plus the pledgee bank's org while financed), so no change to a
 * part can commit without the holder's peer (and the bank's) endorsing it.
 */
import { keyPart, type DecContext } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeReceivable, type Receivable } from './state';

export function rootOf(receivableId: string): string {
  return receivableId.split('.')[0] ?? receivableId;
}

export function receivableKey(ctx: DecContext, receivableId: string): string {
  return ctx.ledger.key('receivable', keyPart('rootId', rootOf(receivableId)), keyPart('receivableId', receivableId));
}

export async function getReceivable(ctx: DecContext, receivableId: string): Promise<Receivable> {
  return ctx.ledger.require(receivableKey(ctx, receivableId), decodeReceivable, 'receivable', receivableId);
}

export async function receivableExists(ctx: DecContext, receivableId: string): Promise<boolean> {
  return ctx.ledger.exists(receivableKey(ctx, receivableId));
}

/** The orgs whose peers must endorse any change to `r`. */
export function receivableEndorsers(r: Receivable): string[] {
  const orgs = [mspOf(r.holder)];
  if (r.status === 'financed' && r.pledge) orgs.push(mspOf(r.pledge.bank));
  return [...new Set(orgs)].sort();
}

export async function putReceivable(ctx: DecContext, r: Receivable): Promise<void> {
  const key = receivableKey(ctx, r.id);
  await ctx.ledger.put(key, r);
  await ctx.ledger.requireEndorsementFrom(key, receivableEndorsers(r));
}

/** Root and every part, in key order. Range read: evaluate transactions only. */
export async function listTree(ctx: DecContext, rootId: string): Promise<Receivable[]> {
  const entries = await ctx.ledger.list('receivable', [keyPart('rootId', rootId)], decodeReceivable);
  return entries.map((e) => e.value);
}
