/**
 * The object-level rules of crowdfunding transactions, checked once the
 * project is read: the fundraiser's holder (optionally the platform operator),
 * and participants that may take part (funders need the granted role).
 */
import { AccessDeniedError, type DecContext } from '@dec/chaincode-kit';
import { requireCreditable, requireHolder } from '../../access/object-rules';
import { isPlatformOperator } from '../../access/principals';
import type { EnergyEnv } from '../../common/env';
import type { Participant } from '../../identity/state';
import { IdentityStore } from '../../identity/store';
import type { Project } from '../state';

export async function requireFundraiser(ctx: DecContext, project: Project, env: EnergyEnv, operatorToo = false): Promise<void> {
  if (operatorToo && isPlatformOperator(env.actor)) return;
  requireHolder(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(project.fundraiser));
}

/** The caller holds `eid`, an active participant granted `role`. */
export async function requireHolderWithRole(ctx: DecContext, eid: string, role: 'funder' | 'fundraiser', env: EnergyEnv): Promise<Participant> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  if (!p.roles.includes(role)) throw new AccessDeniedError(`eID ${eid} has no granted role ${role}`);
  return p;
}

/** A certificate may go to any participant that can receive tokens (its dividends are paid there). */
export async function requireRecipient(ctx: DecContext, eid: string): Promise<void> {
  requireCreditable(await new IdentityStore(ctx.ledger).requireParticipant(eid));
}
