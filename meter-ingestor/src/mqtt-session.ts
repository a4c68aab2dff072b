/**
 * The ingestor's MQTT connection, on `mqtt-packet` (the codec MQTT.js itself
 * uses) instead of an MQTT.js client. Why not MQTT.js: the ingestor may
 * acknowledge a reading (PUBACK) only after the ledger committed the batch
 * holding it, seconds after delivery, while later readings keep arriving to
 * fill the next batches. MQTT.js sends the PUBACK itself; its hook for a later
 * PUBACK, `customHandleAcks(topic, message, packet, done)`, exists only for
 * MQTT 5, and MQTT.js handles incoming packets one at a time, each after the
 * previous one's `done`: deferring `done` until commit stops every later
 * PUBLISH (and PINGRESP) at the first one (measured with mqtt 5.16: a second
 * message arrives only once the first is acknowledged). A batch would then
 * hold one reading. Here a delivery carries its own `ack()`, callable at any
 * time, and packets keep flowing.
 *
 * One object is one connection (no reconnection: the owner opens a new one),
 * MQTT 3.1.1: CONNECT (clean or persistent session, optional username and
 * password, plain TCP or TLS), SUBSCRIBE, incoming QoS 0/1 PUBLISH, QoS 1
 * PUBLISH out (resolves on PUBACK), PINGREQ keep-alive with a PINGRESP
 * timeout, DISCONNECT. A delivery's `ack()` answers on this connection and
 * only while it is up: a PUBACK on a later connection would name a packet ID
 * of that session, not this message.
 */
import { generate, parser, type IConnackPacket, type IConnectPacket, type Packet } from 'mqtt-packet';
import net from 'node:net';
import tls from 'node:tls';

export interface MqttSessionOptions {
  /** mqtt://host:port or mqtts://host:port (TLS; `tls` adds CA, client certificate, …). */
  url: string;
  clientId: string;
  /** false = persistent session: the broker keeps the subscription and unacknowledged messages while away. */
  clean: boolean;
  username?: string;
  password?: string;
  tls?: tls.ConnectionOptions;
  /** Keep-alive announced to the broker (default 30 s): PINGREQ every half of it; no PINGRESP by the next one closes the connection. */
  keepaliveSeconds?: number;
  /** Longest wait for the socket and CONNACK (default 10 s). */
  connectTimeoutMs?: number;
}

/** A message the broker delivered on one connection. */
export interface Delivery {
  readonly topic: string;
  readonly payload: Buffer;
  /** The connection that delivered it: the only one that can acknowledge it. */
  readonly via: MqttSession;
  /** PUBACK for a QoS 1 message, if its connection is still up; otherwise the broker delivers it again later. */
  ack(): void;
}

export interface SessionHandlers {
  /** Called for every PUBLISH, including redeliveries that arrive together with CONNACK. */
  onMessage(delivery: Delivery): void;
  /** Called once when a connection the broker had accepted is gone, however it went. */
  onClose(session: MqttSession): void;
}

type Waiter = { resolve(packet: Packet): void; reject(e: Error): void };

const CONNACK_REFUSED = ['', 'unacceptable protocol version', 'identifier rejected', 'server unavailable', 'bad user name or password', 'not authorized'];

export class MqttSession {
  private readonly waiters = new Map<string, Waiter>();
  private nextPacketId = 1;
  private open = false;
  private accepted = false;
  private pingOutstanding = false;
  private keepalive: NodeJS.Timeout | undefined;

  private constructor(
    private readonly socket: net.Socket,
    private readonly handlers: SessionHandlers,
  ) {
    const decode = parser({ protocolVersion: 4 });
    decode.on('packet', (p: Packet) => {
      this.onPacket(p);
    });
    decode.on('error', (e: Error) => this.socket.destroy(e));
    socket.on('data', (chunk: Buffer) => decode.parse(chunk));
    socket.on('error', () => undefined); // 'close' follows and says it all
    socket.on('close', () => {
      this.onSocketClosed();
    });
  }

  /** Connects and waits for CONNACK. `sessionPresent`: the broker resumed the persistent session. */
  static async open(o: MqttSessionOptions, handlers: SessionHandlers): Promise<{ session: MqttSession; sessionPresent: boolean }> {
    const session = new MqttSession(connectSocket(o), handlers);
    const timer = setTimeout(() => session.socket.destroy(new Error('timeout')), o.connectTimeoutMs ?? 10_000);
    try {
      const keepaliveSeconds = o.keepaliveSeconds ?? 30;
      const connect: IConnectPacket = { cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clientId: o.clientId, clean: o.clean, keepalive: keepaliveSeconds, username: o.username, password: o.password === undefined ? undefined : Buffer.from(o.password) };
      const connack = (await session.request(connect, 'connack')) as IConnackPacket;
      if (connack.returnCode) throw new Error(`broker refused the connection: ${CONNACK_REFUSED[connack.returnCode] ?? `code ${connack.returnCode}`}`);
      session.startKeepalive(keepaliveSeconds);
      return { session, sessionPresent: connack.sessionPresent };
    } catch (e) {
      session.destroy();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** CONNACK accepted and the socket still up. */
  get connected(): boolean {
    return this.open;
  }

  /** Subscribes at QoS 1; fails if the broker refuses the subscription. */
  async subscribe(topic: string): Promise<void> {
    const messageId = this.packetId();
    const suback = await this.request({ cmd: 'subscribe', messageId, subscriptions: [{ topic, qos: 1 }] }, `suback:${messageId}`);
    const granted = suback.cmd === 'suback' ? suback.granted[0] : undefined;
    if (granted !== 0 && granted !== 1) throw new Error(`broker refused the subscription to ${topic}`);
  }

  /** Publishes at QoS 1 and resolves on PUBACK. */
  async publish(topic: string, payload: string | Buffer): Promise<void> {
    const messageId = this.packetId();
    await this.request({ cmd: 'publish', topic, payload, qos: 1, messageId, retain: false, dup: false }, `puback:${messageId}`);
  }

  /** DISCONNECT, then closes: the broker keeps a persistent session's unacknowledged messages. */
  async end(): Promise<void> {
    if (this.socket.destroyed) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => { resolve(); }));
    if (this.open) this.socket.end(generate({ cmd: 'disconnect' }));
    else this.socket.destroy();
    await closed;
  }

  /** Drops the connection at once, as a crash would. */
  destroy(): void {
    this.socket.destroy();
  }

  private onPacket(p: Packet): void {
    if (p.cmd === 'publish') {
      this.deliver(p.topic, Buffer.isBuffer(p.payload) ? p.payload : Buffer.from(p.payload), p.qos === 1 ? p.messageId : undefined);
      return;
    }
    if (p.cmd === 'pingresp') this.pingOutstanding = false;
    if (p.cmd === 'connack') {
      this.open = p.returnCode === 0;
      this.accepted = this.open;
    }
    const key = p.cmd === 'connack' ? 'connack' : `${p.cmd}:${p.messageId ?? ''}`;
    const waiter = this.waiters.get(key);
    this.waiters.delete(key);
    waiter?.resolve(p);
  }

  private deliver(topic: string, payload: Buffer, messageId: number | undefined): void {
    if (!this.open) return;
    const ack = (): void => {
      if (messageId !== undefined && this.open) this.socket.write(generate({ cmd: 'puback', messageId }));
    };
    this.handlers.onMessage({ topic, payload, via: this, ack });
  }

  /** Sends a packet and waits for the answer named `key` (connack, suback:<id>, puback:<id>). */
  private request(packet: Packet, key: string): Promise<Packet> {
    if (this.socket.destroyed) return Promise.reject(new Error('MQTT connection closed'));
    return new Promise<Packet>((resolve, reject) => {
      this.waiters.set(key, { resolve, reject });
      this.socket.write(generate(packet));
    });
  }

  /** A packet ID no outgoing request of this connection is waiting on (1..65535). */
  private packetId(): number {
    for (;;) {
      const id = this.nextPacketId;
      this.nextPacketId = id === 65_535 ? 1 : id + 1;
      if (!this.waiters.has(`puback:${id}`) && !this.waiters.has(`suback:${id}`)) return id;
    }
  }

  private startKeepalive(seconds: number): void {
    if (seconds <= 0) return;
    this.keepalive = setInterval(() => {
      if (this.pingOutstanding) {
        this.socket.destroy(new Error('no PINGRESP within the keep-alive interval'));
        return;
      }
      this.pingOutstanding = true;
      this.socket.write(generate({ cmd: 'pingreq' }));
    }, (seconds * 1000) / 2);
    this.keepalive.unref();
  }

  private onSocketClosed(): void {
    this.open = false;
    clearInterval(this.keepalive);
    const waiting = [...this.waiters.values()];
    this.waiters.clear();
    for (const w of waiting) w.reject(new Error('MQTT connection closed'));
    if (this.accepted) this.handlers.onClose(this);
  }
}

function connectSocket(o: MqttSessionOptions): net.Socket {
  const url = new URL(o.url);
  const port = Number(url.port || (url.protocol === 'mqtts:' ? 8883 : 1883));
  const host = url.hostname;
  if (url.protocol === 'mqtts:') return tls.connect({ ...o.tls, host, port, servername: o.tls?.servername ?? (net.isIP(host) ? undefined : host) });
  if (url.protocol !== 'mqtt:' && url.protocol !== 'tcp:') throw new Error(`unsupported MQTT URL ${o.url}: use mqtt:// or mqtts://`);
  return net.connect({ host, port });
}
