/**
 * Ratings after charging sessions: the session's user rates its provider
 * once, after settlement (1-5 stars), into the provider's rating aggregate
 * (ratings/ratings.ts) that search orders by and the credit service reads.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { recordCreditFact } from '../../credit/facts';
import { RatingStore, type Rating } from '../../ratings/ratings';
import type * as inputs from '../inputs';
import { ChargingStore } from '../store';
import { userHolder } from './shared';

export async function rateSession(ctx: DecContext, input: z.output<typeof inputs.rateSessionInput>, env: EnergyEnv): Promise<Rating> {
  const s = await new ChargingStore(ctx.ledger).requireSession(input.sessionId);
  await userHolder(ctx, env, s.user);
  if (s.status !== 'settled') throw new ConflictError(`session ${s.id} is ${s.status}: only a settled session is rated`);
  const r = await new RatingStore(ctx.ledger).rate(s.provider, s.id, s.user, input.stars, 'sessions', env.now);
  ctx.emit('Rated', { eid: s.provider, subject: s.id, stars: input.stars });
  await recordCreditFact(ctx, { subject: s.provider, kind: 'ratings', value: input.stars, ref: { session: s.id } });
  return r;
}
