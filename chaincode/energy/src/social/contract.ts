/**
 * The `social` contract (white paper 4.1.5): content by hash, rewards for
 * sharing, discussing and inviting under per-user daily caps, tips, and DEC
 * stakes behind reports and recommendations. Thin: each transaction is
 * registered from its line in the transaction map and hands over to ops/.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as queries from './ops/queries';
import * as rewards from './ops/rewards';
import * as stakes from './ops/stakes';

@Info({ title: 'social', description: 'DEC social rewards: content by hash, capped rewards, tips, staked reports and recommendations' })
export class SocialContract extends DecContract {
  constructor() {
    super('social');
  }

  @Tx(ENERGY, 'social:Post')
  Post(ctx: DecContext, input: z.output<typeof i.postInput>, env: EnergyEnv): Promise<unknown> {
    return rewards.post(ctx, input, env);
  }

  @Tx(ENERGY, 'social:Share')
  Share(ctx: DecContext, input: z.output<typeof i.respondInput>, env: EnergyEnv): Promise<unknown> {
    return rewards.respond(ctx, input, env, 'share');
  }

  @Tx(ENERGY, 'social:Comment')
  Comment(ctx: DecContext, input: z.output<typeof i.respondInput>, env: EnergyEnv): Promise<unknown> {
    return rewards.respond(ctx, input, env, 'comment');
  }

  @Tx(ENERGY, 'social:AcceptInvite')
  AcceptInvite(ctx: DecContext, input: z.output<typeof i.acceptInviteInput>, env: EnergyEnv): Promise<unknown> {
    return rewards.acceptInvite(ctx, input, env);
  }

  @Tx(ENERGY, 'social:Tip')
  Tip(ctx: DecContext, input: z.output<typeof i.tipInput>, env: EnergyEnv): Promise<unknown> {
    return rewards.tip(ctx, input, env);
  }

  @Tx(ENERGY, 'social:Stake')
  Stake(ctx: DecContext, input: z.output<typeof i.stakeInput>, env: EnergyEnv): Promise<unknown> {
    return stakes.stake(ctx, input, env);
  }

  @Tx(ENERGY, 'social:ResolveStake')
  ResolveStake(ctx: DecContext, input: z.output<typeof i.resolveStakeInput>, env: EnergyEnv): Promise<unknown> {
    return stakes.resolveStake(ctx, input, env);
  }

  @Tx(ENERGY, 'social:FundStakePool')
  FundStakePool(ctx: DecContext, input: z.output<typeof i.fundStakePoolInput>, env: EnergyEnv): Promise<unknown> {
    return stakes.fundStakePool(ctx, input, env);
  }

  @Tx(ENERGY, 'social:GetContent')
  GetContent(ctx: DecContext, input: z.output<typeof i.contentInput>): Promise<unknown> {
    return queries.getContent(ctx, input);
  }

  @Tx(ENERGY, 'social:Earned')
  Earned(ctx: DecContext, input: z.output<typeof i.earnedInput>): Promise<unknown> {
    return queries.earned(ctx, input);
  }

  @Tx(ENERGY, 'social:GetStake')
  GetStake(ctx: DecContext, input: z.output<typeof i.stakeIdInput>): Promise<unknown> {
    return queries.getStake(ctx, input);
  }

  @Tx(ENERGY, 'social:Stakes')
  Stakes(ctx: DecContext, input: z.output<typeof i.listStakesInput>): Promise<unknown> {
    return queries.stakes(ctx, input);
  }

  @Tx(ENERGY, 'social:StakePool')
  StakePool(ctx: DecContext): Promise<unknown> {
    return queries.stakePool(ctx);
  }
}
