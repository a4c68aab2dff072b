/** Holder-initiated value movements: transfers, allowances, consolidation, DECC mint and redeem. */
import { big, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { ApprovalResult, Consolidation, MintResult, RedeemResult, TransferFromResult, TransferResult } from './results';
import type { z } from 'zod';
import { OPERATOR_TRANSFERABLE, TRANSFER_RECEIVABLE } from '../../access/object-rules';
import { isSystemAccount, SYS, SYSTEM_ACCOUNT_ASSETS } from '../accounts';
import { spendAllowance } from '../allowance';
import { currentRate, quoteRedeem } from '../exchange';
import { lockAndMint } from './reserve';
import { transferFee } from '../fees';
import type * as inputs from '../inputs';
import { TokenGuards } from '../../access/token-guards';
import { tokenTx } from './run';
import type { EnergyEnv } from '../../common/env';
import { authorizeSpend } from '../../governance/spending-ops';

export async function transfer(ctx: DecContext, input: z.output<typeof inputs.transferInput>, env: EnergyEnv): Promise<TransferResult> {
  if (input.from === input.to) throw new ValidationError('request.to', 'must differ from request.from');
  const guards = new TokenGuards(ctx);
  await guards.holder(input.from, input.asset, OPERATOR_TRANSFERABLE);
  await guards.creditable(input.to, input.asset, TRANSFER_RECEIVABLE);
  // The platform spending its fee account follows 8.6.4 (governance/spending-ops.ts); participants name no approval.
  if (input.from === SYS.fees) await authorizeSpend(ctx, { op: 'Transfer', source: SYS.fees, asset: input.asset, amount: big(input.amount), purpose: input.purpose, approvalId: input.approvalId, decisionId: input.decisionId }, env);
  else if (input.approvalId !== undefined || input.decisionId !== undefined || input.purpose !== 'spending') throw new ValidationError(input.decisionId !== undefined ? 'request.decisionId' : input.approvalId !== undefined ? 'request.approvalId' : 'request.purpose', 'only a spend from sys:fees names an approval or a purpose');
  return tokenTx(ctx, 'Transfer', async (store) => {
    const amount = big(input.amount);
    // System accounts move platform money; fees are charged to participants only.
    const fee = isSystemAccount(input.from) ? 0n : transferFee(await store.fees(), input.asset, amount);
    await store.debit(input.asset, input.from, amount + fee);
    await store.credit(input.asset, input.to, amount, input.from, 'Transfer');
    await store.credit(input.asset, SYS.fees, fee, input.from, 'Fee');
    const payload = { from: input.from, to: input.to, asset: input.asset, amount: input.amount, fee: fee.toString(), memo: input.memo };
    ctx.emit('Transferred', payload);
    return payload;
  });
}

export async function approve(ctx: DecContext, input: z.output<typeof inputs.approveInput>): Promise<ApprovalResult> {
  if (input.owner === input.spender) throw new ValidationError('request.spender', 'must differ from request.owner');
  const guards = new TokenGuards(ctx);
  await guards.holder(input.owner, input.asset);
  await guards.participant(input.spender);
  return tokenTx(ctx, 'Approve', async (store) => {
    await store.setAllowance(input.asset, input.owner, input.spender, big(input.amount));
    ctx.emit('AllowanceSet', input);
    return input;
  });
}

/** The spender moves the owner's tokens within its allowance; the allowance covers the amount and its fee. */
export async function transferFrom(ctx: DecContext, input: z.output<typeof inputs.transferFromInput>): Promise<TransferFromResult> {
  if (input.owner === input.to) throw new ValidationError('request.to', 'must differ from request.owner');
  const guards = new TokenGuards(ctx);
  await guards.holder(input.spender, input.asset);
  await guards.activeParticipant(input.owner, 'owner');
  await guards.creditable(input.to, input.asset, TRANSFER_RECEIVABLE);
  return tokenTx(ctx, 'TransferFrom', async (store) => {
    const amount = big(input.amount);
    const fee = transferFee(await store.fees(), input.asset, amount);
    const left = spendAllowance(await store.allowance(input.asset, input.owner, input.spender), amount + fee, input.owner, input.spender);
    await store.setAllowance(input.asset, input.owner, input.spender, left);
    await store.debit(input.asset, input.owner, amount + fee);
    await store.credit(input.asset, input.to, amount, input.owner, 'TransferFrom');
    await store.credit(input.asset, SYS.fees, fee, input.owner, 'Fee');
    const payload = { owner: input.owner, spender: input.spender, to: input.to, asset: input.asset, amount: input.amount, fee: fee.toString(), allowanceLeft: left.toString(), memo: input.memo };
    ctx.emit('TransferredFrom', payload);
    return payload;
  });
}

export async function consolidate(ctx: DecContext, input: z.output<typeof inputs.consolidateInput>): Promise<Consolidation> {
  await new TokenGuards(ctx).holderOrOperator(input.account);
  if (isSystemAccount(input.account) && !SYSTEM_ACCOUNT_ASSETS[input.account].includes(input.asset)) {
    throw new ValidationError('request.asset', `${input.account} does not hold ${input.asset}`);
  }
  return tokenTx(ctx, 'Consolidate', async (store) => {
    const r = await store.consolidate(input.asset, input.account, input.credits);
    const payload = { account: input.account, asset: input.asset, folded: r.folded, amount: r.amount.toString(), skipped: r.skipped };
    if (r.folded > 0) ctx.emit('CreditsConsolidated', payload);
    return payload;
  });
}

/** Locks DEC in the reserve and mints DECC at the posted rate (white paper process 2). */
export async function mintDecc(ctx: DecContext, input: z.output<typeof inputs.mintDeccInput>): Promise<MintResult> {
  await new TokenGuards(ctx).holder(input.account, 'DEC');
  return tokenTx(ctx, 'MintDecc', async (store) => {
    const { dec, decc, rate } = await lockAndMint(store, 'MintDecc', { from: input.account, to: input.account, decAmount: input.decAmount, expectedRate: input.expectedRate });
    const payload = { account: input.account, decAmount: dec.toString(), deccAmount: decc.toString(), rateE18: rate.toString() };
    ctx.emit('DeccMinted', payload);
    return payload;
  });
}

/** Burns DECC and pays DEC out of the reserve at the posted rate, as far as the reserve holds. */
export async function redeemDecc(ctx: DecContext, input: z.output<typeof inputs.redeemDeccInput>): Promise<RedeemResult> {
  await new TokenGuards(ctx).holder(input.account, 'DECC');
  return tokenTx(ctx, 'RedeemDecc', async (store) => {
    const rate = currentRate(await store.rate(), input.expectedRate);
    const decc = big(input.deccAmount);
    const dec = quoteRedeem(decc, rate);
    await store.burn('DECC', input.account, decc);
    await store.debit('DEC', SYS.reserve, dec);
    await store.credit('DEC', input.account, dec, SYS.reserve, 'RedeemDecc');
    const payload = { account: input.account, deccAmount: decc.toString(), decAmount: dec.toString(), rateE18: rate.toString() };
    ctx.emit('DeccRedeemed', payload);
    return payload;
  });
}
