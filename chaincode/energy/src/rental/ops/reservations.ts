/**
 * Rental reservations (white paper process 2, for equipment): a user with a
 * DEC deposit reserves an item for a slot-aligned window, paying the
 * reservation fee, the window's time and the item's outside-return fee (if it
 * has one) into an escrow hold; the dynamic code arrives in the transient map
 * and only its salted hash is stored. Overlapping windows touch the same slot
 * keys (MVCC: exactly one of two racing reservations commits). Cancellation
 * and no-show follow charging's rules.
 */
import { big, ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { cancellationCharge, codeHash, HOLD_GRACE_MS, windowSlots } from '../../charging/logic';
import { transientCode } from '../../charging/ops/reservations';
import { amounts, chargerOperator, configOf, escrow, partyReader, payOut, requireDeposit, userHolder } from '../../charging/ops/shared';
import { ChargingStore } from '../../charging/store';
import type { EnergyEnv } from '../../common/env';
import { deriveHex } from '../../common/ids';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import { rentalBudget } from '../logic';
import type { RentalReservation } from '../state';
import { RentalStore } from '../store';
import { rentalId } from './items';

export type PublicReservation = Omit<RentalReservation, 'codeHash' | 'codeSalt'>;

/** Never the code's hash and salt outside the ledger. */
export function publicView(r: RentalReservation): PublicReservation {
  const { codeHash: _h, codeSalt: _s, ...rest } = r;
  return rest;
}

export async function reserve(ctx: DecContext, input: z.output<typeof inputs.reserveItemInput>, env: EnergyEnv): Promise<PublicReservation> {
  await userHolder(ctx, env, input.user);
  const code = transientCode(ctx);
  const store = new RentalStore(ctx.ledger);
  const item = await store.requireItem(input.itemId);
  if (item.provider === input.user) throw new ValidationError('request.user', 'a provider cannot reserve its own item');
  const state = await store.requireState(item.id);
  if (state.state === 'out-of-service' || state.state === 'maintenance') throw new ConflictError(`rental item ${item.id} is ${state.state}`);
  const slots = windowSlots(input.start, input.end, ctx.ledger.txTimeMs, item.slotMinutes);
  const id = rentalId('rrsv', env.txId);
  if (await store.reservation(id)) throw new ConflictError(`rental reservation ${id} already exists`);
  for (const s of slots) {
    const taken = await store.slot(item.id, s);
    if (taken) throw new ConflictError(`rental item ${item.id} is reserved at ${new Date(s).toISOString()} by ${taken}`);
  }
  for (const s of slots) await store.takeSlot(item.id, s, id);

  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.user, await configOf(new ChargingStore(ctx.ledger)), env);
  const windowSeconds = BigInt(slots.length * item.slotMinutes * 60);
  const held = big(item.reservationFee) + rentalBudget(windowSeconds, big(item.pricePerHour)) + big(item.outsideReturnFee ?? '0');
  const end = new Date(Date.parse(input.end)).toISOString();
  const holdId = held > 0n ? await escrow(ctx, env, token, input.user, held, Date.parse(end) + HOLD_GRACE_MS, `rental:${id}`) : '';
  const salt = deriveHex('rental-code-salt', env.txId);
  const r: RentalReservation = {
    id,
    user: input.user,
    itemId: item.id,
    provider: item.provider,
    start: new Date(Date.parse(input.start)).toISOString(),
    end,
    reservationFee: item.reservationFee,
    holdId,
    held: held.toString(),
    codeHash: codeHash(salt, code),
    codeSalt: salt,
    status: 'booked',
    bookedAt: env.now,
  };
  await store.putReservation(r);
  await token.finish('RentalReserve');
  ctx.emit('RentalReservationBooked', publicView(r));
  return publicView(r);
}

async function booked(store: RentalStore, id: string): Promise<RentalReservation> {
  const r = await store.requireReservation(id);
  if (r.status !== 'booked') throw new ConflictError(`rental reservation ${id} is ${r.status}`);
  return r;
}

async function close(ctx: DecContext, env: EnergyEnv, r: RentalReservation, status: 'cancelled' | 'no-show', earned: bigint, op: string): Promise<PublicReservation> {
  const token = new TokenStore(ctx.ledger);
  const paid = r.holdId ? await payOut(ctx, env, token, r.holdId, r.provider, earned, op) : { earned: 0n, fee: 0n, provider: 0n, refund: 0n };
  const next: RentalReservation = { ...r, status, closedAt: env.now, ...amounts(paid) };
  await new RentalStore(ctx.ledger).putReservation(next);
  return publicView(next);
}

/** The user cancels before the window: free until freeCancelMinutes before it, then the reservation fee is owed; the slots become free. */
export async function cancel(ctx: DecContext, input: z.output<typeof inputs.rentalReservationInput>, env: EnergyEnv): Promise<PublicReservation> {
  const store = new RentalStore(ctx.ledger);
  const r = await booked(store, input.reservationId);
  await userHolder(ctx, env, r.user);
  const item = await store.requireItem(r.itemId);
  const charge = cancellationCharge(ctx.ledger.txTimeMs, r.start, item.freeCancelMinutes, big(r.reservationFee));
  for (const s of windowSlots(r.start, r.end, Date.parse(r.start), item.slotMinutes)) await store.freeSlot(r.itemId, s);
  const next = await close(ctx, env, r, 'cancelled', charge, 'RentalCancel');
  ctx.emit('RentalReservationCancelled', next);
  return next;
}

/** From the window's end, an unused reservation pays its fee to the provider; the rest of the hold returns. */
export async function noShow(ctx: DecContext, input: z.output<typeof inputs.rentalReservationInput>, env: EnergyEnv): Promise<PublicReservation> {
  const store = new RentalStore(ctx.ledger);
  const r = await booked(store, input.reservationId);
  await chargerOperator(ctx, env, r.provider);
  if (ctx.ledger.txTimeMs < Date.parse(r.end)) throw new ConflictError(`rental reservation ${r.id} runs until ${r.end}`);
  const next = await close(ctx, env, r, 'no-show', big(r.reservationFee), 'RentalNoShow');
  ctx.emit('RentalNoShow', next);
  return next;
}

export async function getReservation(ctx: DecContext, input: z.output<typeof inputs.rentalReservationInput>, env: EnergyEnv): Promise<PublicReservation> {
  const r = await new RentalStore(ctx.ledger).requireReservation(input.reservationId);
  await partyReader(ctx, env, r.user, r.provider);
  return publicView(r);
}
