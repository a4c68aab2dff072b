/**
 * What the charging operations share: the configuration (with defaults), IDs,
 * who may act for a provider or a user, the DEC deposit both need, and the
 * DECC escrow (a token hold) that pays a reservation or a session and how it
 * is paid out: provider minus the platform fee, the rest back to the user.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import { requireHolder, requireHolderOrOperator, requireReader, requireRole } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { deriveHex, holdId } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import type { Participant } from '../../identity/state';
import { SYS } from '../../token/accounts';
import * as deposits from '../../token/deposits';
import * as holds from '../../token/holds';
import { TokenStore } from '../../token/store';
import { split, type Split } from '../logic';
import type { ChargingConfig } from '../state';
import { ChargingStore } from '../store';

export const CHARGING_OBLIGATION = 'charging';
export const DEFAULT_CONFIG: ChargingConfig = { feeBps: 0, minDeposit: '1', updatedAt: '1970-01-01T00:00:00.000Z' };

export function chargingId(kind: 'cp' | 'rsv' | 'ses', txId: string): string {
  return `${kind}:${deriveHex(`charging-${kind}`, txId)}`;
}

export async function configOf(store: ChargingStore): Promise<ChargingConfig> {
  return (await store.config()) ?? DEFAULT_CONFIG;
}

/** The provider's active holder, with role service-provider. */
export async function providerHolder(ctx: DecContext, env: EnergyEnv, eid: string): Promise<Participant> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  requireRole(p, ['service-provider'], 'a charge point');
  return p;
}

/** Who runs a provider's chargers (its charging management service): the provider's holder or the platform operator. */
export async function chargerOperator(ctx: DecContext, env: EnergyEnv, provider: string): Promise<void> {
  requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(provider));
}

/** Sessions and reservations are read by the user's or the provider's holder, the platform operator and regulators. */
export async function partyReader(ctx: DecContext, env: EnergyEnv, user: string, provider: string): Promise<void> {
  const identities = new IdentityStore(ctx.ledger);
  requireReader(env.actor, await identities.requireParticipant(user), await identities.requireParticipant(provider));
}

export async function userHolder(ctx: DecContext, env: EnergyEnv, eid: string): Promise<Participant> {
  const p = await new IdentityStore(ctx.ledger).requireParticipant(eid);
  requireHolder(env.actor, p);
  return p;
}

/** `eid` has a DEC business deposit of at least the configured minimum; the first time it starts backing the charging obligation. */
export async function requireDeposit(ctx: DecContext, token: TokenStore, eid: string, config: ChargingConfig, env: EnergyEnv): Promise<void> {
  const d = await token.deposit(eid);
  const has = d ? BigInt(d.amount) : 0n;
  if (!d || has < BigInt(config.minDeposit)) throw new ConflictError(`${eid} needs a DEC business deposit of at least ${config.minDeposit} for charging; it has ${has}`);
  if (!d.obligations.includes(CHARGING_OBLIGATION)) {
    const change = deposits.openObligation(d, CHARGING_OBLIGATION, 'sharing charging', env);
    await token.putDeposit(change.state, d);
    ctx.emitAll(change.events);
  }
}

/** Escrows `amount` DECC of the user in a hold only the charging domain settles (nominal payee: the fee account). */
export async function escrow(ctx: DecContext, env: EnergyEnv, token: TokenStore, payer: string, amount: bigint, expiresAtMs: number, ref: string): Promise<string> {
  const id = holdId(env.txId);
  if (await token.hold(id)) throw new ConflictError(`hold ${id} already exists`);
  const change = holds.createHold({ id, asset: 'DECC', payer, payee: SYS.fees, amount, expiresAt: new Date(expiresAtMs).toISOString(), ref }, env);
  await token.debit('DECC', payer, amount);
  await token.putHold(change.state);
  ctx.emitAll(change.events);
  return id;
}

/**
 * Closes the hold: `earned` (capped at the held amount) is split into the
 * provider's part and the platform fee; the rest returns to the user. A zero
 * earning releases the hold. Finishes the token bookkeeping under `op`.
 */
export async function payOut(ctx: DecContext, env: EnergyEnv, token: TokenStore, hold: string, provider: string, earned: bigint, op: string): Promise<Split> {
  const h = await token.requireHold(hold);
  const config = await configOf(new ChargingStore(ctx.ledger));
  const s = split(BigInt(h.amount), earned, config.feeBps);
  const closed = s.earned > 0n ? holds.captureHold(h, s.earned, env) : holds.releaseHold(h, env);
  await token.putHold(closed.state, h);
  await token.credit('DECC', provider, s.provider, h.id, op);
  await token.credit('DECC', SYS.fees, s.fee, h.id, op);
  await token.credit('DECC', h.payer, s.refund, h.id, op);
  ctx.emitAll(closed.events);
  await token.finish(op);
  return s;
}

export const amounts = (s: Split): { providerPaid: string; platformFee: string; refunded: string } => ({
  providerPaid: s.provider.toString(),
  platformFee: s.fee.toString(),
  refunded: s.refund.toString(),
});
