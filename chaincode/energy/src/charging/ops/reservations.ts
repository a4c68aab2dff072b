/**
 * Reservations (white paper process 2): a user with a DEC deposit reserves a
 * connector for a slot-aligned window, paying the reservation fee plus the
 * energy budget into an escrow hold; the dynamic code arrives in the
 * transient map and only its salted hash is stored. Overlapping windows touch
 * the same slot keys, so MVCC lets exactly one of two racing reservations
 * commit. Cancellation refunds by the rule in logic.ts; a no-show pays the
 * reservation fee to the provider at the window's end.
 */
import { big, ConflictError, NotFoundError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireHolderOrOperator } from '../../access/object-rules';
import type { EnergyEnv } from '../../common/env';
import { deriveHex } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import { TokenStore } from '../../token/store';
import * as inputs from '../inputs';
import { budget, cancellationCharge, codeHash, codeMatches, currentSlot, HOLD_GRACE_MS, windowSlots } from '../logic';
import type { Reservation } from '../state';
import { ChargingStore } from '../store';
import { requireConnector } from './points';
import { amounts, chargerOperator, chargingId, configOf, escrow, partyReader, payOut, requireDeposit, userHolder } from './shared';

/** The dynamic code from the transient map (never an argument: arguments are recorded in the block). */
export function transientCode(ctx: DecContext): string {
  const field = `transient.${inputs.CODE}`;
  let raw: unknown;
  try {
    raw = ctx.ledger.transient(inputs.CODE, (json) => json);
  } catch {
    throw new ValidationError(field, 'is not valid JSON');
  }
  if (raw === undefined) throw new ValidationError(field, 'is required in the transient map');
  const parsed = inputs.codeSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(field, parsed.error.issues[0]?.message ?? 'is invalid');
  return parsed.data;
}

async function takeWindow(store: ChargingStore, r: { pointId: string; connectorId: number }, slots: number[], id: string): Promise<void> {
  for (const s of slots) {
    const taken = await store.slot(r.pointId, r.connectorId, s);
    if (taken) throw new ConflictError(`connector ${r.connectorId} of ${r.pointId} is reserved at ${new Date(s).toISOString()} by ${taken}`);
  }
  for (const s of slots) await store.takeSlot(r.pointId, r.connectorId, s, id);
}

export async function reserve(ctx: DecContext, input: z.output<typeof inputs.reserveInput>, env: EnergyEnv): Promise<Omit<Reservation, 'codeHash' | 'codeSalt'>> {
  await userHolder(ctx, env, input.user);
  const code = transientCode(ctx);
  const store = new ChargingStore(ctx.ledger);
  const point = await store.requirePoint(input.pointId);
  if (point.provider === input.user) throw new ValidationError('request.user', 'a provider cannot reserve its own charge point');
  const connector = await requireConnector(store, point, input.connectorId);
  if (connector.state === 'out-of-service' || connector.state === 'maintenance') throw new ConflictError(`connector ${input.connectorId} of ${point.id} is ${connector.state}`);
  const slots = windowSlots(input.start, input.end, ctx.ledger.txTimeMs, point.slotMinutes);
  const id = chargingId('rsv', env.txId);
  if (await store.reservation(id)) throw new ConflictError(`reservation ${id} already exists`);
  await takeWindow(store, input, slots, id);

  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.user, await configOf(store), env);
  const windowSeconds = BigInt(slots.length * point.slotMinutes * 60);
  const held = big(point.reservationFee) + budget(big(input.maxWh), windowSeconds, big(point.pricePerKwh), big(point.pricePerHour));
  const end = new Date(Date.parse(input.end)).toISOString();
  const holdId = held > 0n ? await escrow(ctx, env, token, input.user, held, Date.parse(end) + HOLD_GRACE_MS, `charging:${id}`) : '';
  const salt = deriveHex('charging-code-salt', env.txId);
  const r: Reservation = {
    id,
    user: input.user,
    pointId: point.id,
    provider: point.provider,
    chargerId: point.chargerId,
    connectorId: input.connectorId,
    start: new Date(Date.parse(input.start)).toISOString(),
    end,
    maxWh: input.maxWh,
    reservationFee: point.reservationFee,
    holdId,
    held: held.toString(),
    codeHash: codeHash(salt, code),
    codeSalt: salt,
    ocppReservationId: Number.parseInt(deriveHex('charging-ocpp-rsv', env.txId).slice(0, 7), 16),
    parentTag: `R${deriveHex('charging-parent-tag', env.txId).slice(0, 19).toUpperCase()}`,
    status: 'booked',
    bookedAt: env.now,
  };
  await store.putReservation(r);
  await token.finish('ChargingReserve');
  ctx.emit('ReservationBooked', publicView(r));
  return publicView(r);
}

/** What events and OCPP need of a reservation: never the code's hash and salt. */
export function publicView(r: Reservation): Omit<Reservation, 'codeHash' | 'codeSalt'> {
  const { codeHash: _h, codeSalt: _s, ...rest } = r;
  return rest;
}

async function close(ctx: DecContext, env: EnergyEnv, r: Reservation, status: 'cancelled' | 'no-show', earned: bigint, op: string): Promise<Reservation> {
  const store = new ChargingStore(ctx.ledger);
  const token = new TokenStore(ctx.ledger);
  const paid = r.holdId ? await payOut(ctx, env, token, r.holdId, r.provider, earned, op) : { earned: 0n, fee: 0n, provider: 0n, refund: 0n };
  const next: Reservation = { ...r, status, closedAt: env.now, ...amounts(paid) };
  await store.putReservation(next);
  return next;
}

async function booked(store: ChargingStore, id: string): Promise<Reservation> {
  const r = await store.requireReservation(id);
  if (r.status !== 'booked') throw new ConflictError(`reservation ${id} is ${r.status}`);
  return r;
}

/** The user cancels before the window: free until freeCancelMinutes before it, then the reservation fee is owed. The window's slots become free. */
export async function cancel(ctx: DecContext, input: z.output<typeof inputs.reservationInput>, env: EnergyEnv): Promise<Reservation> {
  const store = new ChargingStore(ctx.ledger);
  const r = await booked(store, input.reservationId);
  await userHolder(ctx, env, r.user);
  const point = await store.requirePoint(r.pointId);
  const charge = cancellationCharge(ctx.ledger.txTimeMs, r.start, point.freeCancelMinutes, big(r.reservationFee));
  for (const s of windowSlots(r.start, r.end, Date.parse(r.start), point.slotMinutes)) await store.freeSlot(r.pointId, r.connectorId, s);
  const next = await close(ctx, env, r, 'cancelled', charge, 'ChargingCancel');
  ctx.emit('ReservationCancelled', publicView(next));
  return next;
}

/** At or after the window's end, a reservation never used pays its fee to the provider; the rest of the hold returns. */
export async function noShow(ctx: DecContext, input: z.output<typeof inputs.reservationInput>, env: EnergyEnv): Promise<Reservation> {
  const store = new ChargingStore(ctx.ledger);
  const r = await booked(store, input.reservationId);
  requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(r.provider));
  if (ctx.ledger.txTimeMs < Date.parse(r.end)) throw new ConflictError(`reservation ${r.id} runs until ${r.end}`);
  const next = await close(ctx, env, r, 'no-show', big(r.reservationFee), 'ChargingNoShow');
  ctx.emit('ReservationNoShow', publicView(next));
  return next;
}

export async function getReservation(ctx: DecContext, input: z.output<typeof inputs.reservationInput>, env: EnergyEnv): Promise<Omit<Reservation, 'codeHash' | 'codeSalt'>> {
  const r = await new ChargingStore(ctx.ledger).requireReservation(input.reservationId);
  await partyReader(ctx, env, r.user, r.provider);
  return publicView(r);
}

export interface CodeCheck {
  accepted: boolean;
  reservationId?: string;
  parentTag?: string;
  ocppReservationId?: number;
}

/** OCPP Authorize: does the code open the reservation holding this connector now? Evaluate only; the start re-verifies. */
export async function verifyCode(ctx: DecContext, input: z.output<typeof inputs.verifyCodeInput>, env: EnergyEnv): Promise<CodeCheck> {
  const code = transientCode(ctx);
  const store = new ChargingStore(ctx.ledger);
  const pointId = await store.pointOfCharger(input.chargerId);
  if (!pointId) throw new NotFoundError('charge point of charger', input.chargerId);
  const point = await store.requirePoint(pointId);
  await chargerOperator(ctx, env, point.provider);
  const now = ctx.ledger.txTimeMs;
  const slot = currentSlot(now, point.slotMinutes);
  const id = (await store.slot(pointId, input.connectorId, slot)) ?? (await store.slot(pointId, input.connectorId, slot + point.slotMinutes * 60_000));
  const r = id ? await store.reservation(id) : undefined;
  if (!r || r.status !== 'booked' || !codeMatches(r.codeSalt, r.codeHash, code)) return { accepted: false };
  return { accepted: true, reservationId: r.id, parentTag: r.parentTag, ocppReservationId: r.ocppReservationId };
}
