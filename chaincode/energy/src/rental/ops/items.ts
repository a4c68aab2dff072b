/**
 * Rental items: a provider (role service-provider, with a DEC deposit) lists
 * a vehicle (its registered `vehicle` device) or another piece of equipment
 * with its place, hourly price, reservation fee and return zone; the provider
 * or the platform operator sets its availability; reads: one item and the
 * nearest-first search (the charging order: distance, price, rating, ID).
 */
import { ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { rank, SEARCH_SCAN_LIMIT } from '../../charging/logic';
import { chargerOperator, configOf, providerHolder, requireDeposit } from '../../charging/ops/shared';
import { ChargingStore } from '../../charging/store';
import type { EnergyEnv } from '../../common/env';
import { deriveHex } from '../../common/ids';
import { IdentityStore } from '../../identity/store';
import { compareScore, emptyRating, RatingStore, type Rating } from '../../ratings/ratings';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import type { Item, ItemState } from '../state';
import { RentalStore } from '../store';

export function rentalId(kind: 'rd' | 'rrsv' | 'rent', txId: string): string {
  return `${kind}:${deriveHex(`rental-${kind}`, txId)}`;
}

/** A vehicle is listed with its registered vehicle device; any device named must be the provider's active vehicle. */
async function requireVehicle(ctx: DecContext, input: z.output<typeof inputs.listItemInput>): Promise<void> {
  if (input.device === undefined) {
    if (input.category === 'vehicle') throw new ValidationError('request.device', 'a vehicle is listed with its registered vehicle device');
    return;
  }
  const device = await new IdentityStore(ctx.ledger).requireDevice(input.device);
  if (device.kind !== 'vehicle') throw new ValidationError('request.device', `device ${input.device} is a ${device.kind}, not a vehicle`);
  if (device.ownerEid !== input.provider) throw new ValidationError('request.device', `device ${input.device} is not owned by ${input.provider}`);
  if (device.status !== 'active') throw new ConflictError(`device ${input.device} is ${device.status}`);
}

export async function listItem(ctx: DecContext, input: z.output<typeof inputs.listItemInput>, env: EnergyEnv): Promise<Item> {
  await providerHolder(ctx, env, input.provider);
  await requireVehicle(ctx, input);
  const store = new RentalStore(ctx.ledger);
  const listed = input.device === undefined ? undefined : await store.itemOfDevice(input.device);
  if (listed) throw new ConflictError(`device ${input.device ?? ''} is already listed as ${listed}`);
  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.provider, await configOf(new ChargingStore(ctx.ledger)), env);
  const item: Item = { id: rentalId('rd', env.txId), ...input, listedAt: env.now, listedTxId: env.txId };
  if (await store.item(item.id)) throw new ConflictError(`rental item ${item.id} already exists`);
  await store.putItem(item);
  await store.putState({ itemId: item.id, state: 'available', updatedAt: env.now });
  if (item.device !== undefined) await store.putDevice(item.device, item.id);
  await token.finish('RentalListItem');
  ctx.emit('RentalItemListed', item);
  return item;
}

/** Availability set by the provider or the platform operator; an item out on a rental stays in use until it is returned. */
export async function setItemState(ctx: DecContext, input: z.output<typeof inputs.setItemStateInput>, env: EnergyEnv): Promise<ItemState> {
  const store = new RentalStore(ctx.ledger);
  const item = await store.requireItem(input.itemId);
  await chargerOperator(ctx, env, item.provider);
  const previous = await store.requireState(item.id);
  if (previous.state === 'in-use') throw new ConflictError(`rental item ${item.id} is in use by rental ${previous.rentalId ?? ''}`);
  const next: ItemState = { itemId: item.id, state: input.state, updatedAt: env.now };
  await store.putState(next);
  ctx.emit('RentalItemStateChanged', { ...next, previous: previous.state });
  return next;
}

export interface ItemView {
  item: Item;
  state: ItemState;
}

export async function getItem(ctx: DecContext, input: z.output<typeof inputs.itemInput>): Promise<ItemView> {
  const store = new RentalStore(ctx.ledger);
  const item = await store.requireItem(input.itemId);
  return { item, state: await store.requireState(item.id) };
}

export interface ItemSearchResult {
  items: (Item & { distance2: string })[];
  bookmark: string;
  truncated: boolean;
}

/** Items of a zone (optionally one category), nearest first, then cheaper per hour, then the provider's rating, then ID; at most SEARCH_SCAN_LIMIT items ranked. */
export async function search(ctx: DecContext, input: z.output<typeof inputs.searchItemsInput>): Promise<ItemSearchResult> {
  const offset = input.bookmark === '' ? 0 : Number(input.bookmark);
  if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_SCAN_LIMIT) throw new ValidationError('request.bookmark', 'does not belong to this query');
  const { items, more } = await new RentalStore(ctx.ledger).itemsInZone(input.zone, SEARCH_SCAN_LIMIT);
  const matching = items.filter((i) => input.category === undefined || i.category === input.category);
  const ratings = new RatingStore(ctx.ledger);
  const scores = new Map<string, Rating>();
  for (const i of matching) if (!scores.has(i.provider)) scores.set(i.provider, await ratings.of(i.provider));
  const ranked = rank(
    matching.map((i) => ({ ...i, pricePerKwh: i.pricePerHour })),
    input,
    (a, b) => compareScore(scores.get(a.provider) ?? emptyRating(a.provider), scores.get(b.provider) ?? emptyRating(b.provider)),
  ).map(({ pricePerKwh: _p, ...i }) => i);
  const end = offset + input.pageSize;
  return { items: ranked.slice(offset, end), bookmark: end < ranked.length ? String(end) : '', truncated: more };
}
