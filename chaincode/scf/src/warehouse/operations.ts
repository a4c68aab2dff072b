/** Warehouse receipt operations: issue, the pledgee bank's consent, release by the issuing logistics party. */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireParty } from '../access/policy';
import type { ScfEnv } from '../common/env';
import { OrderStore } from '../orders/store';
import type { issueReceiptInput, receiptRef } from './inputs';
import { consentRelease, issueReceipt, releaseGoods } from './logic';
import type { Receipt } from './state';
import { ReceiptStore } from './store';

export async function issue(ctx: DecContext, req: z.output<typeof issueReceiptInput>, env: ScfEnv): Promise<Receipt> {
  const receipts = new ReceiptStore(ctx.ledger);
  if (await receipts.exists(req.receiptId)) throw new ConflictError(`receipt ${req.receiptId} already exists`);
  const order = req.orderId ? await new OrderStore(ctx.ledger).require(req.orderId) : undefined;
  const change = issueReceipt(req, order, env);
  await receipts.put(change.receipt);
  ctx.emitAll(change.events);
  return change.receipt;
}

/** Only the pledgee bank may consent. */
export async function consent(ctx: DecContext, req: z.output<typeof receiptRef>, env: ScfEnv): Promise<Receipt> {
  const receipts = new ReceiptStore(ctx.ledger);
  const receipt = await receipts.require(req.receiptId);
  requireParty(env.actor, receipt.pledge?.bank ?? '(no pledgee)', 'the pledgee bank');
  const change = consentRelease(receipt, env);
  await receipts.put(change.receipt);
  ctx.emitAll(change.events);
  return change.receipt;
}

/** Only the logistics party that issued the receipt releases the goods. */
export async function release(ctx: DecContext, req: z.output<typeof receiptRef>, env: ScfEnv): Promise<Receipt> {
  const receipts = new ReceiptStore(ctx.ledger);
  const receipt = await receipts.require(req.receiptId);
  requireParty(env.actor, receipt.issuer, 'the issuing logistics party');
  const change = releaseGoods(receipt, env);
  await receipts.put(change.receipt);
  ctx.emitAll(change.events);
  return change.receipt;
}

export function get(ctx: DecContext, req: z.output<typeof receiptRef>): Promise<Receipt> {
  return new ReceiptStore(ctx.ledger).require(req.receiptId);
}
