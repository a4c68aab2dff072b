/**
 * Stakes behind reports and recommendations. The staker's DEC moves into the
 * stake's own account; the resolution (platform operator) pays out: upheld,
 * stake + reward (UPHELD_MULTIPLE × stake, at most the pool) to the staker;
 * rejected, the stake into the pool. Once a governance committee is seated
 * the resolution must name a passed committee decision with the effect
 * ResolveStake of this stake and outcome, applied once; before that the
 * platform resolves alone.
 */
import { big, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { deriveHex } from '../../common/ids';
import * as gov from '../../governance/logic';
import { GovernanceStore } from '../../governance/store';
import { holderOf } from '../../store/ops/shared';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import { STAKE_POOL_ACCOUNT, stakeAccount, type Stake, type StakePool } from '../state';
import { SocialStore } from '../store';

export async function stake(ctx: DecContext, input: z.output<typeof inputs.stakeInput>, env: EnergyEnv): Promise<Stake> {
  await holderOf(ctx, env, input.staker);
  const store = new SocialStore(ctx.ledger);
  const s: Stake = { id: `stk:${deriveHex('social-stake', env.txId)}`, staker: input.staker, kind: input.kind, target: input.target, evidenceHash: input.evidenceHash, amount: input.amount, status: 'open', createdAt: env.now };
  return tokenTx(ctx, 'social:Stake', async (tokens) => {
    await tokens.debit('DEC', input.staker, big(input.amount));
    await tokens.credit('DEC', stakeAccount(s.id), big(input.amount), input.staker, 'social:Stake');
    await store.putStake(s);
    ctx.emit('social.Staked', s);
    return s;
  });
}

/** With a seated committee a decision is required; a named decision is always checked and marked applied. */
async function applyDecision(ctx: DecContext, input: z.output<typeof inputs.resolveStakeInput>, env: EnergyEnv): Promise<void> {
  const govStore = new GovernanceStore(ctx.ledger);
  if (input.decisionId === undefined) {
    if (await govStore.committee()) throw new ValidationError('request.decisionId', 'is required: a committee is seated, so a stake is resolved by its decision (effect ResolveStake)');
    return;
  }
  const d = await govStore.requireDecision(input.decisionId);
  const effect = gov.requireApplicable(d, 'ResolveStake', env.now);
  if (effect.stakeId !== input.stakeId) throw new ValidationError('request.stakeId', `does not match the decision: decided ${effect.stakeId}`);
  if (effect.upheld !== input.upheld) throw new ValidationError('request.upheld', `does not match the decision: decided ${effect.upheld}`);
  const applied = gov.markApplied(d, 'ResolveStake', env);
  await govStore.putDecision(applied.state);
  ctx.emitAll(applied.events);
}

export async function resolveStake(ctx: DecContext, input: z.output<typeof inputs.resolveStakeInput>, env: EnergyEnv): Promise<Stake> {
  const store = new SocialStore(ctx.ledger);
  const s = await store.requireStake(input.stakeId);
  const pool = await store.pool();
  const r = logic.resolve(s, input.upheld, BigInt(pool.amount), env.now, input.decisionId);
  await applyDecision(ctx, input, env);
  return tokenTx(ctx, 'social:ResolveStake', async (tokens) => {
    const account = stakeAccount(s.id);
    await tokens.debit('DEC', account, BigInt(s.amount));
    if (r.reward > 0n) await tokens.debit('DEC', STAKE_POOL_ACCOUNT, r.reward);
    await tokens.credit('DEC', s.staker, r.toStaker, account, 'social:ResolveStake');
    await tokens.credit('DEC', STAKE_POOL_ACCOUNT, r.toPool, account, 'social:ResolveStake');
    const next: StakePool = { amount: (BigInt(pool.amount) - r.reward + r.toPool).toString(), updatedAt: env.now };
    await store.putPool(next);
    await store.putStake(r.stake);
    ctx.emit('social.StakeResolved', { stakeId: s.id, status: r.stake.status, reward: r.stake.reward, pool: next.amount });
    return r.stake;
  });
}

/** Anyone may add DEC to the stake pool from an account it holds. */
export async function fundStakePool(ctx: DecContext, input: z.output<typeof inputs.fundStakePoolInput>, env: EnergyEnv): Promise<StakePool> {
  await holderOf(ctx, env, input.from);
  const store = new SocialStore(ctx.ledger);
  const pool = await store.pool();
  return tokenTx(ctx, 'social:FundStakePool', async (tokens) => {
    await tokens.debit('DEC', input.from, big(input.amount));
    await tokens.credit('DEC', STAKE_POOL_ACCOUNT, big(input.amount), input.from, 'social:FundStakePool');
    const next: StakePool = { amount: (BigInt(pool.amount) + big(input.amount)).toString(), updatedAt: env.now };
    await store.putPool(next);
    return next;
  });
}
