/**
 * Business deposits: DEC an account locks as a performance bond (white paper
 * process 2: "save the DEC deposit" before trading). While an obligation is open
 * (an order, a lease, a reservation) the deposit cannot be withdrawn; an
 * authorised party may slash it to the wronged counterparty.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';

export const MAX_OPEN_OBLIGATIONS = 200;

export const depositSchema = z.object({
  account: z.string(),
  amount: z.string().regex(/^(0|[1-9][0-9]*)$/),
  /** IDs of open obligations, sorted. */
  obligations: z.array(z.string()),
  updatedAt: z.string(),
});
export type Deposit = z.infer<typeof depositSchema>;

export function emptyDeposit(account: string): Deposit {
  return { account, amount: '0', obligations: [], updatedAt: '' };
}

function next(d: Deposit, amount: bigint, obligations: string[], tx: EnergyEnv): Deposit {
  return depositSchema.parse({ ...d, amount: amount.toString(), obligations, updatedAt: tx.now });
}

export function lock(d: Deposit, amount: bigint, tx: EnergyEnv): Change<Deposit> {
  const state = next(d, BigInt(d.amount) + amount, d.obligations, tx);
  return { state, events: [{ name: 'DepositLocked', payload: { account: d.account, amount: amount.toString(), deposit: state.amount } }] };
}

export function withdraw(d: Deposit, amount: bigint, tx: EnergyEnv): Change<Deposit> {
  if (d.obligations.length > 0) {
    throw new ConflictError(`deposit of ${d.account} backs ${d.obligations.length} open obligation(s) (${d.obligations.slice(0, 3).join(', ')}); it cannot be withdrawn`);
  }
  if (amount > BigInt(d.amount)) throw new ConflictError(`deposit of ${d.account} is ${d.amount}; cannot withdraw ${amount}`);
  const state = next(d, BigInt(d.amount) - amount, d.obligations, tx);
  return { state, events: [{ name: 'DepositWithdrawn', payload: { account: d.account, amount: amount.toString(), deposit: state.amount } }] };
}

/** Takes up to `amount`, never more than there is: a penalty larger than the deposit takes the whole deposit. */
export function slash(d: Deposit, amount: bigint, to: string, reason: string, closeObligation: string | undefined, tx: EnergyEnv): Change<Deposit> & { taken: bigint } {
  const taken = amount < BigInt(d.amount) ? amount : BigInt(d.amount);
  if (taken === 0n) throw new ConflictError(`deposit of ${d.account} is empty`);
  let obligations = d.obligations;
  if (closeObligation !== undefined) obligations = remove(d, closeObligation);
  const state = next(d, BigInt(d.amount) - taken, obligations, tx);
  const payload = { account: d.account, to, amount: taken.toString(), requested: amount.toString(), reason, obligationId: closeObligation, deposit: state.amount };
  return { state, taken, events: [{ name: 'DepositSlashed', payload }] };
}

export function openObligation(d: Deposit, id: string, ref: string | undefined, tx: EnergyEnv): Change<Deposit> {
  if (d.obligations.includes(id)) throw new ConflictError(`obligation ${id} is already open on the deposit of ${d.account}`);
  if (d.obligations.length >= MAX_OPEN_OBLIGATIONS) throw new ConflictError(`deposit of ${d.account} already backs ${MAX_OPEN_OBLIGATIONS} obligations`);
  if (BigInt(d.amount) === 0n) throw new ConflictError(`${d.account} has no deposit to back obligation ${id}`);
  const state = next(d, BigInt(d.amount), [...d.obligations, id].sort(), tx);
  return { state, events: [{ name: 'ObligationOpened', payload: { account: d.account, obligationId: id, ref } }] };
}

function remove(d: Deposit, id: string): string[] {
  if (!d.obligations.includes(id)) throw new ValidationError('request.obligationId', `obligation ${id} is not open on the deposit of ${d.account}`);
  return d.obligations.filter((o) => o !== id);
}

export function closeObligation(d: Deposit, id: string, tx: EnergyEnv): Change<Deposit> {
  const state = next(d, BigInt(d.amount), remove(d, id), tx);
  return { state, events: [{ name: 'ObligationClosed', payload: { account: d.account, obligationId: id } }] };
}
