/**
 * Rentals: the time an item is out. Started by a reservation's dynamic code
 * (the provider's fleet service or the platform operator relays it from the
 * device; the code is re-verified and used up) or instantly by the user (scan
 * to pay: a hold for maxMinutes plus the outside-return fee). The return,
 * reported with the device's position, settles from the hold: reservation
 * fee + time + (outside the return zone) the stated fee, or is refused outside
 * the zone when the item states no fee. A rental returns once.
 */
import { big, ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { codeMatches, currentSlot, HOLD_GRACE_MS, requireStartable } from '../../charging/logic';
import { transientCode } from '../../charging/ops/reservations';
import { amounts, chargerOperator, configOf, escrow, partyReader, payOut, requireDeposit, userHolder } from '../../charging/ops/shared';
import { ChargingStore } from '../../charging/store';
import type { EnergyEnv } from '../../common/env';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import { rentalBudget, rentalCost, returnFee } from '../logic';
import type { Item, ItemState, Rental } from '../state';
import { RentalStore } from '../store';
import { rentalId } from './items';
import { publicView } from './reservations';

async function freeItem(store: RentalStore, item: Item): Promise<ItemState> {
  const s = await store.requireState(item.id);
  if (s.state !== 'available' && s.state !== 'reserved') throw new ConflictError(`rental item ${item.id} is ${s.state}`);
  return s;
}

function newRental(env: EnergyEnv, item: Item, fields: Pick<Rental, 'user' | 'mode' | 'reservationId' | 'holdId' | 'held' | 'reservationFee'>): Rental {
  return {
    id: rentalId('rent', env.txId),
    provider: item.provider,
    itemId: item.id,
    pricePerHour: item.pricePerHour,
    ...(item.outsideReturnFee === undefined ? {} : { outsideReturnFee: item.outsideReturnFee }),
    ...fields,
    status: 'active',
    startedAt: env.now,
    startedTxId: env.txId,
  };
}

async function takeOut(ctx: DecContext, store: RentalStore, rental: Rental, previous: ItemState): Promise<void> {
  await store.putState({ itemId: rental.itemId, state: 'in-use', rentalId: rental.id, updatedAt: rental.startedAt });
  await store.putRental(rental);
  ctx.emit('RentalStarted', { ...rental, previousState: previous.state });
}

/** The device presents the reservation's code: it must match, within one slot before the window until its end; then it is used up. */
export async function startReserved(ctx: DecContext, input: z.output<typeof inputs.startReservedRentalInput>, env: EnergyEnv): Promise<Rental> {
  const store = new RentalStore(ctx.ledger);
  const r = await store.requireReservation(input.reservationId);
  await chargerOperator(ctx, env, r.provider);
  const code = transientCode(ctx);
  if (r.status !== 'booked') throw new ConflictError(`rental reservation ${r.id} is ${r.status}: its code was used or has lapsed`);
  if (!codeMatches(r.codeSalt, r.codeHash, code)) throw new ConflictError(`the code does not open rental reservation ${r.id}`);
  const item = await store.requireItem(r.itemId);
  requireStartable(ctx.ledger.txTimeMs, r.start, r.end, item.slotMinutes);
  const previous = await freeItem(store, item);
  const rental = newRental(env, item, { user: r.user, mode: 'reserved', reservationId: r.id, holdId: r.holdId, held: r.held, reservationFee: r.reservationFee });
  const used = { ...r, status: 'started' as const, rentalId: rental.id };
  await store.putReservation(used);
  await takeOut(ctx, store, rental, previous);
  ctx.emit('RentalReservationUsed', publicView(used));
  return rental;
}

/** Scan to pay: the user takes a free item not reserved for now; the hold covers maxMinutes and the outside-return fee. */
export async function startInstant(ctx: DecContext, input: z.output<typeof inputs.startInstantRentalInput>, env: EnergyEnv): Promise<Rental> {
  await userHolder(ctx, env, input.user);
  const store = new RentalStore(ctx.ledger);
  const item = await store.requireItem(input.itemId);
  if (item.provider === input.user) throw new ConflictError('a provider cannot pay itself');
  const previous = await freeItem(store, item);
  const reservedBy = await store.slot(item.id, currentSlot(ctx.ledger.txTimeMs, item.slotMinutes));
  if (reservedBy) throw new ConflictError(`rental item ${item.id} is reserved now by ${reservedBy}`);
  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.user, await configOf(new ChargingStore(ctx.ledger)), env);
  const held = rentalBudget(BigInt(input.maxMinutes * 60), big(item.pricePerHour)) + big(item.outsideReturnFee ?? '0');
  const holdId = held > 0n ? await escrow(ctx, env, token, input.user, held, ctx.ledger.txTimeMs + input.maxMinutes * 60_000 + HOLD_GRACE_MS, 'rental:instant') : '';
  const rental = newRental(env, item, { user: input.user, mode: 'instant', holdId, held: held.toString(), reservationFee: '0' });
  await takeOut(ctx, store, rental, previous);
  await token.finish('RentalStartInstant');
  return rental;
}

/** The return, at the device's reported place: settles time (and a stated outside fee) from the hold; the item is available again where it was left. */
export async function returnItem(ctx: DecContext, input: z.output<typeof inputs.returnItemInput>, env: EnergyEnv): Promise<Rental> {
  const store = new RentalStore(ctx.ledger);
  const rental = await store.requireRental(input.rentalId);
  if (rental.status !== 'active') throw new ConflictError(`rental ${rental.id} is ${rental.status}`);
  await chargerOperator(ctx, env, rental.provider);
  const item = await store.requireItem(rental.itemId);
  const at = { latE6: input.latE6, lonE6: input.lonE6 };
  const { inside, fee } = returnFee(item, at);
  const seconds = Math.floor((ctx.ledger.txTimeMs - Date.parse(rental.startedAt)) / 1000);
  const cost = rentalCost(BigInt(seconds), big(rental.pricePerHour));
  const earned = big(rental.reservationFee) + cost + fee;
  const token = new TokenStore(ctx.ledger);
  const paid = rental.holdId ? await payOut(ctx, env, token, rental.holdId, rental.provider, earned, 'RentalReturn') : { earned: 0n, fee: 0n, provider: 0n, refund: 0n };
  const next: Rental = {
    ...rental,
    status: 'returned',
    returnedAt: env.now,
    returnLatE6: at.latE6,
    returnLonE6: at.lonE6,
    insideReturnZone: inside,
    seconds,
    cost: cost.toString(),
    outsideFee: fee.toString(),
    captured: paid.earned.toString(),
    ...amounts(paid),
  };
  await store.putRental(next);
  await store.putItem({ ...item, ...at });
  await store.putState({ itemId: item.id, state: 'available', updatedAt: env.now });
  ctx.emit('RentalReturned', next);
  return next;
}

export async function getRental(ctx: DecContext, input: z.output<typeof inputs.rentalInput>, env: EnergyEnv): Promise<Rental> {
  const r = await new RentalStore(ctx.ledger).requireRental(input.rentalId);
  await partyReader(ctx, env, r.user, r.provider);
  return r;
}
