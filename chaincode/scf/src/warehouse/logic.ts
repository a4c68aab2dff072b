/** Warehouse-receipt rules as pure functions. */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { mspOf } from '../access/policy';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { Order } from '../orders/state';
import type { issueReceiptInput } from './inputs';
import type { Receipt } from './state';

/**
 * A receipt is a third party's word that goods are in store: the issuing
 * logistics party must be of another org than the owner (an org's admin can
 * register any company identity of its own, so a party-level check would not
 * do). A receipt naming an order must be for goods of that order's seller or buyer.
 */
export function issueReceipt(input: z.infer<typeof issueReceiptInput>, order: Order | undefined, env: ScfEnv): { receipt: Receipt; events: ScfEvent[] } {
  if (mspOf(env.actor.party) === mspOf(input.owner)) {
    throw new ValidationError('input.owner', `must belong to another org than the issuing logistics party ${env.actor.party}: an org cannot vouch for its own goods`);
  }
  if (order && input.owner !== order.seller && input.owner !== order.buyer) {
    throw new ValidationError('input.orderId', `names order ${order.id} of ${order.seller} to ${order.buyer}, not goods of ${input.owner}`);
  }
  const receipt: Receipt = {
    id: input.receiptId,
    issuer: env.actor.party,
    owner: input.owner,
    goods: input.goods,
    value: input.value,
    location: input.location,
    orderId: input.orderId,
    status: 'stored',
    issuedAt: env.now,
    updatedAt: env.now,
  };
  const payload = { receiptId: receipt.id, issuer: receipt.issuer, owner: receipt.owner, value: receipt.value, location: receipt.location };
  return { receipt, events: [{ name: 'ReceiptIssued', payload }] };
}

/** The pledgee bank lets the goods go before its loan is repaid (e.g. swapped for other collateral). */
export function consentRelease(r: Receipt, env: ScfEnv): { receipt: Receipt; events: ScfEvent[] } {
  if (r.status !== 'financed' || !r.pledge) throw new ConflictError(`receipt ${r.id} is ${r.status}, not pledged`);
  const next: Receipt = { ...r, releaseConsent: { bank: env.actor.party, at: env.now }, updatedAt: env.now };
  return { receipt: next, events: [{ name: 'ReceiptReleaseConsented', payload: { receiptId: r.id, bank: env.actor.party } }] };
}

/** Goods leave the warehouse: only if unpledged, the loan was repaid, or the pledgee bank consented. */
export function releaseGoods(r: Receipt, env: ScfEnv): { receipt: Receipt; events: ScfEvent[] } {
  if (r.status === 'released') throw new ConflictError(`receipt ${r.id} is already released`);
  if (r.status === 'financed' && !r.releaseConsent) {
    throw new ConflictError(`receipt ${r.id} is pledged to ${r.pledge?.bank ?? 'a bank'}: repay the loan or get the bank's consent first`);
  }
  const next: Receipt = { ...r, status: 'released', releasedAt: env.now, updatedAt: env.now };
  return { receipt: next, events: [{ name: 'GoodsReleased', payload: { receiptId: r.id, owner: r.owner, from: r.status } }] };
}
