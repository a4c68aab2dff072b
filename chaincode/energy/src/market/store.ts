/**
 * Market state access. Key scheme (Fabric composite keys; `~` separates parts):
 *
 *   market.zone       ~<zone>                                  ZoneConfig
 *   market.order      ~<slot>~<zone>~<orderId>                 Order
 *   market.order-id   ~<orderId>                               { slot, zone }   locate an order by ID
 *   market.by-owner   ~<eid>~<slot>~<zone>~<orderId>           { id }           a participant's orders
 *   market.book       ~<slot>~<zone>                           BookFreeze       the book is frozen (first Match page)
 *   market.clearing   ~<slot>~<zone>                           Clearing         matching/settlement progress
 *   market.trade      ~<slot>~<zone>~<buyOrderId>~<n:6>        Trade            a delivery obligation
 *   market.trade-by   ~<eid>~<slot>~<zone>~<tradeId>           { buyOrderId, n } a participant's trades (both sides)
 *   market.ppa        ~<zone>~<ppaId>                          Ppa              accepted (active, terminated)
 *   market.ppa-prop   ~<ppaId>                                 Ppa              proposed or rejected (not in the zone range)
 *   market.ppa-id     ~<ppaId>                                 { zone }
 *   market.ppa-by     ~<eid>~<ppaId>                           { zone }          a participant's PPAs
 *   market.ppa-settle ~<ppaId>~<slot>                          PpaSettlement
 *   market.ppa-m\0<meterEid>\0<lastSlot>\0<ppaId>\0            Ppa              accepted PPAs per meter (seller's and buyer's), by last slot
 *   market.emergency  ~<emergencyId>                           Emergency
 *   market.em-offer   ~<emergencyId>~<offerId>                 Offer
 *   market.em-offer-by~<emergencyId>~<ownerEid>                { id }           one offer per storage owner per emergency
 *   market.assign\0<meterEid>\0<createdAt>\0<assignmentId>\0  Assignment, active only (an ordered key; seniority = key order)
 *   market.assign-done~<assignmentId>                          Assignment, fulfilled or released
 *   market.assign-id  ~<assignmentId>                          { meter, createdAt }
 *
 * Why (MVCC): slot and zone lead the order and trade keys, so matching or
 * settling one slot+zone range-reads only its own range: posting, amending or
 * cancelling in any other slot or zone writes outside it and never conflicts
 * (and inside it nothing is posted after the gate, when matching starts).
 * The freeze (issue 13): every post, amendment and cancellation of a slot+zone
 * reads market.book, which the first Match page writes. A mutation endorsed
 * before matching and submitted after it read a stale version and is
 * invalidated (MVCC_READ_CONFLICT), whatever its proposal timestamp says.
 * Posting reads only the poster's own records (participant, meter, deposit,
 * DECC balance) and the zone config, and writes new keys named by its tx ID.
 * PPAs (issue 13): Match and SettlePpa read, per meter, the accepted PPAs whose
 * last slot is not before the slot (an ordered-key range starting there, at
 * most MAX_LIVE_PPAS_PER_METER + 1 entries). Only accepted PPAs are in it, and
 * only with the meter owner's consent (it proposed or accepted); acceptance
 * refuses a meter that already has MAX_LIVE_PPAS_PER_METER PPAs ending at or
 * after (now − the zone's settlement horizon), and SettlePpa refuses a slot
 * older than that horizon, so the range read never holds more than the cap.
 * Ended PPAs sort before it and are never read.
 * Settlement credits payees with blind token credits; it writes a seller's
 * deposit only to slash it and a station's assignment only to pay it.
 * Assignments (issue 13): settlement reads a meter's active assignments
 * created before the slot started (an ordered-key range with an end key), so
 * an AssignRevenue during settlement writes outside what it read; a meter has
 * at most MAX_ACTIVE_ASSIGNMENTS active ones, and a closed one leaves the range.
 */
import { ConflictError, decoder, keyPart, orderedKey, orderedPrefixRange, sortableNumber, type Entry, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import {
  assignmentSchema,
  bookFreezeSchema,
  clearingSchema,
  emergencySchema,
  offerSchema,
  orderSchema,
  ppaSchema,
  ppaSettlementSchema,
  tradeSchema,
  zoneConfigSchema,
  type Assignment,
  type BookFreeze,
  type Clearing,
  type Emergency,
  type Offer,
  type Order,
  type Ppa,
  type PpaSettlement,
  type Trade,
  type ZoneConfig,
} from './state';

export const MARKET_KEYS = {
  zone: 'market.zone',
  order: 'market.order',
  orderId: 'market.order-id',
  byOwner: 'market.by-owner',
  book: 'market.book',
  clearing: 'market.clearing',
  trade: 'market.trade',
  tradeBy: 'market.trade-by',
  ppa: 'market.ppa',
  ppaProposal: 'market.ppa-prop',
  ppaId: 'market.ppa-id',
  ppaBy: 'market.ppa-by',
  ppaSettle: 'market.ppa-settle',
  ppaMeter: 'market.ppa-m',
  emergency: 'market.emergency',
  offer: 'market.em-offer',
  offerBy: 'market.em-offer-by',
  assign: 'market.assign',
  assignDone: 'market.assign-done',
  assignId: 'market.assign-id',
} as const;

const dZone = decoder(zoneConfigSchema, 'zone config');
const dOrder = decoder(orderSchema, 'order');
const dClearing = decoder(clearingSchema, 'clearing');
const dBook = decoder(bookFreezeSchema, 'book freeze');
const dTrade = decoder(tradeSchema, 'trade');
const dPpa = decoder(ppaSchema, 'PPA');
const dPpaSettle = decoder(ppaSettlementSchema, 'PPA settlement');
const dEmergency = decoder(emergencySchema, 'emergency');
const dOffer = decoder(offerSchema, 'emergency offer');
const dAssign = decoder(assignmentSchema, 'assignment');
const dLoc = decoder(z.object({ slot: z.string(), zone: z.string() }), 'order index');
const dZoneRef = decoder(z.object({ zone: z.string() }), 'PPA index');
const dId = decoder(z.object({ id: z.string() }), 'index entry');
const dTradeRef = decoder(z.object({ buyOrderId: z.string(), n: z.number().int(), slot: z.string(), zone: z.string() }), 'trade index');
const dAssignRef = decoder(z.object({ meter: z.string(), createdAt: z.string() }), 'assignment index');

/** PPAs one meter may be party to (accepted, ending within the settlement horizon): bounds what Match and SettlePpa read per meter. */
export const MAX_LIVE_PPAS_PER_METER = 20;

/** Active revenue assignments one meter may have: bounds what settlement reads per meter. */
export const MAX_ACTIVE_ASSIGNMENTS = 20;

export class MarketStore {
  constructor(private readonly ledger: Ledger) {}

  // --- zones ------------------------------------------------------------------------
  async zone(zone: string): Promise<ZoneConfig | undefined> {
    return this.ledger.get(this.ledger.key(MARKET_KEYS.zone, keyPart('zone', zone)), dZone);
  }
  async requireZone(zone: string): Promise<ZoneConfig> {
    return this.ledger.require(this.ledger.key(MARKET_KEYS.zone, keyPart('zone', zone)), dZone, 'market zone', zone);
  }
  async saveZone(z: ZoneConfig): Promise<void> {
    await this.ledger.put(this.ledger.key(MARKET_KEYS.zone, keyPart('zone', z.zone)), z);
  }
  async zones(): Promise<ZoneConfig[]> {
    return (await this.ledger.list(MARKET_KEYS.zone, [], dZone)).map((e) => e.value);
  }

  // --- orders -------------------------------------------------------------------------
  private orderKey(slot: string, zone: string, id: string): string {
    return this.ledger.key(MARKET_KEYS.order, slot, zone, id);
  }
  async order(slot: string, zone: string, id: string): Promise<Order | undefined> {
    return this.ledger.get(this.orderKey(slot, zone, id), dOrder);
  }
  async orderById(id: string): Promise<Order | undefined> {
    const loc = await this.ledger.get(this.ledger.key(MARKET_KEYS.orderId, keyPart('orderId', id)), dLoc);
    return loc ? this.order(loc.slot, loc.zone, id) : undefined;
  }
  async requireOrder(id: string): Promise<Order> {
    const o = await this.orderById(id);
    if (!o) return this.ledger.require(this.ledger.key(MARKET_KEYS.orderId, id), dOrder, 'order', id);
    return o;
  }
  async saveOrder(o: Order, isNew: boolean): Promise<void> {
    await this.ledger.put(this.orderKey(o.slot, o.zone, o.id), o);
    if (isNew) {
      await this.ledger.put(this.ledger.key(MARKET_KEYS.orderId, o.id), { slot: o.slot, zone: o.zone });
      await this.ledger.put(this.ledger.key(MARKET_KEYS.byOwner, o.owner, o.slot, o.zone, o.id), { id: o.id });
    }
  }
  /** Every order of one slot and zone, in ID order (the range matching and settlement read). */
  async ordersOf(slot: string, zone: string): Promise<Order[]> {
    return (await this.ledger.list(MARKET_KEYS.order, [slot, zone], dOrder)).map((e) => e.value);
  }
  async pageOrders(slot: string, zone: string, pageSize: number, bookmark: string): Promise<Page<Order>> {
    return this.ledger.page(MARKET_KEYS.order, [slot, zone], pageSize, bookmark, dOrder);
  }
  async pageOrdersOf(owner: string, pageSize: number, bookmark: string): Promise<Page<Order>> {
    const page = await this.ledger.page(MARKET_KEYS.byOwner, [owner], pageSize, bookmark, dId);
    const items: Entry<Order>[] = [];
    for (const e of page.items) {
      const o = await this.order(e.attributes[1] ?? '', e.attributes[2] ?? '', e.value.id);
      if (o) items.push({ ...e, value: o });
    }
    return { items, bookmark: page.bookmark };
  }
  /** A participant's order index (a range read: Leave only). */
  async orderRefsOf(owner: string): Promise<{ slot: string; zone: string; id: string }[]> {
    return (await this.ledger.list(MARKET_KEYS.byOwner, [owner], dId)).map((e) => ({ slot: e.attributes[1] ?? '', zone: e.attributes[2] ?? '', id: e.value.id }));
  }

  // --- the book freeze -----------------------------------------------------------------------
  /** The freeze of a slot's book, if matching has started (a point read every order mutation makes). */
  async bookFreeze(slot: string, zone: string): Promise<BookFreeze | undefined> {
    return this.ledger.get(this.ledger.key(MARKET_KEYS.book, slot, zone), dBook);
  }
  async saveBookFreeze(f: BookFreeze): Promise<void> {
    await this.ledger.put(this.ledger.key(MARKET_KEYS.book, f.slot, f.zone), f);
  }

  // --- clearing and trades ------------------------------------------------------------------
  private clearingKey(slot: string, zone: string): string {
    return this.ledger.key(MARKET_KEYS.clearing, slot, zone);
  }
  async clearing(slot: string, zone: string): Promise<Clearing | undefined> {
    return this.ledger.get(this.clearingKey(slot, zone), dClearing);
  }
  async saveClearing(c: Clearing): Promise<void> {
    await this.ledger.put(this.clearingKey(c.slot, c.zone), c);
  }
  private tradeKey(slot: string, zone: string, buyOrderId: string, n: number): string {
    return this.ledger.key(MARKET_KEYS.trade, slot, zone, buyOrderId, sortableNumber(n, 6));
  }
  async saveTrade(t: Trade, isNew: boolean): Promise<void> {
    await this.ledger.put(this.tradeKey(t.slot, t.zone, t.buyOrderId, t.n), t);
    if (isNew) {
      const ref = { buyOrderId: t.buyOrderId, n: t.n, slot: t.slot, zone: t.zone };
      await this.ledger.put(this.ledger.key(MARKET_KEYS.tradeBy, t.buyer, t.slot, t.zone, t.id), ref);
      await this.ledger.put(this.ledger.key(MARKET_KEYS.tradeBy, t.seller, t.slot, t.zone, t.id), ref);
    }
  }
  /** The trades of one buy order, in order. */
  async tradesOfBuyOrder(slot: string, zone: string, buyOrderId: string): Promise<Trade[]> {
    return (await this.ledger.list(MARKET_KEYS.trade, [slot, zone, buyOrderId], dTrade)).map((e) => e.value);
  }
  async pageTrades(slot: string, zone: string, pageSize: number, bookmark: string): Promise<Page<Trade>> {
    return this.ledger.page(MARKET_KEYS.trade, [slot, zone], pageSize, bookmark, dTrade);
  }
  async pageTradesOf(eid: string, attrs: string[], pageSize: number, bookmark: string): Promise<Page<Trade>> {
    const page = await this.ledger.page(MARKET_KEYS.tradeBy, [eid, ...attrs], pageSize, bookmark, dTradeRef);
    const items: Entry<Trade>[] = [];
    for (const e of page.items) {
      const t = await this.ledger.get(this.tradeKey(e.value.slot, e.value.zone, e.value.buyOrderId, e.value.n), dTrade);
      if (t) items.push({ ...e, value: t });
    }
    return { items, bookmark: page.bookmark };
  }
  async tradesOf(eid: string, slot: string, zone: string): Promise<Trade[]> {
    const refs = await this.ledger.list(MARKET_KEYS.tradeBy, [eid, slot, zone], dTradeRef);
    const out: Trade[] = [];
    for (const e of refs) {
      const t = await this.ledger.get(this.tradeKey(e.value.slot, e.value.zone, e.value.buyOrderId, e.value.n), dTrade);
      if (t) out.push(t);
    }
    return out;
  }

  // --- PPAs -----------------------------------------------------------------------------
  async ppa(id: string): Promise<Ppa | undefined> {
    const ref = await this.ledger.get(this.ledger.key(MARKET_KEYS.ppaId, keyPart('ppaId', id)), dZoneRef);
    if (!ref) return undefined;
    return (await this.ledger.get(this.ledger.key(MARKET_KEYS.ppa, ref.zone, id), dPpa)) ?? this.ledger.get(this.ppaProposalKey(id), dPpa);
  }
  private ppaProposalKey(id: string): string {
    return this.ledger.key(MARKET_KEYS.ppaProposal, keyPart('ppaId', id));
  }
  async requirePpa(id: string): Promise<Ppa> {
    const p = await this.ppa(id);
    if (!p) return this.ledger.require(this.ledger.key(MARKET_KEYS.ppaId, id), dPpa, 'PPA', id);
    return p;
  }
  /**
   * A proposed (or rejected) PPA stays out of every range a write path reads; acceptance puts it
   * under both its meters. The proposer's index entry is written at proposal, the counterparty's at
   * acceptance, so a stranger's proposals never reach what the counterparty's `Leave` reads.
   */
  async savePpa(p: Ppa, isNew: boolean): Promise<void> {
    if (p.status === 'proposed' || p.status === 'rejected') await this.ledger.put(this.ppaProposalKey(p.id), p);
    else {
      await this.ledger.put(this.ledger.key(MARKET_KEYS.ppa, p.zone, p.id), p);
      for (const meter of [p.sellerMeter, p.buyerMeter]) await this.ledger.put(this.ppaMeterKey(meter, p), p);
      if (p.status === 'active' && !isNew) {
        await this.ledger.delete(this.ppaProposalKey(p.id));
        await this.ledger.put(this.ledger.key(MARKET_KEYS.ppaBy, p.proposedBy === p.seller ? p.buyer : p.seller, p.id), { zone: p.zone });
      }
    }
    if (isNew) {
      await this.ledger.put(this.ledger.key(MARKET_KEYS.ppaId, p.id), { zone: p.zone });
      await this.ledger.put(this.ledger.key(MARKET_KEYS.ppaBy, p.proposedBy, p.id), { zone: p.zone });
    }
  }
  private ppaMeterKey(meter: string, p: Ppa): string {
    return orderedKey(MARKET_KEYS.ppaMeter, keyPart('meter', meter), new Date(Date.parse(p.lastSlot)).toISOString(), keyPart('ppaId', p.id));
  }
  /**
   * The accepted PPAs of `meter` (as seller's or buyer's meter) whose last slot is `fromSlot` or
   * later: a bounded read (at most MAX_LIVE_PPAS_PER_METER + 1 entries) starting at `fromSlot`, so
   * PPAs that ended earlier are neither read nor re-checked at commit. More than the cap cannot be
   * there (acceptance refuses it); if it were, the read refuses rather than decide on a part.
   */
  async livePpasOf(meter: string, fromSlot: string): Promise<Ppa[]> {
    const range = orderedPrefixRange(MARKET_KEYS.ppaMeter, keyPart('meter', meter));
    const start = orderedKey(MARKET_KEYS.ppaMeter, meter, new Date(Date.parse(fromSlot)).toISOString());
    const read = await this.ledger.readRange(start, range.end, MAX_LIVE_PPAS_PER_METER + 1, dPpa);
    if (read.items.length > MAX_LIVE_PPAS_PER_METER) throw new ConflictError(`meter ${meter} has more than ${MAX_LIVE_PPAS_PER_METER} PPAs ending at or after ${fromSlot}`);
    return read.items.map((e) => e.value);
  }
  /** The participant's PPAs: those it proposed, and those it accepted (an unbounded read of its own acts only). */
  async ppaIdsOf(eid: string): Promise<string[]> {
    return (await this.ledger.list(MARKET_KEYS.ppaBy, [eid], dZoneRef)).map((e) => e.attributes[1] ?? '');
  }
  async ppaSettlement(ppaId: string, slot: string): Promise<PpaSettlement | undefined> {
    return this.ledger.get(this.ledger.key(MARKET_KEYS.ppaSettle, ppaId, slot), dPpaSettle);
  }
  async savePpaSettlement(s: PpaSettlement): Promise<void> {
    await this.ledger.put(this.ledger.key(MARKET_KEYS.ppaSettle, s.ppaId, s.slot), s);
  }
  async pagePpaSettlements(ppaId: string, pageSize: number, bookmark: string): Promise<Page<PpaSettlement>> {
    return this.ledger.page(MARKET_KEYS.ppaSettle, [ppaId], pageSize, bookmark, dPpaSettle);
  }

  // --- emergencies ------------------------------------------------------------------------
  async emergency(id: string): Promise<Emergency | undefined> {
    return this.ledger.get(this.ledger.key(MARKET_KEYS.emergency, keyPart('emergencyId', id)), dEmergency);
  }
  async requireEmergency(id: string): Promise<Emergency> {
    return this.ledger.require(this.ledger.key(MARKET_KEYS.emergency, keyPart('emergencyId', id)), dEmergency, 'emergency', id);
  }
  async saveEmergency(e: Emergency): Promise<void> {
    await this.ledger.put(this.ledger.key(MARKET_KEYS.emergency, e.id), e);
  }
  async offers(emergencyId: string): Promise<Offer[]> {
    return (await this.ledger.list(MARKET_KEYS.offer, [emergencyId], dOffer)).map((e) => e.value);
  }
  /** The owner's offer on the emergency, if it made one (a point read). */
  async offerOf(emergencyId: string, owner: string): Promise<string | undefined> {
    return (await this.ledger.get(this.ledger.key(MARKET_KEYS.offerBy, keyPart('emergencyId', emergencyId), keyPart('eid', owner)), dId))?.id;
  }
  async saveOffer(o: Offer): Promise<void> {
    await this.ledger.put(this.ledger.key(MARKET_KEYS.offer, o.emergencyId, o.id), o);
    await this.ledger.put(this.ledger.key(MARKET_KEYS.offerBy, o.emergencyId, o.owner), { id: o.id });
  }

  // --- assignments ---------------------------------------------------------------------------
  private activeKey(meter: string, createdAt: string, id: string): string {
    return orderedKey(MARKET_KEYS.assign, keyPart('meter', meter), createdAt, keyPart('assignmentId', id));
  }
  private doneKey(id: string): string {
    return this.ledger.key(MARKET_KEYS.assignDone, keyPart('assignmentId', id));
  }
  async assignment(id: string): Promise<Assignment | undefined> {
    const ref = await this.ledger.get(this.ledger.key(MARKET_KEYS.assignId, keyPart('assignmentId', id)), dAssignRef);
    if (!ref) return undefined;
    return (await this.ledger.get(this.activeKey(ref.meter, ref.createdAt, id), dAssign)) ?? this.ledger.get(this.doneKey(id), dAssign);
  }
  async requireAssignment(id: string): Promise<Assignment> {
    const a = await this.assignment(id);
    if (!a) return this.ledger.require(this.ledger.key(MARKET_KEYS.assignId, id), dAssign, 'assignment', id);
    return a;
  }
  /** An active assignment is kept in its meter's range; a closed one leaves it. */
  async saveAssignment(a: Assignment, isNew: boolean): Promise<void> {
    const active = this.activeKey(a.meter, a.createdAt, a.id);
    if (a.status === 'active') {
      await this.ledger.put(active, a);
    } else {
      await this.ledger.delete(active);
      await this.ledger.put(this.doneKey(a.id), a);
    }
    if (isNew) await this.ledger.put(this.ledger.key(MARKET_KEYS.assignId, a.id), { meter: a.meter, createdAt: a.createdAt });
  }
  /**
   * A station's active assignments in seniority order, at most MAX_ACTIVE_ASSIGNMENTS (a bounded
   * read over that meter only); with `createdBefore`, only those created before it (the range
   * ends there, so assignments made later are neither read nor re-checked at commit).
   */
  async assignmentsOf(meter: string, createdBefore?: string): Promise<Assignment[]> {
    const range = orderedPrefixRange(MARKET_KEYS.assign, keyPart('meter', meter));
    const end = createdBefore === undefined ? range.end : orderedKey(MARKET_KEYS.assign, meter, createdBefore);
    return (await this.ledger.readRange(range.start, end, MAX_ACTIVE_ASSIGNMENTS, dAssign)).items.map((e) => e.value);
  }
}
