/** Leaving the market: the market obligation on a participant's deposit ends once nothing of theirs is open or unsettled. */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { Deposit } from '../../token/deposits';
import type { z } from 'zod';
import { requireHolder } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import * as deposits from '../../token/deposits';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import { MarketStore } from '../store';
import { MARKET_OBLIGATION } from './shared';

/** Ends the market obligation on the participant's deposit once nothing of theirs is open or unsettled. */
/** Every order of the participant is cancelled or in a settled slot. */
async function requireOrdersSettled(store: MarketStore, eid: string): Promise<void> {
  for (const ref of await store.orderRefsOf(eid)) {
    const o = await store.order(ref.slot, ref.zone, ref.id);
    if (!o || o.status === 'cancelled') continue;
    const c = await store.clearing(ref.slot, ref.zone);
    if (c?.status !== 'settled') throw new ConflictError(`order ${ref.id} (slot ${ref.slot}, zone ${ref.zone}) is not settled yet`);
  }
}

/** None of the participant's PPAs is still proposed or active. */
async function requirePpasEnded(store: MarketStore, eid: string): Promise<void> {
  for (const id of await store.ppaIdsOf(eid)) {
    const p = await store.ppa(id);
    if (p && (p.status === 'active' || p.status === 'proposed')) throw new ConflictError(`PPA ${id} is ${p.status}; terminate it first`);
  }
}

export async function leave(ctx: DecContext, input: z.output<typeof inputs.eidInput>, env: EnergyEnv): Promise<Deposit> {
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(input.eid));
  const store = new MarketStore(ctx.ledger);
  await requireOrdersSettled(store, input.eid);
  await requirePpasEnded(store, input.eid);
  const token = new TokenStore(ctx.ledger);
  const d = await token.deposit(input.eid);
  if (!d || !d.obligations.includes(MARKET_OBLIGATION)) throw new ConflictError(`${input.eid} has no open market obligation`);
  const change = deposits.closeObligation(d, MARKET_OBLIGATION, env);
  await token.putDeposit(change.state, d);
  await token.finish('MarketLeave');
  ctx.emitAll(change.events);
  ctx.emit('MarketLeft', { eid: input.eid });
  return change.state;
}
