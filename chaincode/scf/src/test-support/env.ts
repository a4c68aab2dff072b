/** A ScfEnv for pure-logic unit tests. */
import type { Actor } from '../access/policy';
import type { ScfEnv } from '../common/env';

export function envOf(actor: Partial<Actor> & { party: string }, now = '2026-03-01T00:00:00.000Z'): ScfEnv {
  return { now, txId: 'tx-test', actor: { msp: actor.party.split(':')[0] ?? '', role: 'lessor-officer', ...actor } };
}
