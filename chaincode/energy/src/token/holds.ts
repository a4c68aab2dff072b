/**
 * Holds (escrow). Creating a hold moves `amount` out of the payer's balance
 * into the hold. It then ends exactly once:
 *   captured  the payee (or platform) takes all or part; the rest returns to the payer
 *   released  the payee (or platform) lets it go; everything returns to the payer
 *   expired   after expiresAt, anyone involved returns it to the payer
 * Capture is refused from expiresAt on; expiry is refused before it.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import { assetSchema, type Asset } from './accounts';

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const holdSchema = z.object({
  id: z.string(),
  asset: assetSchema,
  payer: z.string(),
  payee: z.string(),
  amount: amountString,
  captured: amountString,
  status: z.enum(['open', 'captured', 'released', 'expired']),
  expiresAt: z.string(),
  ref: z.string().optional(),
  createdAt: z.string(),
  createdTxId: z.string(),
  closedAt: z.string().optional(),
  closedTxId: z.string().optional(),
});
export type Hold = z.infer<typeof holdSchema>;

/** What a hold still holds: the whole amount while open, nothing after. */
export function held(h: Hold | undefined): bigint {
  return h && h.status === 'open' ? BigInt(h.amount) : 0n;
}

export interface NewHold {
  id: string;
  asset: Asset;
  payer: string;
  payee: string;
  amount: bigint;
  expiresAt: string;
  ref?: string;
}

export function createHold(h: NewHold, tx: EnergyEnv): Change<Hold> {
  if (h.payer === h.payee) throw new ValidationError('request.payee', 'must differ from the payer');
  if (Date.parse(h.expiresAt) <= Date.parse(tx.now)) throw new ValidationError('request.expiresAt', `must be after the transaction time ${tx.now}`);
  const state = holdSchema.parse({
    id: h.id,
    asset: h.asset,
    payer: h.payer,
    payee: h.payee,
    amount: h.amount.toString(),
    captured: '0',
    status: 'open',
    expiresAt: h.expiresAt,
    ref: h.ref,
    createdAt: tx.now,
    createdTxId: tx.txId,
  });
  return { state, events: [{ name: 'HoldCreated', payload: state }] };
}

/** The outcome of closing a hold: the new record and who gets what. */
export interface HoldSettlement extends Change<Hold> {
  toPayee: bigint;
  toPayer: bigint;
}

function requireOpen(h: Hold): void {
  if (h.status !== 'open') throw new ConflictError(`hold ${h.id} is already ${h.status}`);
}

function close(h: Hold, status: Hold['status'], captured: bigint, tx: EnergyEnv, event: string): HoldSettlement {
  const toPayer = BigInt(h.amount) - captured;
  const state = holdSchema.parse({ ...h, status, captured: captured.toString(), closedAt: tx.now, closedTxId: tx.txId });
  const payload = { id: h.id, asset: h.asset, payer: h.payer, payee: h.payee, captured: captured.toString(), returned: toPayer.toString() };
  return { state, toPayee: captured, toPayer, events: [{ name: event, payload }] };
}

export function captureHold(h: Hold, amount: bigint, tx: EnergyEnv): HoldSettlement {
  requireOpen(h);
  if (Date.parse(tx.now) >= Date.parse(h.expiresAt)) throw new ConflictError(`hold ${h.id} expired at ${h.expiresAt}`);
  if (amount <= 0n) throw new ValidationError('request.amount', 'must be greater than zero');
  if (amount > BigInt(h.amount)) throw new ValidationError('request.amount', `must be at most the held ${h.amount}`);
  return close(h, 'captured', amount, tx, 'HoldCaptured');
}

export function releaseHold(h: Hold, tx: EnergyEnv): HoldSettlement {
  requireOpen(h);
  return close(h, 'released', 0n, tx, 'HoldReleased');
}

export function expireHold(h: Hold, tx: EnergyEnv): HoldSettlement {
  requireOpen(h);
  if (Date.parse(tx.now) < Date.parse(h.expiresAt)) throw new ConflictError(`hold ${h.id} does not expire until ${h.expiresAt}`);
  return close(h, 'expired', 0n, tx, 'HoldExpired');
}
