/**
 * The social rules as pure functions (white paper 4.1.5), with the stated
 * constants. Posting original content earns nothing (no reward for volume);
 * sharing or discussing someone else's content earns SHARE_REWARD or
 * COMMENT_REWARD once per user and content; an invitation the invitee accepts
 * earns the inviter INVITE_REWARD. A user earns at most DAILY_CAP per UTC day:
 * the last reward of a day is cut to what the cap leaves; past the cap the
 * action is refused. Rewards come out of the DECC reward pool.
 *
 * A stake of DEC behind a report or recommendation is resolved once: upheld,
 * the stake returns with UPHELD_MULTIPLE × stake from the stake pool (at most
 * what the pool holds); rejected, the stake goes to the pool.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { ONE_DECC } from '../token/units';
import type { Stake } from './state';

export const SHARE_REWARD = 10n * ONE_DECC;
export const COMMENT_REWARD = 5n * ONE_DECC;
export const INVITE_REWARD = 50n * ONE_DECC;
export const DAILY_CAP = 100n * ONE_DECC;
export const UPHELD_MULTIPLE = 2n;

/** The reward period of a transaction time: its UTC day. */
export const periodOf = (now: string): string => now.slice(0, 10);

/** What `want` becomes under the cap given what `earned` already holds; refused when nothing is left. */
export function capReward(want: bigint, earned: bigint, field: string): bigint {
  const left = DAILY_CAP - earned;
  if (left <= 0n) throw new ValidationError(field, `has earned the daily reward cap of ${DAILY_CAP} DECC base units`);
  return want < left ? want : left;
}

export function requireNotOwn(author: string, parentAuthor: string, field: string): void {
  if (author === parentAuthor) throw new ValidationError(field, 'must be someone else\'s content');
}

export interface Resolution {
  stake: Stake;
  /** DEC back to the staker (stake + reward) and to the pool. */
  toStaker: bigint;
  toPool: bigint;
  reward: bigint;
}

export function resolve(s: Stake, upheld: boolean, pool: bigint, now: string, decisionId: string | undefined): Resolution {
  if (s.status !== 'open') throw new ConflictError(`stake ${s.id} is already ${s.status}`);
  const amount = BigInt(s.amount);
  const want = amount * UPHELD_MULTIPLE;
  const reward = upheld ? (want < pool ? want : pool) : 0n;
  const stake: Stake = { ...s, status: upheld ? 'upheld' : 'rejected', resolvedAt: now, decisionId, reward: reward.toString() };
  return { stake, reward, toStaker: upheld ? amount + reward : 0n, toPool: upheld ? 0n : amount };
}
