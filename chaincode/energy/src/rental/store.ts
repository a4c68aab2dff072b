/**
 * Rental state access. Key scheme (Fabric composite keys):
 *
 *   rental.item     ~<zone>~<itemId>              Item        (search range-reads one zone)
 *   rental.item-id  ~<itemId>                     { zone }
 *   rental.state    ~<itemId>                     ItemState   availability + the active rental
 *   rental.device   ~<deviceEid>                  { itemId }  a registered device is listed once
 *   rental.slot     ~<itemId>~<slotMs:15>         { reservationId }  one slot taken
 *   rental.rsv      ~<reservationId>              RentalReservation
 *   rental.rent     ~<rentalId>                   Rental
 *
 * Why (MVCC), as in charging: a reservation reads then writes every slot key
 * of its window, so two overlapping reservations of one item touch the same
 * key and at most one commits; a start reads and writes the item's state key,
 * so two starts of one item cannot both commit; an instant start also reads
 * the current slot key, so it cannot take an item reserved for now.
 */
import { decoder, keyPart, NotFoundError, sortableNumber, type Ledger } from '@dec/chaincode-kit';
import { z } from 'zod';
import { itemSchema, itemStateSchema, rentalReservationSchema, rentalSchema, type Item, type ItemState, type Rental, type RentalReservation } from './state';

export const RENTAL_KEYS = {
  item: 'rental.item',
  itemId: 'rental.item-id',
  state: 'rental.state',
  device: 'rental.device',
  slot: 'rental.slot',
  reservation: 'rental.rsv',
  rental: 'rental.rent',
} as const;

const dItem = decoder(itemSchema, 'rental item');
const dState = decoder(itemStateSchema, 'rental item state');
const dReservation = decoder(rentalReservationSchema, 'rental reservation');
const dRental = decoder(rentalSchema, 'rental');
const dZone = decoder(z.object({ zone: z.string() }), 'rental item index');
const dDevice = decoder(z.object({ itemId: z.string() }), 'rental device index');
const dSlot = decoder(z.object({ reservationId: z.string() }), 'rental slot');

export class RentalStore {
  constructor(private readonly ledger: Ledger) {}

  async item(id: string): Promise<Item | undefined> {
    const ref = await this.ledger.get(this.ledger.key(RENTAL_KEYS.itemId, keyPart('itemId', id)), dZone);
    return ref ? this.ledger.get(this.ledger.key(RENTAL_KEYS.item, ref.zone, id), dItem) : undefined;
  }

  async requireItem(id: string): Promise<Item> {
    const item = await this.item(id);
    if (!item) throw new NotFoundError('rental item', id);
    return item;
  }

  /** Writes the item (a new listing or its new place after a return). */
  async putItem(item: Item): Promise<void> {
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.item, keyPart('zone', item.zone), keyPart('itemId', item.id)), item);
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.itemId, item.id), { zone: item.zone });
  }

  async itemOfDevice(deviceEid: string): Promise<string | undefined> {
    return (await this.ledger.get(this.ledger.key(RENTAL_KEYS.device, keyPart('device', deviceEid)), dDevice))?.itemId;
  }

  async putDevice(deviceEid: string, itemId: string): Promise<void> {
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.device, deviceEid), { itemId });
  }

  /** At most `limit` items of a zone, in key order; `more` when the zone holds more. */
  async itemsInZone(zone: string, limit: number): Promise<{ items: Item[]; more: boolean }> {
    const entries = await this.ledger.page(RENTAL_KEYS.item, [keyPart('zone', zone)], limit + 1, '', dItem);
    return { items: entries.items.slice(0, limit).map((e) => e.value), more: entries.items.length > limit };
  }

  async state(itemId: string): Promise<ItemState | undefined> {
    return this.ledger.get(this.ledger.key(RENTAL_KEYS.state, keyPart('itemId', itemId)), dState);
  }

  async requireState(itemId: string): Promise<ItemState> {
    const s = await this.state(itemId);
    if (!s) throw new NotFoundError('rental item state', itemId);
    return s;
  }

  async putState(s: ItemState): Promise<void> {
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.state, s.itemId), s);
  }

  private slotKey(itemId: string, slotMs: number): string {
    return this.ledger.key(RENTAL_KEYS.slot, itemId, sortableNumber(slotMs, 15));
  }

  async slot(itemId: string, slotMs: number): Promise<string | undefined> {
    return (await this.ledger.get(this.slotKey(itemId, slotMs), dSlot))?.reservationId;
  }

  async takeSlot(itemId: string, slotMs: number, reservationId: string): Promise<void> {
    await this.ledger.put(this.slotKey(itemId, slotMs), { reservationId });
  }

  async freeSlot(itemId: string, slotMs: number): Promise<void> {
    await this.ledger.delete(this.slotKey(itemId, slotMs));
  }

  async reservation(id: string): Promise<RentalReservation | undefined> {
    return this.ledger.get(this.ledger.key(RENTAL_KEYS.reservation, keyPart('reservationId', id)), dReservation);
  }

  async requireReservation(id: string): Promise<RentalReservation> {
    const r = await this.reservation(id);
    if (!r) throw new NotFoundError('rental reservation', id);
    return r;
  }

  async putReservation(r: RentalReservation): Promise<void> {
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.reservation, r.id), r);
  }

  async rental(id: string): Promise<Rental | undefined> {
    return this.ledger.get(this.ledger.key(RENTAL_KEYS.rental, keyPart('rentalId', id)), dRental);
  }

  async requireRental(id: string): Promise<Rental> {
    const r = await this.rental(id);
    if (!r) throw new NotFoundError('rental', id);
    return r;
  }

  async putRental(r: Rental): Promise<void> {
    await this.ledger.put(this.ledger.key(RENTAL_KEYS.rental, r.id), r);
  }
}
