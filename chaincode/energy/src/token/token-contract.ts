/**
 * The `token` contract: DEC and DECC ledger. Each transaction takes one JSON
 * string argument (queries without input take none), checks access, and hands
 * over to the operation modules in ./ops. Full names on the wire are
 * `token:<Name>`; input shapes are in token-inputs.ts, access rules in
 * access/policy.ts.
 */
import { DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { requirePlatformOperator } from '../access/policy';
import * as escrow from './ops/escrow';
import * as issuance from './ops/issuance';
import * as payments from './ops/payments';
import * as queries from './ops/queries';
import {
  accountInput,
  allowanceQueryInput,
  approveInput,
  balanceInput,
  captureHoldInput,
  closeObligationInput,
  consolidateInput,
  createHoldInput,
  depositAmountInput,
  fundRewardPoolInput,
  genesisInput,
  holdIdInput,
  mintDeccInput,
  openObligationInput,
  pagedAccountAssetInput,
  pagedAccountInput,
  payRewardsInput,
  postRateInput,
  redeemDeccInput,
  releaseBatchInput,
  releaseVestedInput,
  setFeesInput,
  slashDepositInput,
  transferFromInput,
  transferInput,
} from './token-inputs';

@Info({ title: 'token', description: 'DEC and DECC token ledger: genesis, transfers, allowances, holds, deposits, DECC reserve and rewards' })
export class TokenContract extends DecContract {
  constructor() {
    super('token');
  }

  /** Mints the fixed DEC supply into the allocation pools, once. Platform operator only. */
  @Transaction()
  @Returns('string')
  async Genesis(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.genesis(ctx, parseInput(genesisInput, request, 'request')));
  }

  /** Posts the DECC-per-DEC rate used by mint and redeem. Platform operator only. */
  @Transaction()
  @Returns('string')
  async PostRate(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.postRate(ctx, parseInput(postRateInput, request, 'request')));
  }

  /** Sets the transfer fee rule of one or both assets. Platform operator only. */
  @Transaction()
  @Returns('string')
  async SetFees(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.setFees(ctx, parseInput(setFeesInput, request, 'request')));
  }

  /** Releases a numbered batch from the ecology or others pool. Platform operator only. */
  @Transaction()
  @Returns('string')
  async ReleaseBatch(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.releaseBatch(ctx, parseInput(releaseBatchInput, request, 'request')));
  }

  /** Releases vested team tokens. Platform operator only. */
  @Transaction()
  @Returns('string')
  async ReleaseVested(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.releaseVested(ctx, parseInput(releaseVestedInput, request, 'request')));
  }

  /** Locks platform DEC in the reserve and mints DECC into the reward pool. Platform operator only. */
  @Transaction()
  @Returns('string')
  async FundRewardPool(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.fundRewardPool(ctx, parseInput(fundRewardPoolInput, request, 'request')));
  }

  /** Pays DECC rewards out of the reward pool. Platform operator only. */
  @Transaction()
  @Returns('string')
  async PayRewards(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await issuance.payRewards(ctx, parseInput(payRewardsInput, request, 'request')));
  }

  /** Moves tokens from the caller's account (plus the transfer fee). */
  @Transaction()
  @Returns('string')
  async Transfer(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.transfer(ctx, parseInput(transferInput, request, 'request')));
  }

  /** Sets how much a spender may move out of the caller's account. */
  @Transaction()
  @Returns('string')
  async Approve(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.approve(ctx, parseInput(approveInput, request, 'request')));
  }

  /** The spender moves the owner's tokens within its allowance. */
  @Transaction()
  @Returns('string')
  async TransferFrom(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.transferFrom(ctx, parseInput(transferFromInput, request, 'request')));
  }

  /** Folds pending credits into the consolidated balance. */
  @Transaction()
  @Returns('string')
  async Consolidate(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.consolidate(ctx, parseInput(consolidateInput, request, 'request')));
  }

  /** Locks DEC in the reserve and mints DECC at the posted rate. */
  @Transaction()
  @Returns('string')
  async MintDecc(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.mintDecc(ctx, parseInput(mintDeccInput, request, 'request')));
  }

  /** Burns DECC for DEC out of the reserve at the posted rate. */
  @Transaction()
  @Returns('string')
  async RedeemDecc(ctx: DecContext, request: string): Promise<string> {
    return result(await payments.redeemDecc(ctx, parseInput(redeemDeccInput, request, 'request')));
  }

  /** Escrows an amount of the payer for a payee until expiresAt. */
  @Transaction()
  @Returns('string')
  async CreateHold(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.createHold(ctx, parseInput(createHoldInput, request, 'request')));
  }

  /** Payee takes all or part of a hold; the rest returns to the payer. */
  @Transaction()
  @Returns('string')
  async CaptureHold(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.captureHold(ctx, parseInput(captureHoldInput, request, 'request')));
  }

  /** Payee lets a hold go; everything returns to the payer. */
  @Transaction()
  @Returns('string')
  async ReleaseHold(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.releaseHold(ctx, parseInput(holdIdInput, request, 'request')));
  }

  /** Returns an expired hold to the payer. */
  @Transaction()
  @Returns('string')
  async ExpireHold(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.expireHold(ctx, parseInput(holdIdInput, request, 'request')));
  }

  /** Locks DEC as a business deposit. */
  @Transaction()
  @Returns('string')
  async LockDeposit(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.lockDeposit(ctx, parseInput(depositAmountInput, request, 'request')));
  }

  /** Withdraws deposit DEC when no obligation is open. */
  @Transaction()
  @Returns('string')
  async WithdrawDeposit(ctx: DecContext, request: string): Promise<string> {
    return result(await escrow.withdrawDeposit(ctx, parseInput(depositAmountInput, request, 'request')));
  }

  /** Penalises a deposit in favour of a counterparty or the fee account. Platform operator only. */
  @Transaction()
  @Returns('string')
  async SlashDeposit(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await escrow.slashDeposit(ctx, parseInput(slashDepositInput, request, 'request')));
  }

  /** Marks an obligation the deposit backs (blocks withdrawal). Platform operator only. */
  @Transaction()
  @Returns('string')
  async OpenObligation(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await escrow.openObligation(ctx, parseInput(openObligationInput, request, 'request')));
  }

  /** Closes an obligation on a deposit. Platform operator only. */
  @Transaction()
  @Returns('string')
  async CloseObligation(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await escrow.closeObligation(ctx, parseInput(closeObligationInput, request, 'request')));
  }

  /** Balance = consolidated + pending credits. */
  @Transaction(false)
  @Returns('string')
  async Balance(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.balance(ctx, parseInput(balanceInput, request, 'request')));
  }

  /** Pending (unconsolidated) credits, with the IDs Consolidate takes. */
  @Transaction(false)
  @Returns('string')
  async Credits(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.credits(ctx, parseInput(pagedAccountAssetInput, request, 'request')));
  }

  /** Account history, oldest first. */
  @Transaction(false)
  @Returns('string')
  async History(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.history(ctx, parseInput(pagedAccountAssetInput, request, 'request')));
  }

  /** Holds where the account is payer or payee. */
  @Transaction(false)
  @Returns('string')
  async Holds(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.holdsOf(ctx, parseInput(pagedAccountInput, request, 'request')));
  }

  /** One hold. */
  @Transaction(false)
  @Returns('string')
  async GetHold(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.getHold(ctx, parseInput(holdIdInput, request, 'request')));
  }

  /** An account's deposit and open obligations. */
  @Transaction(false)
  @Returns('string')
  async GetDeposit(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.getDeposit(ctx, parseInput(accountInput, request, 'request')));
  }

  /** Remaining allowance of a spender on an owner. */
  @Transaction(false)
  @Returns('string')
  async Allowance(ctx: DecContext, request: string): Promise<string> {
    return result(await queries.allowance(ctx, parseInput(allowanceQueryInput, request, 'request')));
  }

  /** Total and circulating supply of DEC and DECC. */
  @Transaction(false)
  @Returns('string')
  async Supply(ctx: DecContext): Promise<string> {
    return result(await queries.supply(ctx));
  }

  /** Recomputes every token invariant from state. */
  @Transaction(false)
  @Returns('string')
  async Audit(ctx: DecContext): Promise<string> {
    return result(await queries.audit(ctx));
  }

  /** The genesis record and the team vesting schedule. */
  @Transaction(false)
  @Returns('string')
  async GetGenesis(ctx: DecContext): Promise<string> {
    return result(await queries.genesisInfo(ctx));
  }

  /** The posted DEC/DECC rate (null before the first post). */
  @Transaction(false)
  @Returns('string')
  async GetRate(ctx: DecContext): Promise<string> {
    return result(await queries.rate(ctx));
  }

  /** The transfer fee schedule. */
  @Transaction(false)
  @Returns('string')
  async GetFees(ctx: DecContext): Promise<string> {
    return result(await queries.fees(ctx));
  }
}
