/** Which party of an order the caller is: it must hold one of the named eIDs (active), or be the platform operator where allowed. */
import { AccessDeniedError, type DecContext } from '@dec/chaincode-kit';
import { isBoundTo, isPlatformOperator } from '../../access/principals';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';

export async function requireParty(ctx: DecContext, env: EnergyEnv, eids: string[], refusal: string, operatorToo = false): Promise<void> {
  if (operatorToo && isPlatformOperator(env.actor)) return;
  const ids = new IdentityStore(ctx.ledger);
  for (const eid of eids) {
    const p = await ids.requireParticipant(eid);
    if (p.status === 'active' && isBoundTo(env.actor, p)) return;
  }
  throw new AccessDeniedError(refusal);
}
