/**
 * Content and its rewards: posting records a hash; sharing or discussing
 * someone else's content records the response and pays the author of the
 * response from the DECC reward pool under the per-day cap; an accepted
 * invitation pays the inviter; tips move DECC between users.
 */
import { big, ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireCreditable } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import { holderOf } from '../../store/ops/shared';
import { SYS } from '../../token/accounts';
import { tokenTx } from '../../token/ops/run';
import type { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import type { Content, Invite } from '../state';
import { SocialStore } from '../store';

async function requireNew(store: SocialStore, hash: string): Promise<void> {
  if (await store.content(hash)) throw new ConflictError(`content ${hash} is already recorded`);
}

export async function post(ctx: DecContext, input: z.output<typeof inputs.postInput>, env: EnergyEnv): Promise<Content> {
  await holderOf(ctx, env, input.author);
  const store = new SocialStore(ctx.ledger);
  await requireNew(store, input.contentHash);
  const c: Content = { hash: input.contentHash, author: input.author, kind: 'post', reward: '0', at: env.now, txId: env.txId };
  await store.putContent(c);
  ctx.emit('social.Posted', { hash: c.hash, author: c.author });
  return c;
}

/** Pays `want` (cut to the cap) to `user` from the reward pool and counts it for the day. */
async function pay(store: SocialStore, tokens: TokenStore, user: string, want: bigint, env: EnergyEnv, field: string, op: string): Promise<bigint> {
  const period = logic.periodOf(env.now);
  const earned = await store.earned(user, period);
  const reward = logic.capReward(want, earned, field);
  await tokens.debit('DECC', SYS.rewards, reward);
  await tokens.credit('DECC', user, reward, SYS.rewards, op);
  await store.putEarned(user, period, earned + reward);
  return reward;
}

/** share or comment: once per user and content, never one's own. */
export async function respond(ctx: DecContext, input: z.output<typeof inputs.respondInput>, env: EnergyEnv, kind: 'share' | 'comment'): Promise<Content> {
  await holderOf(ctx, env, input.author);
  const store = new SocialStore(ctx.ledger);
  const parent = await store.requireContent(input.parent);
  logic.requireNotOwn(input.author, parent.author, 'request.parent');
  if (await store.acted(input.author, kind, input.parent)) throw new ValidationError('request.parent', `has already been rewarded as a ${kind} by ${input.author}`);
  await requireNew(store, input.contentHash);
  const op = kind === 'share' ? 'social:Share' : 'social:Comment';
  return tokenTx(ctx, op, async (tokens) => {
    const reward = await pay(store, tokens, input.author, kind === 'share' ? logic.SHARE_REWARD : logic.COMMENT_REWARD, env, 'request.author', op);
    const c: Content = { hash: input.contentHash, author: input.author, kind, parent: input.parent, reward: reward.toString(), at: env.now, txId: env.txId };
    await store.putContent(c);
    ctx.emit('social.Rewarded', { hash: c.hash, author: c.author, kind, reward: c.reward });
    return c;
  });
}

/** The invitee names who invited it, once; the inviter earns the invitation reward. */
export async function acceptInvite(ctx: DecContext, input: z.output<typeof inputs.acceptInviteInput>, env: EnergyEnv): Promise<Invite> {
  await holderOf(ctx, env, input.invitee);
  if (input.inviter === input.invitee) throw new ValidationError('request.inviter', 'must not be the invitee');
  requireCreditable(await new IdentityStore(ctx.ledger).requireParticipant(input.inviter));
  const store = new SocialStore(ctx.ledger);
  const previous = await store.invite(input.invitee);
  if (previous) throw new ValidationError('request.invitee', `has already accepted an invitation from ${previous.inviter}`);
  return tokenTx(ctx, 'social:AcceptInvite', async (tokens) => {
    const reward = await pay(store, tokens, input.inviter, logic.INVITE_REWARD, env, 'request.inviter', 'social:AcceptInvite');
    const invite: Invite = { invitee: input.invitee, inviter: input.inviter, reward: reward.toString(), at: env.now };
    await store.putInvite(invite);
    ctx.emit('social.InviteAccepted', invite);
    return invite;
  });
}

export async function tip(ctx: DecContext, input: z.output<typeof inputs.tipInput>, env: EnergyEnv): Promise<{ from: string; to: string; amount: string }> {
  await holderOf(ctx, env, input.from);
  if (input.to === input.from) throw new ValidationError('request.to', 'must differ from the tipper');
  requireCreditable(await new IdentityStore(ctx.ledger).requireParticipant(input.to));
  return tokenTx(ctx, 'social:Tip', async (tokens) => {
    await tokens.debit('DECC', input.from, big(input.amount));
    await tokens.credit('DECC', input.to, big(input.amount), input.from, 'social:Tip');
    const out = { from: input.from, to: input.to, amount: input.amount, contentHash: input.contentHash };
    ctx.emit('social.Tipped', out);
    return out;
  });
}
