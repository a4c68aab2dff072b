/**
 * Team vesting (white paper 7.2): 20% / 20% / 30% / 30% of the team allocation
 * becomes releasable at the end of years 1, 2, 3 and 4 after genesis. "End of
 * year N" is the N-th UTC calendar anniversary of the genesis transaction's
 * timestamp (a 29 February genesis rolls to 1 March). Time is always the
 * transaction timestamp.
 */
import { ConflictError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import { BPS } from './units';

export const TEAM_SCHEDULE_BPS = [2000, 2000, 3000, 3000] as const;

export const vestingSchema = z.object({
  total: z.string().regex(/^(0|[1-9][0-9]*)$/),
  released: z.string().regex(/^(0|[1-9][0-9]*)$/),
  genesisAt: z.string(),
});
export type Vesting = z.infer<typeof vestingSchema>;

export function anniversary(genesisAt: string, years: number): string {
  const d = new Date(Date.parse(genesisAt));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/** Release dates and cumulative vested amounts. */
export function schedule(total: bigint, genesisAt: string): { at: string; cumulative: bigint }[] {
  let bps = 0n;
  return TEAM_SCHEDULE_BPS.map((step, i) => {
    bps += BigInt(step);
    return { at: anniversary(genesisAt, i + 1), cumulative: (total * bps) / BPS };
  });
}

/** Cumulative amount vested at `now`: a step function, exactly `total` from the 4th anniversary on. */
export function vestedAt(total: bigint, genesisAt: string, now: string): bigint {
  const nowMs = Date.parse(now);
  let vested = 0n;
  for (const step of schedule(total, genesisAt)) if (Date.parse(step.at) <= nowMs) vested = step.cumulative;
  return vested;
}

export function releasable(v: Vesting, now: string): bigint {
  return vestedAt(BigInt(v.total), v.genesisAt, now) - BigInt(v.released);
}

/** Release `amount` (default: everything releasable now). */
export function release(v: Vesting, amount: bigint | undefined, to: string, tx: EnergyEnv): Change<Vesting> & { amount: bigint } {
  const available = releasable(v, tx.now);
  const take = amount ?? available;
  if (take <= 0n) throw new ConflictError(`no team tokens are releasable at ${tx.now}`);
  if (take > available) throw new ConflictError(`only ${available} team base units are releasable at ${tx.now}; asked ${take}`);
  const state = vestingSchema.parse({ ...v, released: (BigInt(v.released) + take).toString() });
  return { state, amount: take, events: [{ name: 'TeamTokensReleased', payload: { to, amount: take.toString(), released: state.released, total: v.total } }] };
}
