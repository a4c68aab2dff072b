/**
 * The social lines of the energy transaction map (spread into
 * src/transactions.ts, which stays the one access table).
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, PLATFORM_OPERATOR, type Grant } from '../access/policy';
import * as so from './inputs';

export const SOCIAL_TRANSACTIONS = {
  'social:Post': { kind: 'submit', input: so.postInput, grants: ANYONE, rule: 'the holder of `author`', summary: 'Record content by its hash (no reward)' },
  'social:Share': { kind: 'submit', input: so.respondInput, grants: ANYONE, rule: 'the holder of `author`; not its own content', summary: 'Share content: earns the share reward under the daily cap' },
  'social:Comment': { kind: 'submit', input: so.respondInput, grants: ANYONE, rule: 'the holder of `author`; not its own content', summary: 'Discuss content: earns the comment reward under the daily cap' },
  'social:AcceptInvite': { kind: 'submit', input: so.acceptInviteInput, grants: ANYONE, rule: 'the holder of `invitee`, once', summary: 'Name the inviter, who earns the invitation reward under the daily cap' },
  'social:Tip': { kind: 'submit', input: so.tipInput, grants: ANYONE, rule: 'the holder of `from`', summary: 'Tip another user in DECC' },
  'social:Stake': { kind: 'submit', input: so.stakeInput, grants: ANYONE, rule: 'the holder of `staker`', summary: 'Stake DEC behind a report or recommendation' },
  'social:ResolveStake': { kind: 'submit', input: so.resolveStakeInput, grants: PLATFORM_OPERATOR, rule: 'once a committee is seated: a passed decision ResolveStake of this stake and outcome, applied once', summary: 'Uphold (stake + reward from the pool) or reject (stake to the pool) a stake' },
  'social:FundStakePool': { kind: 'submit', input: so.fundStakePoolInput, grants: ANYONE, rule: 'the holder of `from`', summary: 'Add DEC to the stake pool' },
  'social:GetContent': { kind: 'evaluate', input: so.contentInput, grants: ANYONE, summary: 'A content record' },
  'social:Earned': { kind: 'evaluate', input: so.earnedInput, grants: ANYONE, summary: 'What a user earned on a UTC day, and the cap' },
  'social:GetStake': { kind: 'evaluate', input: so.stakeIdInput, grants: ANYONE, summary: 'A stake' },
  'social:Stakes': { kind: 'evaluate', input: so.listStakesInput, grants: ANYONE, summary: 'Stakes, paged' },
  'social:StakePool': { kind: 'evaluate', grants: ANYONE, summary: 'The stake pool' },
} as const satisfies Record<string, TxSpec<Grant>>;
