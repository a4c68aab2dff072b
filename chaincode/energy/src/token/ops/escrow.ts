/** Holds (escrow) and business deposits. */
import { applySlash } from '../../governance/apply';
import { big, ConflictError, NotFoundError, type DecContext } from '@dec/chaincode-kit';
import type { Deposit } from '../deposits';
import type { Hold } from '../holds';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { holdId, normaliseTime } from '../../common/ids';
import { SYS } from '../accounts';
import * as deposits from '../deposits';
import * as holds from '../holds';
import type * as inputs from '../inputs';
import { TokenGuards } from '../../access/token-guards';
import { TokenStore } from '../store';
import { tokenTx } from './run';

export async function createHold(ctx: DecContext, input: z.output<typeof inputs.createHoldInput>, env: EnergyEnv): Promise<Hold> {
  const guards = new TokenGuards(ctx);
  await guards.holder(input.payer, input.asset);
  await guards.creditable(input.payee, input.asset);
  return tokenTx(ctx, 'CreateHold', async (store) => {
    const id = holdId(ctx.ledger.txId);
    if (await store.hold(id)) throw new ConflictError(`hold ${id} already exists`);
    const change = holds.createHold(
      { id, asset: input.asset, payer: input.payer, payee: input.payee, amount: big(input.amount), expiresAt: normaliseTime(input.expiresAt), ref: input.ref },
      env,
    );
    await store.debit(input.asset, input.payer, big(input.amount));
    await store.putHold(change.state);
    ctx.emitAll(change.events);
    return change.state;
  });
}

/** Pays out a closed hold: the captured part to the payee, the rest back to the payer. */
async function settle(ctx: DecContext, store: TokenStore, previous: holds.Hold, s: holds.HoldSettlement, op: string): Promise<holds.Hold> {
  await store.putHold(s.state, previous);
  await store.credit(previous.asset, previous.payee, s.toPayee, previous.id, op);
  await store.credit(previous.asset, previous.payer, s.toPayer, previous.id, op);
  ctx.emitAll(s.events);
  return s.state;
}

/** Reads the hold before the transaction body so that access can be checked against its payer and payee first. */
async function loadHold(ctx: DecContext, id: string): Promise<holds.Hold> {
  return new TokenStore(ctx.ledger).requireHold(id);
}

export async function captureHold(ctx: DecContext, input: z.output<typeof inputs.captureHoldInput>, env: EnergyEnv): Promise<Hold> {
  const hold = await loadHold(ctx, input.holdId);
  const guards = new TokenGuards(ctx);
  guards.directlySettleable(hold);
  await guards.holderOrOperator(hold.payee);
  return tokenTx(ctx, 'CaptureHold', (store) => settle(ctx, store, hold, holds.captureHold(hold, big(input.amount), env), 'CaptureHold'));
}

export async function releaseHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>, env: EnergyEnv): Promise<Hold> {
  const hold = await loadHold(ctx, input.holdId);
  const guards = new TokenGuards(ctx);
  guards.directlySettleable(hold);
  await guards.holderOrOperator(hold.payee);
  return tokenTx(ctx, 'ReleaseHold', (store) => settle(ctx, store, hold, holds.releaseHold(hold, env), 'ReleaseHold'));
}

/** After expiry the payer, the payee or the platform may return the funds to the payer. */
export async function expireHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>, env: EnergyEnv): Promise<Hold> {
  const hold = await loadHold(ctx, input.holdId);
  await new TokenGuards(ctx).holdParty(hold);
  return tokenTx(ctx, 'ExpireHold', (store) => settle(ctx, store, hold, holds.expireHold(hold, env), 'ExpireHold'));
}

// --- deposits ---------------------------------------------------------------------

async function requireDeposit(store: TokenStore, account: string): Promise<deposits.Deposit> {
  const d = await store.deposit(account);
  if (!d) throw new NotFoundError('deposit of', account);
  return d;
}

export async function lockDeposit(ctx: DecContext, input: z.output<typeof inputs.depositAmountInput>, env: EnergyEnv): Promise<Deposit> {
  await new TokenGuards(ctx).holder(input.account, 'DEC');
  return tokenTx(ctx, 'LockDeposit', async (store) => {
    const previous = await store.deposit(input.account);
    const change = deposits.lock(previous ?? deposits.emptyDeposit(input.account), big(input.amount), env);
    await store.debit('DEC', input.account, big(input.amount));
    await store.putDeposit(change.state, previous);
    ctx.emitAll(change.events);
    return change.state;
  });
}

export async function withdrawDeposit(ctx: DecContext, input: z.output<typeof inputs.depositAmountInput>, env: EnergyEnv): Promise<Deposit> {
  await new TokenGuards(ctx).holder(input.account, 'DEC');
  return tokenTx(ctx, 'WithdrawDeposit', async (store) => {
    const previous = await requireDeposit(store, input.account);
    const change = deposits.withdraw(previous, big(input.amount), env);
    await store.putDeposit(change.state, previous);
    await store.credit('DEC', input.account, big(input.amount), `deposit:${input.account}`, 'WithdrawDeposit');
    ctx.emitAll(change.events);
    return change.state;
  });
}

/** Platform operator only (checked by the contract): penalise the account, pay the counterparty (or the fee account). */
export async function slashDeposit(ctx: DecContext, input: z.output<typeof inputs.slashDepositInput>, env: EnergyEnv): Promise<{ deposit: Deposit; taken: string }> {
  await new TokenGuards(ctx).creditable(input.to, 'DEC', [SYS.fees]);
  await applySlash(ctx, input, env);
  return tokenTx(ctx, 'SlashDeposit', async (store) => {
    const previous = await requireDeposit(store, input.account);
    const change = deposits.slash(previous, big(input.amount), input.to, input.reason, input.obligationId, env);
    await store.putDeposit(change.state, previous);
    await store.credit('DEC', input.to, change.taken, `deposit:${input.account}`, 'SlashDeposit');
    ctx.emitAll(change.events);
    return { deposit: change.state, taken: change.taken.toString() };
  });
}

export async function openObligation(ctx: DecContext, input: z.output<typeof inputs.openObligationInput>, env: EnergyEnv): Promise<Deposit> {
  return tokenTx(ctx, 'OpenObligation', async (store) => {
    const previous = await requireDeposit(store, input.account);
    const change = deposits.openObligation(previous, input.obligationId, input.ref, env);
    await store.putDeposit(change.state, previous);
    ctx.emitAll(change.events);
    return change.state;
  });
}

export async function closeObligation(ctx: DecContext, input: z.output<typeof inputs.closeObligationInput>, env: EnergyEnv): Promise<Deposit> {
  return tokenTx(ctx, 'CloseObligation', async (store) => {
    const previous = await requireDeposit(store, input.account);
    const change = deposits.closeObligation(previous, input.obligationId, env);
    await store.putDeposit(change.state, previous);
    ctx.emitAll(change.events);
    return change.state;
  });
}
