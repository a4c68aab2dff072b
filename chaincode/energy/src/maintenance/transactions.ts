/**
 * The maintenance lines of the energy transaction map (spread into
 * src/transactions.ts): who may call each `maintenance:` transaction.
 */
import { ANYONE } from '../access/policy';
import * as i from './inputs';

export const MAINTENANCE_TRANSACTIONS = {
  'maintenance:RegisterMaintainer': { kind: 'submit', input: i.registerMaintainerInput, grants: ANYONE, rule: 'the holder of the maintainer, with role maintainer; not while busy', summary: 'Offer maintenance in a zone from a place, at a charge per order' },
  'maintenance:SetAvailability': { kind: 'submit', input: i.availabilityInput, grants: ANYONE, rule: 'the holder of the maintainer; not while busy', summary: 'A maintainer takes orders again or stops taking them' },
  'maintenance:Report': { kind: 'submit', input: i.reportInput, grants: ANYONE, rule: 'the holder of the reporter', summary: 'Report a breakdown (description, photo hash): the connector goes out of service, the order goes to the nearest available maintainer' },
  'maintenance:Dispatch': { kind: 'submit', input: i.orderInput, grants: ANYONE, rule: "the provider's holder or the platform operator", summary: 'Retry the dispatch of an unassigned order' },
  'maintenance:Accept': { kind: 'submit', input: i.orderInput, grants: ANYONE, rule: "the dispatched maintainer's holder", summary: 'Accept an order: the connector is in maintenance' },
  'maintenance:Complete': { kind: 'submit', input: i.completeInput, grants: ANYONE, rule: "the maintainer's holder", summary: 'Upload the completion evidence (hash)' },
  'maintenance:Confirm': { kind: 'submit', input: i.orderInput, grants: ANYONE, rule: "the provider's holder, never the maintainer's", summary: "Confirm a repair: the charge moves to the maintainer, the connector is available" },
  'maintenance:SettleTimeout': { kind: 'submit', input: i.orderInput, grants: ANYONE, rule: "the maintainer's holder or the platform operator, 72 h after completion", summary: 'Pay an unconfirmed repair after the confirmation timeout' },
  'maintenance:RateRepair': { kind: 'submit', input: i.rateRepairInput, grants: ANYONE, rule: "the provider's holder, once per paid order", summary: "Rate the maintainer of a paid repair (1-5 stars)" },
  'maintenance:GetOrder': { kind: 'evaluate', input: i.orderInput, grants: ANYONE, rule: 'a reader of the provider, the reporter or the maintainer', summary: 'A maintenance order' },
  'maintenance:OrdersOf': { kind: 'evaluate', input: i.ordersOfInput, grants: ANYONE, rule: 'a reader of the provider', summary: "A provider's maintenance orders, paged" },
  'maintenance:GetMaintainer': { kind: 'evaluate', input: i.maintainerInput, grants: ANYONE, summary: 'A maintainer: zone, place, charge, availability' },
  'maintenance:Rating': { kind: 'evaluate', input: i.ratingInput, grants: ANYONE, summary: "A participant's rating aggregate (sessions and repairs)" },
} as const;
