/**
 * The `token` contract: DEC and DECC ledger. Each transaction takes one JSON
 * string argument (queries without input take none), is registered from
 * its line in the transaction map (which checks the grants and parses the
 * input) and hands over to the operation modules in ./ops.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import * as escrow from './ops/escrow';
import * as issuance from './ops/issuance';
import * as payments from './ops/payments';
import * as queries from './ops/queries';
import type * as inputs from './inputs';

@Info({ title: 'token', description: 'DEC and DECC token ledger: genesis, transfers, allowances, holds, deposits, DECC reserve and rewards' })
export class TokenContract extends DecContract {
  constructor() {
    super('token');
  }

  /** Mints the fixed DEC supply into the allocation pools, once. */
  @Tx(ENERGY, 'token:Genesis')
  Genesis(ctx: DecContext, input: z.output<typeof inputs.genesisInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.genesis(ctx, input, env);
  }

  /** Posts the DECC-per-DEC rate used by mint and redeem. */
  @Tx(ENERGY, 'token:PostRate')
  PostRate(ctx: DecContext, input: z.output<typeof inputs.postRateInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.postRate(ctx, input, env);
  }

  /** Sets the transfer fee rule of one or both assets. */
  @Tx(ENERGY, 'token:SetFees')
  SetFees(ctx: DecContext, input: z.output<typeof inputs.setFeesInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.setFees(ctx, input, env);
  }

  /** Releases a numbered batch from the ecology or others pool. */
  @Tx(ENERGY, 'token:ReleaseBatch')
  ReleaseBatch(ctx: DecContext, input: z.output<typeof inputs.releaseBatchInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.releaseBatch(ctx, input, env);
  }

  /** Releases vested team tokens. */
  @Tx(ENERGY, 'token:ReleaseVested')
  ReleaseVested(ctx: DecContext, input: z.output<typeof inputs.releaseVestedInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.releaseVested(ctx, input, env);
  }

  /** Locks platform DEC in the reserve and mints DECC into the reward pool. */
  @Tx(ENERGY, 'token:FundRewardPool')
  FundRewardPool(ctx: DecContext, input: z.output<typeof inputs.fundRewardPoolInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.fundRewardPool(ctx, input, env);
  }

  /** Pays DECC rewards out of the reward pool. */
  @Tx(ENERGY, 'token:PayRewards')
  PayRewards(ctx: DecContext, input: z.output<typeof inputs.payRewardsInput>, env: EnergyEnv): Promise<unknown> {
    return issuance.payRewards(ctx, input, env);
  }

  /** Moves tokens from the caller's account (plus the transfer fee). */
  @Tx(ENERGY, 'token:Transfer')
  Transfer(ctx: DecContext, input: z.output<typeof inputs.transferInput>, env: EnergyEnv): Promise<unknown> {
    return payments.transfer(ctx, input, env);
  }

  /** Sets how much a spender may move out of the caller's account. */
  @Tx(ENERGY, 'token:Approve')
  Approve(ctx: DecContext, input: z.output<typeof inputs.approveInput>): Promise<unknown> {
    return payments.approve(ctx, input);
  }

  /** The spender moves the owner's tokens within its allowance. */
  @Tx(ENERGY, 'token:TransferFrom')
  TransferFrom(ctx: DecContext, input: z.output<typeof inputs.transferFromInput>): Promise<unknown> {
    return payments.transferFrom(ctx, input);
  }

  /** Folds pending credits into the consolidated balance. */
  @Tx(ENERGY, 'token:Consolidate')
  Consolidate(ctx: DecContext, input: z.output<typeof inputs.consolidateInput>): Promise<unknown> {
    return payments.consolidate(ctx, input);
  }

  /** Locks DEC in the reserve and mints DECC at the posted rate. */
  @Tx(ENERGY, 'token:MintDecc')
  MintDecc(ctx: DecContext, input: z.output<typeof inputs.mintDeccInput>): Promise<unknown> {
    return payments.mintDecc(ctx, input);
  }

  /** Burns DECC for DEC out of the reserve at the posted rate. */
  @Tx(ENERGY, 'token:RedeemDecc')
  RedeemDecc(ctx: DecContext, input: z.output<typeof inputs.redeemDeccInput>): Promise<unknown> {
    return payments.redeemDecc(ctx, input);
  }

  /** Escrows an amount of the payer for a payee until expiresAt. */
  @Tx(ENERGY, 'token:CreateHold')
  CreateHold(ctx: DecContext, input: z.output<typeof inputs.createHoldInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.createHold(ctx, input, env);
  }

  /** Payee takes all or part of a hold; the rest returns to the payer. */
  @Tx(ENERGY, 'token:CaptureHold')
  CaptureHold(ctx: DecContext, input: z.output<typeof inputs.captureHoldInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.captureHold(ctx, input, env);
  }

  /** Payee lets a hold go; everything returns to the payer. */
  @Tx(ENERGY, 'token:ReleaseHold')
  ReleaseHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.releaseHold(ctx, input, env);
  }

  /** Returns an expired hold to the payer. */
  @Tx(ENERGY, 'token:ExpireHold')
  ExpireHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.expireHold(ctx, input, env);
  }

  /** Locks DEC as a business deposit. */
  @Tx(ENERGY, 'token:LockDeposit')
  LockDeposit(ctx: DecContext, input: z.output<typeof inputs.depositAmountInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.lockDeposit(ctx, input, env);
  }

  /** Withdraws deposit DEC when no obligation is open. */
  @Tx(ENERGY, 'token:WithdrawDeposit')
  WithdrawDeposit(ctx: DecContext, input: z.output<typeof inputs.depositAmountInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.withdrawDeposit(ctx, input, env);
  }

  /** Penalises a deposit in favour of a counterparty or the fee account. */
  @Tx(ENERGY, 'token:SlashDeposit')
  SlashDeposit(ctx: DecContext, input: z.output<typeof inputs.slashDepositInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.slashDeposit(ctx, input, env);
  }

  /** Marks an obligation the deposit backs (blocks withdrawal). */
  @Tx(ENERGY, 'token:OpenObligation')
  OpenObligation(ctx: DecContext, input: z.output<typeof inputs.openObligationInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.openObligation(ctx, input, env);
  }

  /** Closes an obligation on a deposit. */
  @Tx(ENERGY, 'token:CloseObligation')
  CloseObligation(ctx: DecContext, input: z.output<typeof inputs.closeObligationInput>, env: EnergyEnv): Promise<unknown> {
    return escrow.closeObligation(ctx, input, env);
  }

  /** Balance = consolidated + pending credits. */
  @Tx(ENERGY, 'token:Balance')
  Balance(ctx: DecContext, input: z.output<typeof inputs.balanceInput>): Promise<unknown> {
    return queries.balance(ctx, input);
  }

  /** Pending (unconsolidated) credits, with the IDs Consolidate takes. */
  @Tx(ENERGY, 'token:Credits')
  Credits(ctx: DecContext, input: z.output<typeof inputs.pagedAccountAssetInput>): Promise<unknown> {
    return queries.credits(ctx, input);
  }

  /** Account history, oldest first. */
  @Tx(ENERGY, 'token:History')
  History(ctx: DecContext, input: z.output<typeof inputs.pagedAccountAssetInput>): Promise<unknown> {
    return queries.history(ctx, input);
  }

  /** Holds where the account is payer or payee. */
  @Tx(ENERGY, 'token:Holds')
  Holds(ctx: DecContext, input: z.output<typeof inputs.pagedAccountInput>): Promise<unknown> {
    return queries.holdsOf(ctx, input);
  }

  /** One hold. */
  @Tx(ENERGY, 'token:GetHold')
  GetHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>): Promise<unknown> {
    return queries.getHold(ctx, input);
  }

  /** An account's deposit and open obligations. */
  @Tx(ENERGY, 'token:GetDeposit')
  GetDeposit(ctx: DecContext, input: z.output<typeof inputs.accountInput>): Promise<unknown> {
    return queries.getDeposit(ctx, input);
  }

  /** Remaining allowance of a spender on an owner. */
  @Tx(ENERGY, 'token:Allowance')
  Allowance(ctx: DecContext, input: z.output<typeof inputs.allowanceQueryInput>): Promise<unknown> {
    return queries.allowance(ctx, input);
  }

  /** Total and circulating supply of DEC and DECC. */
  @Tx(ENERGY, 'token:Supply')
  Supply(ctx: DecContext): Promise<unknown> {
    return queries.supply(ctx);
  }

  /** Recomputes every token invariant from state. */
  @Tx(ENERGY, 'token:Audit')
  Audit(ctx: DecContext): Promise<unknown> {
    return queries.audit(ctx);
  }

  /** The genesis record and the team vesting schedule. */
  @Tx(ENERGY, 'token:GetGenesis')
  GetGenesis(ctx: DecContext): Promise<unknown> {
    return queries.genesisInfo(ctx);
  }

  /** The posted DEC/DECC rate (null before the first post). */
  @Tx(ENERGY, 'token:GetRate')
  GetRate(ctx: DecContext): Promise<unknown> {
    return queries.rate(ctx);
  }

  /** The transfer fee schedule. */
  @Tx(ENERGY, 'token:GetFees')
  GetFees(ctx: DecContext): Promise<unknown> {
    return queries.fees(ctx);
  }
}
