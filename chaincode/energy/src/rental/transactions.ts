/**
 * The rental domain's lines of the energy transaction map (spread into
 * src/transactions.ts): who may call each rental transaction. The dynamic
 * code is a transient field, so it never appears in a block.
 */
import { ANYONE } from '../access/policy';
import * as rental from './inputs';

const code = { [rental.CODE]: { schema: rental.codeSchema, required: true } } as const;
const FLEET_RULE = "the provider's holder or the platform operator (its fleet service)";

export const RENTAL_TRANSACTIONS = {
  'rental:ListItem': { kind: 'submit', input: rental.listItemInput, grants: ANYONE, rule: 'the holder of the provider, with role service-provider, a DEC deposit and (for a vehicle) its vehicle device', summary: 'List rental equipment: a vehicle or other device with its place, hourly price, reservation fee and return zone' },
  'rental:SetItemState': { kind: 'submit', input: rental.setItemStateInput, grants: ANYONE, rule: FLEET_RULE, summary: 'Set a rental item available, out of service or in maintenance' },
  'rental:Reserve': { kind: 'submit', input: rental.reserveItemInput, transient: code, grants: ANYONE, rule: 'the holder of the user, with a DEC deposit', summary: 'Reserve an item for a window, paid from an escrow hold; the dynamic code is stored as a salted hash' },
  'rental:Cancel': { kind: 'submit', input: rental.rentalReservationInput, grants: ANYONE, rule: 'the holder of the user', summary: 'Cancel a rental reservation before its window (refund by the cancellation rule)' },
  'rental:NoShow': { kind: 'submit', input: rental.rentalReservationInput, grants: ANYONE, rule: FLEET_RULE, summary: 'Close an unused rental reservation after its window: the reservation fee goes to the provider' },
  'rental:StartReserved': { kind: 'submit', input: rental.startReservedRentalInput, transient: code, grants: ANYONE, rule: FLEET_RULE, summary: "Start a rental with a reservation's dynamic code" },
  'rental:StartInstant': { kind: 'submit', input: rental.startInstantRentalInput, grants: ANYONE, rule: 'the holder of the user, with a DEC deposit', summary: 'Scan to pay: rent an item now with a hold for its maximum time' },
  'rental:Return': { kind: 'submit', input: rental.returnItemInput, grants: ANYONE, rule: FLEET_RULE, summary: 'Return an item at a place: settle the time used (and a stated fee outside the return zone, or refuse) from the hold' },
  'rental:GetItem': { kind: 'evaluate', input: rental.itemInput, grants: ANYONE, summary: 'A rental item with its availability' },
  'rental:Search': { kind: 'evaluate', input: rental.searchItemsInput, grants: ANYONE, summary: 'Rental items of a zone (optionally one category), nearest first, then price, paged' },
  'rental:GetReservation': { kind: 'evaluate', input: rental.rentalReservationInput, grants: ANYONE, rule: 'a reader of the user or the provider', summary: 'A rental reservation (without its code hash)' },
  'rental:GetRental': { kind: 'evaluate', input: rental.rentalInput, grants: ANYONE, rule: 'a reader of the user or the provider', summary: 'A rental' },
} as const;
