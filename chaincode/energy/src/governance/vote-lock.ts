/**
 * DEC that votes is locked until the vote closes (white paper 8.4; issue 17):
 * the voter's DEC moves into a token hold whose payer and payee are both the
 * voter, referenced `gov:<vote>`, expiring when the vote closes. While open it
 * cannot be transferred (so the same DEC cannot vote twice through transfers),
 * captured or released (token-guards refuses `gov:` holds); from the close on,
 * token:ExpireHold returns it to the voter (the voter, or the operator for
 * anyone). The hold is counted by token:Audit like any other, so no unit is
 * lost or created.
 */
import { big, ConflictError, type DecContext } from '@dec/chaincode-kit';
import { TokenGuards } from '../access/token-guards';
import type { EnergyEnv } from '../common/env';
import { holdId } from '../common/ids';
import { holdSchema, type Hold } from '../token/holds';
import { tokenTx } from '../token/ops/run';
import { CANDIDATE_CAP, HOLDING_READ_BOUND } from './rules';
import { RuleViolationError } from '@dec/chaincode-kit/core';
import { TokenStore } from '../token/store';

/** Locks `amount` base units of the voter's DEC until `until`; returns the hold ID (the ballot names it). */
export async function lockVote(ctx: DecContext, voter: string, amount: string, until: string, ref: string, env: EnergyEnv): Promise<string> {
  await new TokenGuards(ctx).holder(voter, 'DEC');
  return tokenTx(ctx, 'VoteLock', async (store) => {
    const id = holdId(env.txId);
    if (await store.hold(id)) throw new ConflictError(`hold ${id} already exists`);
    const hold: Hold = holdSchema.parse({ id, asset: 'DEC', payer: voter, payee: voter, amount: big(amount).toString(), captured: '0', status: 'open', expiresAt: until, ref, createdAt: env.now, createdTxId: env.txId });
    await store.debit('DEC', voter, big(amount));
    await store.putHold(hold);
    ctx.emit('VoteLocked', { holdId: id, voter, amount: hold.amount, until, ref });
    return id;
  });
}

/**
 * The 20 % cap (8.3.3): the candidate's DEC (consolidated balance, at most
 * HOLDING_READ_BOUND pending credits, and business deposit) must not exceed
 * 20 % of all DEC. An account with more pending credits must consolidate first.
 */
export async function requireUnderCap(ctx: DecContext, candidate: string, field: string): Promise<bigint> {
  const { held, complete } = await holdingOf(ctx, candidate);
  if (!complete) throw new RuleViolationError('holding-unreadable', `${field} ${candidate} has more than ${HOLDING_READ_BOUND.toString()} pending DEC credits: token:Consolidate them first`);
  if (held > CANDIDATE_CAP) throw new RuleViolationError('candidate-cap', `${field} ${candidate} holds ${held.toString()} base units of DEC, more than 20 % of all DEC (${CANDIDATE_CAP.toString()}): cannot stand`);
  return held;
}

/** The DEC a participant holds (balance, at most HOLDING_READ_BOUND pending credits, deposit); `complete: false` makes `held` a lower bound. */
export async function holdingOf(ctx: DecContext, eid: string): Promise<{ held: bigint; complete: boolean }> {
  const store = new TokenStore(ctx.ledger);
  const balance = await store.boundedBalance('DEC', eid, HOLDING_READ_BOUND);
  return { held: balance.amount + BigInt((await store.deposit(eid))?.amount ?? '0'), complete: balance.complete };
}

/**
 * The 20 % cap again at the tally (8.3.3: a representative "shall not surpass"
 * 20 %): of the given candidates, those now holding more than the cap, with
 * their holding. A holding that cannot be read whole counts as its lower
 * bound, so piling dust credits on a rival cannot get it skipped and an
 * account over the cap on what can be read is skipped. `lockedBy` adds DEC
 * the candidate itself locked in this vote (so voting with it cannot hide it).
 */
export async function overCap(ctx: DecContext, eids: Iterable<string>, lockedBy: (eid: string) => Promise<bigint> = () => Promise.resolve(0n)): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  for (const eid of new Set(eids)) {
    const held = (await holdingOf(ctx, eid)).held + (await lockedBy(eid));
    if (held > CANDIDATE_CAP) out.set(eid, held);
  }
  return out;
}
