/**
 * Platform-only token operations: genesis, rate and fee parameters, pool
 * releases, team vesting, the reward pool. The contract has already checked
 * that the caller is the platform operator.
 */
import { big, ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { Rate } from '../exchange';
import type { FeeSchedule } from '../fees';
import type { BatchRelease, GenesisResult, RewardPayout, RewardPoolFunding, VestedRelease } from './results';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { SYS } from '../accounts';
import { postRate as postRateLogic } from '../exchange';
import { feeScheduleSchema } from '../fees';
import { DEFAULT_SPLIT_BPS, planGenesis } from '../genesis';
import type * as inputs from '../inputs';
import { TokenGuards } from '../../access/token-guards';
import { applyEcologyRelease, applyPostRate, applySetFees } from '../../governance/apply';
import { authorizeSpend } from '../../governance/spending-ops';
import { sum } from '../units';
import { release, schedule, vestingSchema } from '../vesting';
import { lockAndMint } from './reserve';
import { tokenTx } from './run';

export async function genesis(ctx: DecContext, input: z.output<typeof inputs.genesisInput>, env: EnergyEnv): Promise<GenesisResult> {
  return tokenTx(ctx, 'Genesis', async (store) => {
    const plan = planGenesis(await store.genesis(), input.splitBps ?? DEFAULT_SPLIT_BPS, env);
    const { genesis: g, mints } = plan.state;
    await store.putGenesis(g);
    for (const m of mints) await store.mint('DEC', m.account, m.amount, 'Genesis');
    await store.putVesting(vestingSchema.parse({ total: g.allocation.team, released: '0', genesisAt: g.at }));
    ctx.emitAll(plan.events);
    return { genesis: g, teamSchedule: schedule(BigInt(g.allocation.team), g.at).map((s) => ({ at: s.at, cumulative: s.cumulative.toString() })) };
  });
}

export async function postRate(ctx: DecContext, input: z.output<typeof inputs.postRateInput>, env: EnergyEnv): Promise<Rate> {
  const change = postRateLogic(input.deccPerDec, env);
  await applyPostRate(ctx, input.decisionId, input.deccPerDec, env);
  await tokenTx(ctx, 'PostRate', (store) => store.putRate(change.state));
  ctx.emitAll(change.events);
  return change.state;
}

export async function setFees(ctx: DecContext, input: z.output<typeof inputs.setFeesInput>, env: EnergyEnv): Promise<FeeSchedule> {
  await applySetFees(ctx, input.decisionId, input, env);
  return tokenTx(ctx, 'SetFees', async (store) => {
    const current = await store.fees();
    const next = feeScheduleSchema.parse({ DEC: input.DEC ?? current.DEC, DECC: input.DECC ?? current.DECC });
    await store.putFees(next);
    ctx.emit('FeesSet', next);
    return next;
  });
}

/**
 * Pays out of the ecology or others pool in one numbered batch (white paper 7.2: "release in batches").
 * The ecology pool pays only within the yearly plan the committee approved (the batch names it); the
 * others pool is released by the platform within the spending approvals of 8.6.4 (governance/spending-ops.ts).
 */
export async function releaseBatch(ctx: DecContext, input: z.output<typeof inputs.releaseBatchInput>, env: EnergyEnv): Promise<BatchRelease> {
  const guards = new TokenGuards(ctx);
  for (const p of input.payouts) await guards.creditable(p.to, 'DEC');
  const pool = SYS[input.pool];
  const total = sum(input.payouts.map((p) => big(p.amount)));
  if (input.pool === 'ecology') {
    if (input.approvalId !== undefined) throw new ValidationError('request.approvalId', 'releases from the ecology pool follow the committee\'s yearly plan (request.decisionId)');
    await applyEcologyRelease(ctx, input.decisionId, total, env);
  } else await authorizeSpend(ctx, { op: 'ReleaseBatch', source: SYS.others, asset: 'DEC', amount: total, purpose: input.purpose, approvalId: input.approvalId, decisionId: input.decisionId }, env);
  return tokenTx(ctx, 'ReleaseBatch', async (store) => {
    await store.recordBatch(pool, input.batchId, total, input.payouts.length);
    await store.debit('DEC', pool, total);
    for (const p of input.payouts) await store.credit('DEC', p.to, big(p.amount), pool, 'ReleaseBatch');
    const payload = { pool, batchId: input.batchId, total: total.toString(), payouts: input.payouts, memo: input.memo };
    ctx.emit('BatchReleased', payload);
    return payload;
  });
}

/** Releases vested team tokens (default: all that is releasable now) to a team member's account. */
export async function releaseVested(ctx: DecContext, input: z.output<typeof inputs.releaseVestedInput>, env: EnergyEnv): Promise<VestedRelease> {
  await new TokenGuards(ctx).creditable(input.to, 'DEC');
  return tokenTx(ctx, 'ReleaseVested', async (store) => {
    const vesting = await store.vesting();
    if (!vesting) throw new ConflictError('DEC genesis has not happened yet');
    const change = release(vesting, input.amount === undefined ? undefined : big(input.amount), input.to, env);
    await store.putVesting(change.state);
    await store.debit('DEC', SYS.team, change.amount);
    await store.credit('DEC', input.to, change.amount, SYS.team, 'ReleaseVested');
    ctx.emitAll(change.events);
    return { to: input.to, amount: change.amount.toString(), vesting: change.state };
  });
}

/** Funds the DECC reward pool the only honest way: DEC from a platform pool is locked in the reserve and DECC minted against it. */
export async function fundRewardPool(ctx: DecContext, input: z.output<typeof inputs.fundRewardPoolInput>, env: EnergyEnv): Promise<RewardPoolFunding> {
  if (input.from === SYS.ecology) {
    if (input.approvalId !== undefined) throw new ValidationError('request.approvalId', 'DEC from the ecology pool follows the committee\'s yearly plan (request.decisionId)');
    await applyEcologyRelease(ctx, input.decisionId, big(input.decAmount), env, 'FundRewardPool');
  } else await authorizeSpend(ctx, { op: 'FundRewardPool', source: input.from, asset: 'DEC', amount: big(input.decAmount), purpose: input.purpose, approvalId: input.approvalId, decisionId: input.decisionId }, env);
  return tokenTx(ctx, 'FundRewardPool', async (store) => {
    const { dec, decc, rate } = await lockAndMint(store, 'FundRewardPool', { from: input.from, to: SYS.rewards, decAmount: input.decAmount, expectedRate: input.expectedRate });
    const payload = { from: input.from, decAmount: dec.toString(), deccAmount: decc.toString(), rateE18: rate.toString() };
    ctx.emit('RewardPoolFunded', payload);
    return payload;
  });
}

export async function payRewards(ctx: DecContext, input: z.output<typeof inputs.payRewardsInput>, env: EnergyEnv): Promise<RewardPayout> {
  const guards = new TokenGuards(ctx);
  for (const p of input.payouts) await guards.creditable(p.to, 'DECC');
  const total = sum(input.payouts.map((p) => big(p.amount)));
  await authorizeSpend(ctx, { op: 'PayRewards', source: SYS.rewards, asset: 'DECC', amount: total, purpose: input.purpose, approvalId: input.approvalId, decisionId: input.decisionId }, env);
  return tokenTx(ctx, 'PayRewards', async (store) => {
    await store.debit('DECC', SYS.rewards, total);
    for (const p of input.payouts) await store.credit('DECC', p.to, big(p.amount), SYS.rewards, 'Reward');
    const payload = { total: total.toString(), payouts: input.payouts, memo: input.memo };
    ctx.emit('RewardsPaid', payload);
    return payload;
  });
}
