/**
 * Payment-channel operations. The user opens with DECC locked in an escrow
 * hold and names its signing key; the provider joins with its key (and an
 * optional deposit). Balance proofs are exchanged off chain; the chain sees
 * only closes: cooperative (a final state signed by both, settles at once) or
 * unilateral (the closer's latest proof starts a challenge window in which a
 * proof with a higher nonce replaces it). Settlement moves the funds once.
 */
import { ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireHolder, requireHolderOrOperator, requireReader, requireRole } from '../access/object-rules';
import { isBoundTo } from '../access/principals';
import { configOf, escrow, requireDeposit } from '../charging/ops/shared';
import { ChargingStore } from '../charging/store';
import type { EnergyEnv } from '../common/env';
import { deriveHex } from '../common/ids';
import { IdentityStore } from '../identity/store';
import { SYS } from '../token/accounts';
import * as holds from '../token/holds';
import { TokenStore } from '../token/store';
import type * as inputs from './inputs';
import { outcome, requireNewer } from './logic';
import { canonicalPem, CLOSE_DOMAIN, p256Key, PROOF_DOMAIN, verifyState, type BalanceState } from './proof';
import type { Channel } from './state';
import { PaychanStore } from './store';

/** Deposits stay locked for the channel's life; the hold's expiry is only a backstop (10 years). */
const HOLD_LIFE_MS = 10 * 365 * 24 * 3_600_000;

function keyOf(pem: string, field: string): string {
  const key = p256Key(pem);
  if (!key) throw new ValidationError(field, 'must be an ECDSA P-256 public key');
  return canonicalPem(key);
}

export async function open(ctx: DecContext, input: z.output<typeof inputs.openInput>, env: EnergyEnv): Promise<Channel> {
  const identities = new IdentityStore(ctx.ledger);
  requireHolder(env.actor, await identities.requireParticipant(input.user));
  if (input.user === input.provider) throw new ValidationError('request.provider', 'must differ from the user');
  requireRole(await identities.requireParticipant(input.provider), ['service-provider'], 'a payment channel');
  const userKey = keyOf(input.userKey, 'request.userKey');
  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.user, await configOf(new ChargingStore(ctx.ledger)), env);
  const id = `pch:${deriveHex('paychan', env.txId)}`;
  const store = new PaychanStore(ctx.ledger);
  if (await store.channel(id)) throw new ConflictError(`payment channel ${id} already exists`);
  const userHoldId = await escrow(ctx, env, token, input.user, BigInt(input.deposit), ctx.ledger.txTimeMs + HOLD_LIFE_MS, `paychan:${id}`);
  const c: Channel = {
    id,
    user: input.user,
    provider: input.provider,
    userKey,
    userDeposit: input.deposit,
    providerDeposit: '0',
    userHoldId,
    challengeSeconds: input.challengeSeconds,
    status: 'opening',
    nonce: 0,
    userPaid: '0',
    providerPaid: '0',
    openedAt: env.now,
  };
  await store.put(c);
  await token.finish('PaychanOpen');
  ctx.emit('ChannelOpened', c);
  return c;
}

export async function join(ctx: DecContext, input: z.output<typeof inputs.joinInput>, env: EnergyEnv): Promise<Channel> {
  const store = new PaychanStore(ctx.ledger);
  const c = await store.requireChannel(input.channelId);
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(c.provider));
  if (c.status !== 'opening') throw new ConflictError(`payment channel ${c.id} is ${c.status}`);
  const providerKey = keyOf(input.providerKey, 'request.providerKey');
  if (providerKey === c.userKey) throw new ValidationError('request.providerKey', "must differ from the user's key");
  const token = new TokenStore(ctx.ledger);
  const deposit = BigInt(input.deposit);
  const providerHoldId = deposit > 0n ? await escrow(ctx, env, token, c.provider, deposit, ctx.ledger.txTimeMs + HOLD_LIFE_MS, `paychan:${c.id}`) : undefined;
  const next: Channel = { ...c, providerKey, providerDeposit: input.deposit, providerHoldId, status: 'open', joinedAt: env.now };
  await store.put(next);
  await token.finish('PaychanJoin');
  ctx.emit('ChannelJoined', next);
  return next;
}

/** The caller holds `by`, one of the channel's two parties. */
async function party(ctx: DecContext, env: EnergyEnv, c: Channel, by: string): Promise<'user' | 'provider'> {
  if (by !== c.user && by !== c.provider) throw new ValidationError('request.by', `must be the channel's user or provider`);
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(by));
  return by === c.user ? 'user' : 'provider';
}

/** Both signatures over `domain` and the state, by the keys the parties registered. */
function requireSigned(c: Channel, domain: typeof PROOF_DOMAIN | typeof CLOSE_DOMAIN, s: BalanceState, sigs: { userSig: string; providerSig: string }, field: string): void {
  if (!c.providerKey) throw new ConflictError(`payment channel ${c.id} has no provider key yet`);
  if (!verifyState(domain, s, c.userKey, sigs.userSig)) throw new ValidationError(`${field}.userSig`, "is not the user's signature of this state");
  if (!verifyState(domain, s, c.providerKey, sigs.providerSig)) throw new ValidationError(`${field}.providerSig`, "is not the provider's signature of this state");
}

/** Pays the channel out once: both holds close, each side gets its final balance, the platform its fee. */
async function settle(ctx: DecContext, env: EnergyEnv, c: Channel, how: NonNullable<Channel['settledHow']>): Promise<Channel> {
  const token = new TokenStore(ctx.ledger);
  const feeBps = (await configOf(new ChargingStore(ctx.ledger))).feeBps;
  const userPaid = BigInt(c.userPaid);
  const providerPaid = BigInt(c.providerPaid);
  const o = outcome(BigInt(c.userDeposit), BigInt(c.providerDeposit), userPaid, providerPaid, feeBps);
  const net = userPaid - providerPaid;
  const close = async (id: string | undefined, moved: bigint): Promise<void> => {
    if (!id) return;
    const h = await token.requireHold(id);
    const closed = moved > 0n ? holds.captureHold(h, moved, env) : holds.releaseHold(h, env);
    await token.putHold(closed.state, h);
    ctx.emitAll(closed.events);
  };
  await close(c.userHoldId, net > 0n ? net : 0n);
  await close(c.providerHoldId, net < 0n ? -net : 0n);
  await token.credit('DECC', c.user, o.toUser, c.id, 'PaychanSettle');
  await token.credit('DECC', c.provider, o.toProvider, c.id, 'PaychanSettle');
  await token.credit('DECC', SYS.fees, o.fee, c.id, 'PaychanSettle');
  await token.finish('PaychanSettle');
  const next: Channel = { ...c, status: 'settled', settledAt: env.now, settledHow: how, toUser: o.toUser.toString(), toProvider: o.toProvider.toString(), platformFee: o.fee.toString() };
  await new PaychanStore(ctx.ledger).put(next);
  ctx.emit('ChannelSettled', next);
  return next;
}

/** Both parties signed a final state (CLOSE domain): it settles at once. Either party's holder submits it. */
export async function cooperativeClose(ctx: DecContext, input: z.output<typeof inputs.cooperativeCloseInput>, env: EnergyEnv): Promise<Channel> {
  const c = await new PaychanStore(ctx.ledger).requireChannel(input.channelId);
  const identities = new IdentityStore(ctx.ledger);
  const user = await identities.requireParticipant(c.user);
  requireHolder(env.actor, isBoundTo(env.actor, user) ? user : await identities.requireParticipant(c.provider));
  if (c.status !== 'open' && c.status !== 'closing') throw new ConflictError(`payment channel ${c.id} is ${c.status}`);
  if (input.nonce < c.nonce) throw new ConflictError(`nonce ${input.nonce} is stale: the channel holds nonce ${c.nonce}`);
  const s: BalanceState = { channelId: c.id, nonce: input.nonce, userPaid: input.userPaid, providerPaid: input.providerPaid };
  requireSigned(c, CLOSE_DOMAIN, s, input, 'request');
  const next: Channel = { ...c, nonce: input.nonce, userPaid: input.userPaid, providerPaid: input.providerPaid, closedAt: env.now };
  return settle(ctx, env, next, 'cooperative');
}

function applyProof(c: Channel, proof: z.output<typeof inputs.proofSchema>, feeBps: number): Channel {
  requireNewer(c.nonce, proof.nonce);
  const s: BalanceState = { channelId: c.id, nonce: proof.nonce, userPaid: proof.userPaid, providerPaid: proof.providerPaid };
  requireSigned(c, PROOF_DOMAIN, s, proof, 'request.proof');
  outcome(BigInt(c.userDeposit), BigInt(c.providerDeposit), BigInt(proof.userPaid), BigInt(proof.providerPaid), feeBps);
  return { ...c, nonce: proof.nonce, userPaid: proof.userPaid, providerPaid: proof.providerPaid };
}

/**
 * Unilateral close by one party with the latest proof it holds. A channel the
 * provider never joined is withdrawn by its user at once.
 */
export async function close(ctx: DecContext, input: z.output<typeof inputs.closeInput>, env: EnergyEnv): Promise<Channel> {
  const store = new PaychanStore(ctx.ledger);
  const c = await store.requireChannel(input.channelId);
  const side = await party(ctx, env, c, input.by);
  if (c.status === 'opening') {
    if (side !== 'user' || input.proof) throw new ConflictError(`payment channel ${c.id} was never joined: only its user withdraws it, without a proof`);
    return settle(ctx, env, { ...c, closedBy: input.by, closedAt: env.now }, 'withdrawn');
  }
  if (c.status !== 'open') throw new ConflictError(`payment channel ${c.id} is ${c.status}`);
  const feeBps = (await configOf(new ChargingStore(ctx.ledger))).feeBps;
  const proved = input.proof ? { ...applyProof(c, input.proof, feeBps), lastProofBy: input.by } : c;
  const next: Channel = {
    ...proved,
    status: 'closing',
    closedBy: input.by,
    closedAt: env.now,
    challengeEndsAt: new Date(ctx.ledger.txTimeMs + c.challengeSeconds * 1000).toISOString(),
  };
  await store.put(next);
  ctx.emit('ChannelClosing', next);
  return next;
}

/** During the challenge window either party submits a proof with a higher nonce: the latest proof wins. */
export async function update(ctx: DecContext, input: z.output<typeof inputs.updateInput>, env: EnergyEnv): Promise<Channel> {
  const store = new PaychanStore(ctx.ledger);
  const c = await store.requireChannel(input.channelId);
  await party(ctx, env, c, input.by);
  if (c.status !== 'closing') throw new ConflictError(`payment channel ${c.id} is ${c.status}: proofs are submitted only while it is closing`);
  if (ctx.ledger.txTimeMs >= Date.parse(c.challengeEndsAt ?? '')) throw new ConflictError(`the challenge window of ${c.id} ended at ${c.challengeEndsAt}`);
  const feeBps = (await configOf(new ChargingStore(ctx.ledger))).feeBps;
  const next: Channel = { ...applyProof(c, input.proof, feeBps), lastProofBy: input.by };
  await store.put(next);
  ctx.emit('ChannelChallenged', next);
  return next;
}

/**
 * Settles a closing channel: after the window by either party or the
 * platform operator; before it only by the party that did NOT close (the
 * window exists for its protection, so it may waive the rest of it).
 */
export async function settleClosing(ctx: DecContext, input: z.output<typeof inputs.settleInput>, env: EnergyEnv): Promise<Channel> {
  const c = await new PaychanStore(ctx.ledger).requireChannel(input.channelId);
  if (input.by !== c.user && input.by !== c.provider) throw new ValidationError('request.by', `must be the channel's user or provider`);
  requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.by));
  if (c.status !== 'closing') throw new ConflictError(`payment channel ${c.id} is ${c.status}`);
  const ended = ctx.ledger.txTimeMs >= Date.parse(c.challengeEndsAt ?? '');
  if (!ended && input.by === c.closedBy) throw new ConflictError(`the challenge window of ${c.id} runs until ${c.challengeEndsAt}: only the other party may settle before`);
  if (!ended) requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.by));
  return settle(ctx, env, c, 'unilateral');
}

export async function get(ctx: DecContext, input: z.output<typeof inputs.channelInput>, env: EnergyEnv): Promise<Channel> {
  const c = await new PaychanStore(ctx.ledger).requireChannel(input.channelId);
  const identities = new IdentityStore(ctx.ledger);
  requireReader(env.actor, await identities.requireParticipant(c.user), await identities.requireParticipant(c.provider));
  return c;
}
