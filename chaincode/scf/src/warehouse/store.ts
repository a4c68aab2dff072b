/**
 * Receipt storage. Key scheme: `receipt~<receiptId>`. State-based endorsement:
 * the owner's org (plus the pledgee bank's org while pledged) must endorse every change.
 */
import { keyPart, type DecContext } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeReceipt, type Receipt } from './state';

export function receiptKey(ctx: DecContext, receiptId: string): string {
  return ctx.ledger.key('receipt', keyPart('receiptId', receiptId));
}

export async function getReceipt(ctx: DecContext, receiptId: string): Promise<Receipt> {
  return ctx.ledger.require(receiptKey(ctx, receiptId), decodeReceipt, 'warehouse receipt', receiptId);
}

export async function receiptExists(ctx: DecContext, receiptId: string): Promise<boolean> {
  return ctx.ledger.exists(receiptKey(ctx, receiptId));
}

export function receiptEndorsers(r: Receipt): string[] {
  const orgs = [mspOf(r.owner)];
  if (r.status === 'financed' && r.pledge) orgs.push(mspOf(r.pledge.bank));
  return [...new Set(orgs)].sort();
}

export async function putReceipt(ctx: DecContext, r: Receipt): Promise<void> {
  const key = receiptKey(ctx, r.id);
  await ctx.ledger.put(key, r);
  await ctx.ledger.requireEndorsementFrom(key, receiptEndorsers(r));
}
