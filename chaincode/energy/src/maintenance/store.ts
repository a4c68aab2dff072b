/**
 * Maintenance state access. Key scheme:
 *
 *   maint.mtr    ~<eid>                          Maintainer
 *   maint.avail  \0<zone>\0<eid>\0  (ordered)    { latE6, lonE6 }  available maintainers of a zone
 *   maint.ord    ~<orderId>                      Order
 *   maint.open   ~<pointId>~<connectorId:2>      { orderId }       one open order per connector
 *   maint.of     ~<provider>~<orderId>           { }               a provider's orders (explorer)
 *
 * Why: dispatch (a write path) reads at most DISPATCH_SCAN available
 * maintainers of the zone with an end key (a bounded range, re-checked at
 * commit only as far as it read) and deletes the chosen one's entry, so two
 * reports racing for one maintainer cannot both commit (MVCC). A second
 * report of one connector reads the `maint.open` key.
 */
import { decoder, keyPart, NotFoundError, orderedKey, orderedPrefixRange, sortableNumber, type Ledger } from '@dec/chaincode-kit';
import { z } from 'zod';
import { maintainerSchema, orderSchema, type Maintainer, type Order } from './state';

export const MAINTENANCE_KEYS = { maintainer: 'maint.mtr', available: 'maint.avail', order: 'maint.ord', open: 'maint.open', of: 'maint.of' } as const;
/** Dispatch considers at most this many available maintainers of a zone (by eID order). */
export const DISPATCH_SCAN = 200;

const dMaintainer = decoder(maintainerSchema, 'maintainer');
const dOrder = decoder(orderSchema, 'maintenance order');
const dPlace = decoder(z.object({ eid: z.string(), latE6: z.number().int(), lonE6: z.number().int() }), 'available maintainer');
const dOpen = decoder(z.object({ orderId: z.string() }), 'open order');
const dNothing = decoder(z.object({}), 'provider order index');

export interface Available {
  eid: string;
  latE6: number;
  lonE6: number;
}

export class MaintenanceStore {
  constructor(private readonly ledger: Ledger) {}

  async maintainer(eid: string): Promise<Maintainer | undefined> {
    return this.ledger.get(this.ledger.key(MAINTENANCE_KEYS.maintainer, keyPart('eid', eid)), dMaintainer);
  }

  async requireMaintainer(eid: string): Promise<Maintainer> {
    const m = await this.maintainer(eid);
    if (!m) throw new NotFoundError('maintainer', eid);
    return m;
  }

  private availableKey(zone: string, eid: string): string {
    return orderedKey(MAINTENANCE_KEYS.available, keyPart('zone', zone), keyPart('eid', eid));
  }

  /** Writes a maintainer and keeps the zone's available index in step. */
  async putMaintainer(m: Maintainer, previous?: Maintainer): Promise<void> {
    if (previous?.status === 'available') await this.ledger.delete(this.availableKey(previous.zone, previous.eid));
    if (m.status === 'available') await this.ledger.put(this.availableKey(m.zone, m.eid), { eid: m.eid, latE6: m.latE6, lonE6: m.lonE6 });
    await this.ledger.put(this.ledger.key(MAINTENANCE_KEYS.maintainer, m.eid), m);
  }

  /** At most DISPATCH_SCAN available maintainers of a zone, by eID. */
  async availableIn(zone: string): Promise<Available[]> {
    const range = orderedPrefixRange(MAINTENANCE_KEYS.available, keyPart('zone', zone));
    return (await this.ledger.readRange(range.start, range.end, DISPATCH_SCAN, dPlace)).items.map((e) => e.value);
  }

  async order(id: string): Promise<Order | undefined> {
    return this.ledger.get(this.ledger.key(MAINTENANCE_KEYS.order, keyPart('orderId', id)), dOrder);
  }

  async requireOrder(id: string): Promise<Order> {
    const o = await this.order(id);
    if (!o) throw new NotFoundError('maintenance order', id);
    return o;
  }

  async putOrder(o: Order): Promise<void> {
    await this.ledger.put(this.ledger.key(MAINTENANCE_KEYS.order, o.id), o);
    await this.ledger.put(this.ledger.key(MAINTENANCE_KEYS.of, o.provider, o.id), {});
  }

  private openKey(pointId: string, connectorId: number): string {
    return this.ledger.key(MAINTENANCE_KEYS.open, pointId, sortableNumber(connectorId, 2));
  }

  async openOrder(pointId: string, connectorId: number): Promise<string | undefined> {
    return (await this.ledger.get(this.openKey(pointId, connectorId), dOpen))?.orderId;
  }

  async setOpen(pointId: string, connectorId: number, orderId: string | undefined): Promise<void> {
    if (orderId) await this.ledger.put(this.openKey(pointId, connectorId), { orderId });
    else await this.ledger.delete(this.openKey(pointId, connectorId));
  }

  /** A page of a provider's orders (evaluate only). */
  async ordersOf(provider: string, pageSize: number, bookmark: string): Promise<{ items: Order[]; bookmark: string }> {
    const page = await this.ledger.page(MAINTENANCE_KEYS.of, [keyPart('provider', provider)], pageSize, bookmark, dNothing);
    const items: Order[] = [];
    for (const e of page.items) items.push(await this.requireOrder(e.attributes[1] ?? ''));
    return { items, bookmark: page.bookmark };
  }
}
