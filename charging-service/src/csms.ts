/**
 * The charging station management service (CSMS), OCPP 1.6J over WebSocket
 * with ocpp-rpc in strict mode (every frame validated against the OCPP
 * schemas both ways). Charge points connect with their identity and an HTTP
 * Basic password: security profile 1, or with `tls` the CSMS listens on TLS
 * (>= 1.2) with a server certificate (tls.ts): profile 2. It relays:
 *   ReserveNow          <- a ReservationBooked chaincode event for one of its chargers
 *   RemoteStartTransaction <- a SessionStarted (instant: scan to pay over REST) event for one of its chargers
 *   Authorize(code)     -> charging:VerifyCode; answers the reservation's parentIdTag
 *   StartTransaction    -> charging:StartReserved (the code re-verified on chain)
 *   MeterValues         -> charging:RecordMeter (Energy.Active.Import.Register)
 *   StopTransaction     -> charging:StopSession (settles on chain)
 *   StatusNotification  -> charging:SetConnectorState
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { RPCServer } from 'ocpp-rpc';
import { GatewayClient, GatewayError, type ChaincodeEvent } from './gateway-client';
import { energyWh, type MeterValue } from './meter-values';
import { TransactionMap } from './transaction-map';

export interface CsmsOptions {
  port: number;
  host?: string;
  gatewayUrl: string;
  /** The API key of the identity that runs these chargers (the provider's holder, or the platform operator). */
  apiKey: string;
  /** Charger identity -> its Basic-auth password (OCPP AuthorizationKey). */
  chargers: Record<string, string>;
  /** Where the OCPP transaction -> session map is kept across restarts (in memory when omitted). */
  stateFile?: string;
  /** Security profile 2: listen on TLS (>= 1.2) with this server certificate and key (tls.ts makes one). */
  tls?: { cert: string; key: string };
  log?: (message: string) => void;
}

interface RpcClient {
  identity: string;
  handle(method: string, handler: (call: { params: Record<string, unknown> }) => Promise<Record<string, unknown>>): void;
  call(method: string, params: unknown): Promise<unknown>;
}

interface ReservationEvent {
  id: string;
  chargerId: string;
  connectorId: number;
  end: string;
  parentTag: string;
  ocppReservationId: number;
}

interface SessionEvent {
  id: string;
  pointId: string;
  connectorId: number;
  mode: 'reserved' | 'instant';
}

/** The payloads named `name` of a chaincode event, unpacking a `Batch`. */
function eventsIn<T>(e: ChaincodeEvent, name: string): T[] {
  if (e.eventName === name) return [e.payload as T];
  const batch = (e.payload as { events?: { name: string; payload: unknown }[] } | undefined)?.events ?? [];
  return batch.filter((x) => x.name === name).map((x) => x.payload as T);
}

/** The OCPP idTag (at most 20 characters) a remote start gives an instant session; only the charger it was sent to may start with it. */
export function remoteTag(sessionId: string): string {
  return `S${sessionId.slice(4, 23).toUpperCase()}`;
}

const STATUS_TO_STATE: Record<string, 'available' | 'out-of-service' | undefined> = { Available: 'available', Unavailable: 'out-of-service', Faulted: 'out-of-service' };

export class Csms {
  private readonly server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
  private readonly gateway: GatewayClient;
  private readonly clients = new Map<string, RpcClient>();
  /** OCPP transactionId -> session ID (persisted, transaction-map.ts); idTag -> reservation it opened (per charger). */
  private readonly sessions: TransactionMap;
  private readonly codes = new Map<string, string>();
  /** `charger|idTag` -> the instant session a RemoteStartTransaction was sent for (until its StartTransaction). */
  private readonly remoteStarts = new Map<string, string>();
  /** Charger identity -> its charge point ID (cached). */
  private readonly points = new Map<string, string>();
  private https: Server | undefined;
  private readonly stop = new AbortController();
  private readonly log: (m: string) => void;

  constructor(private readonly options: CsmsOptions) {
    this.gateway = new GatewayClient(options.gatewayUrl, options.apiKey);
    this.sessions = new TransactionMap(options.stateFile);
    this.log = options.log ?? (() => undefined);
    this.server.auth((accept, reject, handshake) => {
      const expected = options.chargers[handshake.identity];
      const given = handshake.password;
      if (expected === undefined || !given || given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
        reject(401, 'unknown charger or wrong password');
        return;
      }
      accept();
    });
    this.server.on('client', (client: RpcClient) => {
      this.attach(client);
    });
  }

  async start(): Promise<void> {
    if (this.options.tls) {
      const https = createServer({ cert: this.options.tls.cert, key: this.options.tls.key, minVersion: 'TLSv1.2' });
      const upgrade = this.server.handleUpgrade as (...args: unknown[]) => Promise<void>;
      https.on('upgrade', (req, socket, head) => {
        upgrade(req, socket, head).catch((e: unknown) => {
          this.log(`TLS upgrade failed: ${String(e)}`);
        });
      });
      await new Promise<void>((resolve, reject) => {
        https.once('error', reject);
        https.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
          resolve();
        });
      });
      this.https = https;
    } else {
      await this.server.listen(this.options.port, this.options.host ?? '127.0.0.1');
    }
    // A transaction that emits several events sends them as one `Batch` event (the chaincode kit's rule).
    void this.gateway.events(['ReservationBooked', 'SessionStarted', 'Batch'], (e) => {
      for (const r of eventsIn<ReservationEvent>(e, 'ReservationBooked')) void this.reserveNow(r).catch((err: unknown) => { this.log(`ReserveNow ${r.id} failed: ${String(err)}`); });
      for (const s of eventsIn<SessionEvent>(e, 'SessionStarted')) {
        if (s.mode === 'instant') void this.remoteStart(s).catch((err: unknown) => { this.log(`RemoteStartTransaction ${s.id} failed: ${String(err)}`); });
      }
    }, this.stop.signal).catch((e: unknown) => {
      if (!this.stop.signal.aborted) this.log(`event stream ended: ${String(e)}`);
    });
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.server.close({ force: true });
    if (this.https) {
      const https = this.https;
      this.https = undefined;
      https.closeAllConnections();
      await new Promise<void>((resolve) => {
        https.close(() => {
          resolve();
        });
      });
    }
  }

  /** Scan to pay: the driver started an instant session over REST; the charger of its point is told to start it (OCPP RemoteStartTransaction). */
  private async remoteStart(s: SessionEvent): Promise<void> {
    for (const chargerId of this.clients.keys()) {
      if ((await this.pointIdOf(chargerId)) !== s.pointId) continue;
      const client = this.clients.get(chargerId);
      if (!client) return;
      const idTag = remoteTag(s.id);
      this.remoteStarts.set(`${chargerId}|${idTag}`, s.id);
      const answer = (await client.call('RemoteStartTransaction', { idTag, connectorId: s.connectorId })) as { status: string };
      this.log(`RemoteStartTransaction ${s.id} -> ${chargerId}: ${answer.status}`);
      if (answer.status !== 'Accepted') this.remoteStarts.delete(`${chargerId}|${idTag}`);
      return;
    }
  }

  private async pointIdOf(chargerId: string): Promise<string> {
    const known = this.points.get(chargerId);
    if (known) return known;
    const { point } = await this.pointOf(chargerId);
    this.points.set(chargerId, point.id);
    return point.id;
  }

  private async reserveNow(r: ReservationEvent): Promise<void> {
    const client = this.clients.get(r.chargerId);
    if (!client) return;
    const answer = (await client.call('ReserveNow', { connectorId: r.connectorId, expiryDate: r.end, idTag: r.parentTag, parentIdTag: r.parentTag, reservationId: r.ocppReservationId })) as { status: string };
    this.log(`ReserveNow ${r.id} -> ${r.chargerId}: ${answer.status}`);
  }

  private attach(client: RpcClient): void {
    const id = client.identity;
    this.clients.set(id, client);
    client.handle('BootNotification', () => Promise.resolve({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
    client.handle('Heartbeat', () => Promise.resolve({ currentTime: new Date().toISOString() }));
    client.handle('StatusNotification', ({ params }) => this.status(id, params));
    client.handle('Authorize', ({ params }) => this.authorize(id, params));
    client.handle('StartTransaction', ({ params }) => this.startTransaction(id, params));
    client.handle('MeterValues', ({ params }) => this.meterValues(params));
    client.handle('StopTransaction', ({ params }) => this.stopTransaction(params));
  }

  private async pointOf(chargerId: string): Promise<{ point: { id: string; connectors: { connectorId: number }[] } }> {
    return this.gateway.tx('charging/point-of-charger', { chargerId });
  }

  private async status(chargerId: string, p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const state = STATUS_TO_STATE[String(p.status)];
    const connectorId = Number(p.connectorId);
    if (!state || connectorId === 0) return {};
    try {
      const { point } = await this.pointOf(chargerId);
      await this.gateway.tx('charging/set-connector-state', { pointId: point.id, connectorId, state });
    } catch (e) {
      this.log(`StatusNotification ${chargerId}/${connectorId} not recorded: ${String(e)}`);
    }
    return {};
  }

  /** Finds the connector whose current reservation this code opens. */
  private async authorize(chargerId: string, p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const code = String(p.idTag);
    if (this.remoteStarts.has(`${chargerId}|${code}`)) return { idTagInfo: { status: 'Accepted' } };
    const { point } = await this.pointOf(chargerId);
    for (const c of point.connectors) {
      const check = await this.verify(chargerId, c.connectorId, code);
      if (check.accepted && check.parentTag) return { idTagInfo: { status: 'Accepted', parentIdTag: check.parentTag } };
    }
    return { idTagInfo: { status: 'Invalid' } };
  }

  private async verify(chargerId: string, connectorId: number, code: string): Promise<{ accepted: boolean; reservationId?: string; parentTag?: string }> {
    try {
      const check = await this.gateway.tx<{ accepted: boolean; reservationId?: string; parentTag?: string }>('charging/verify-code', { chargerId, connectorId }, { code });
      if (check.accepted && check.reservationId) this.codes.set(`${chargerId}|${code}`, check.reservationId);
      return check;
    } catch (e) {
      if (e instanceof GatewayError && e.status === 400) return { accepted: false }; // not a code at all
      throw e;
    }
  }

  /** The spec wants an answer to every StartTransaction: a refusal is transactionId 0 with Invalid. */
  private async startTransaction(chargerId: string, p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const code = String(p.idTag);
    const remote = this.remoteStarts.get(`${chargerId}|${code}`);
    if (remote) return this.startRemote(chargerId, code, remote, p);
    const check = await this.verify(chargerId, Number(p.connectorId), code);
    const reservationId = check.reservationId ?? this.codes.get(`${chargerId}|${code}`);
    if (!check.accepted || !reservationId) return { transactionId: 0, idTagInfo: { status: 'Invalid' } };
    try {
      const session = await this.gateway.tx<{ id: string }>('charging/start-reserved', { reservationId, meterStartWh: String(p.meterStart) }, { code });
      const transactionId = this.sessions.add(session.id);
      return { transactionId, idTagInfo: { status: 'Accepted', parentIdTag: check.parentTag } };
    } catch (e) {
      this.log(`StartTransaction ${chargerId} refused: ${String(e)}`);
      return { transactionId: 0, idTagInfo: { status: 'Invalid' } };
    }
  }

  /** The StartTransaction of a remote start: the session exists on chain; its first reading is the meter start. */
  private async startRemote(chargerId: string, idTag: string, sessionId: string, p: Record<string, unknown>): Promise<Record<string, unknown>> {
    try {
      await this.gateway.tx('charging/record-meter', { sessionId, meterWh: String(p.meterStart) });
      this.remoteStarts.delete(`${chargerId}|${idTag}`);
      return { transactionId: this.sessions.add(sessionId), idTagInfo: { status: 'Accepted' } };
    } catch (e) {
      this.log(`StartTransaction (remote) ${chargerId} refused: ${String(e)}`);
      return { transactionId: 0, idTagInfo: { status: 'Invalid' } };
    }
  }

  private async meterValues(p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const sessionId = this.sessions.get(Number(p.transactionId));
    const wh = energyWh(p.meterValue as MeterValue[]);
    if (sessionId && wh !== undefined) {
      try {
        await this.gateway.tx('charging/record-meter', { sessionId, meterWh: wh });
      } catch (e) {
        this.log(`MeterValues for ${sessionId} refused: ${String(e)}`);
      }
    }
    return {};
  }

  /** A CSMS cannot refuse a stop; a failed settlement is logged and the charger told Accepted so its queue moves on. */
  private async stopTransaction(p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const sessionId = this.sessions.get(Number(p.transactionId));
    if (!sessionId) return { idTagInfo: { status: 'Invalid' } };
    try {
      await this.gateway.tx('charging/stop-session', { sessionId, meterStopWh: String(p.meterStop) });
      this.sessions.delete(Number(p.transactionId));
    } catch (e) {
      this.log(`StopTransaction for ${sessionId} not settled: ${String(e)}`);
    }
    return { idTagInfo: { status: 'Accepted' } };
  }
}
