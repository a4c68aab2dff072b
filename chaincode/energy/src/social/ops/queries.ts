/** Social reads (evaluate only): content records, a user's earnings of a day, stakes and the stake pool. */
import type { DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { PageResult } from '../../common/ids';
import type * as inputs from '../inputs';
import { DAILY_CAP } from '../logic';
import type { Content, Stake, StakePool } from '../state';
import { SocialStore } from '../store';

export function getContent(ctx: DecContext, input: z.output<typeof inputs.contentInput>): Promise<Content> {
  return new SocialStore(ctx.ledger).requireContent(input.contentHash);
}

export async function earned(ctx: DecContext, input: z.output<typeof inputs.earnedInput>): Promise<{ user: string; period: string; earned: string; cap: string }> {
  const amount = await new SocialStore(ctx.ledger).earned(input.user, input.period);
  return { user: input.user, period: input.period, earned: amount.toString(), cap: DAILY_CAP.toString() };
}

export function getStake(ctx: DecContext, input: z.output<typeof inputs.stakeIdInput>): Promise<Stake> {
  return new SocialStore(ctx.ledger).requireStake(input.stakeId);
}

export async function stakes(ctx: DecContext, input: z.output<typeof inputs.listStakesInput>): Promise<PageResult<Stake>> {
  const page = await new SocialStore(ctx.ledger).pageStakes(input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export function stakePool(ctx: DecContext): Promise<StakePool> {
  return new SocialStore(ctx.ledger).pool();
}
