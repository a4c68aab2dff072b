/**
 * Charging state access. Key scheme (Fabric composite keys):
 *
 *   charging.config                                          ChargingConfig
 *   charging.point     ~<zone>~<pointId>                     Point      (search range-reads one zone)
 *   charging.point-id  ~<pointId>                            { zone }
 *   charging.charger   ~<chargerId>                          { pointId } the OCPP identity, unique
 *   charging.connector ~<pointId>~<connectorId:2>            Connector  availability + the active session
 *   charging.slot      ~<pointId>~<connectorId:2>~<slotMs:15> { reservationId }  one 15-minute slot taken
 *   charging.rsv       ~<reservationId>                      Reservation
 *   charging.ses       ~<sessionId>                          Session
 *
 * Why (MVCC): a reservation reads, then writes, every slot key of its window,
 * so two overlapping reservations of one connector touch the same key and at
 * most one of them commits (the other fails validation with
 * MVCC_READ_CONFLICT, or is refused at endorsement if the first committed).
 * Starting a session reads and writes the connector key, so two starts on one
 * connector cannot both commit either; an instant start also reads the
 * current slot key, so it cannot take a connector reserved for now.
 */
import { decoder, keyPart, NotFoundError, sortableNumber, type Ledger } from '@dec/chaincode-kit';
import { z } from 'zod';
import { chargingConfigSchema, connectorSchema, pointSchema, reservationSchema, sessionSchema, type ChargingConfig, type Connector, type Point, type Reservation, type Session } from './state';

export const CHARGING_KEYS = {
  config: 'charging.config',
  point: 'charging.point',
  pointId: 'charging.point-id',
  charger: 'charging.charger',
  connector: 'charging.connector',
  slot: 'charging.slot',
  reservation: 'charging.rsv',
  session: 'charging.ses',
} as const;

const dConfig = decoder(chargingConfigSchema, 'charging config');
const dPoint = decoder(pointSchema, 'charge point');
const dConnector = decoder(connectorSchema, 'connector');
const dReservation = decoder(reservationSchema, 'reservation');
const dSession = decoder(sessionSchema, 'session');
const dZone = decoder(z.object({ zone: z.string() }), 'point index');
const dPointRef = decoder(z.object({ pointId: z.string() }), 'charger index');
const dSlot = decoder(z.object({ reservationId: z.string() }), 'slot');

export class ChargingStore {
  constructor(private readonly ledger: Ledger) {}

  async config(): Promise<ChargingConfig | undefined> {
    return this.ledger.get(this.ledger.key(CHARGING_KEYS.config), dConfig);
  }

  async putConfig(c: ChargingConfig): Promise<void> {
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.config), c);
  }

  async point(id: string): Promise<Point | undefined> {
    const ref = await this.ledger.get(this.ledger.key(CHARGING_KEYS.pointId, keyPart('pointId', id)), dZone);
    return ref ? this.ledger.get(this.ledger.key(CHARGING_KEYS.point, ref.zone, id), dPoint) : undefined;
  }

  async requirePoint(id: string): Promise<Point> {
    const p = await this.point(id);
    if (!p) throw new NotFoundError('charge point', id);
    return p;
  }

  async pointOfCharger(chargerId: string): Promise<string | undefined> {
    return (await this.ledger.get(this.ledger.key(CHARGING_KEYS.charger, keyPart('chargerId', chargerId)), dPointRef))?.pointId;
  }

  async addPoint(p: Point): Promise<void> {
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.point, keyPart('zone', p.zone), keyPart('pointId', p.id)), p);
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.pointId, p.id), { zone: p.zone });
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.charger, p.chargerId), { pointId: p.id });
  }

  /** At most `limit` points of a zone, in key order; `more` when the zone holds more. */
  async pointsInZone(zone: string, limit: number): Promise<{ points: Point[]; more: boolean }> {
    const entries = await this.ledger.page(CHARGING_KEYS.point, [keyPart('zone', zone)], limit + 1, '', dPoint);
    return { points: entries.items.slice(0, limit).map((e) => e.value), more: entries.items.length > limit };
  }

  private connectorKey(pointId: string, connectorId: number): string {
    return this.ledger.key(CHARGING_KEYS.connector, pointId, sortableNumber(connectorId, 2));
  }

  async connector(pointId: string, connectorId: number): Promise<Connector | undefined> {
    return this.ledger.get(this.connectorKey(pointId, connectorId), dConnector);
  }

  async putConnector(c: Connector): Promise<void> {
    await this.ledger.put(this.connectorKey(c.pointId, c.connectorId), c);
  }

  private slotKey(pointId: string, connectorId: number, slotMs: number): string {
    return this.ledger.key(CHARGING_KEYS.slot, pointId, sortableNumber(connectorId, 2), sortableNumber(slotMs, 15));
  }

  async slot(pointId: string, connectorId: number, slotMs: number): Promise<string | undefined> {
    return (await this.ledger.get(this.slotKey(pointId, connectorId, slotMs), dSlot))?.reservationId;
  }

  async takeSlot(pointId: string, connectorId: number, slotMs: number, reservationId: string): Promise<void> {
    await this.ledger.put(this.slotKey(pointId, connectorId, slotMs), { reservationId });
  }

  async freeSlot(pointId: string, connectorId: number, slotMs: number): Promise<void> {
    await this.ledger.delete(this.slotKey(pointId, connectorId, slotMs));
  }

  async reservation(id: string): Promise<Reservation | undefined> {
    return this.ledger.get(this.ledger.key(CHARGING_KEYS.reservation, keyPart('reservationId', id)), dReservation);
  }

  async requireReservation(id: string): Promise<Reservation> {
    const r = await this.reservation(id);
    if (!r) throw new NotFoundError('reservation', id);
    return r;
  }

  async putReservation(r: Reservation): Promise<void> {
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.reservation, r.id), r);
  }

  async session(id: string): Promise<Session | undefined> {
    return this.ledger.get(this.ledger.key(CHARGING_KEYS.session, keyPart('sessionId', id)), dSession);
  }

  async requireSession(id: string): Promise<Session> {
    const s = await this.session(id);
    if (!s) throw new NotFoundError('session', id);
    return s;
  }

  async putSession(s: Session): Promise<void> {
    await this.ledger.put(this.ledger.key(CHARGING_KEYS.session, s.id), s);
  }
}
