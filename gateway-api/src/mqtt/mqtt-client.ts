/**
 * A small MQTT 3.1.1 client over TCP: exactly what the meter ingestor and the
 * simulator need, with explicit acknowledgements. (The `mqtt` npm package is
 * not among the installed dependencies; this keeps the ingestor free of it.)
 *
 * - CONNECT with a client ID and clean-session false (a persistent session:
 *   the broker keeps subscriptions and unacknowledged QoS 1 messages while
 *   the client is away, and across its own restart when persistence is on).
 * - SUBSCRIBE at QoS 1; incoming QoS 1 PUBLISHes are NOT acknowledged
 *   automatically: the owner calls `ack(packetId)` when it is done with the
 *   message (the ingestor: once the ledger committed it). Unacknowledged
 *   messages are redelivered by the broker after a reconnect.
 * - PUBLISH at QoS 0 or 1 (resolves on PUBACK), PINGREQ keep-alive, DISCONNECT.
 * No automatic reconnection: owners reconnect with a new client object.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';

export interface MqttMessage {
  topic: string;
  payload: Buffer;
  qos: 0 | 1;
  /** Present for QoS 1: pass it to `ack`. */
  packetId?: number;
  /** The broker is redelivering it (it may have been seen before). */
  dup: boolean;
}

export interface MqttClientOptions {
  host?: string;
  port: number;
  clientId: string;
  /** false = persistent session (default). */
  clean?: boolean;
  keepaliveSeconds?: number;
  connectTimeoutMs?: number;
}

const TYPE = { CONNECT: 1, CONNACK: 2, PUBLISH: 3, PUBACK: 4, SUBSCRIBE: 8, SUBACK: 9, PINGREQ: 12, PINGRESP: 13, DISCONNECT: 14 } as const;

function encodeLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

function str(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length);
  return Buffer.concat([len, b]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

export function packet(type: number, flags: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(type << 4) | flags]), encodeLength(body.length), body]);
}

export interface RawPacket {
  type: number;
  flags: number;
  body: Buffer;
}

/** Splits a byte stream into packets; returns the packets and the unconsumed rest. */
export function parsePackets(buf: Buffer): { packets: RawPacket[]; rest: Buffer } {
  const packets: RawPacket[] = [];
  let off = 0;
  for (;;) {
    if (buf.length - off < 2) break;
    let len = 0;
    let mult = 1;
    let i = off + 1;
    let complete = false;
    for (let n = 0; n < 4 && i < buf.length; n++, i++) {
      const byte = buf[i] as number;
      len += (byte & 0x7f) * mult;
      mult *= 128;
      if ((byte & 0x80) === 0) {
        complete = true;
        i++;
        break;
      }
    }
    if (!complete) {
      if (i - off - 1 >= 4) throw new Error('malformed MQTT remaining length');
      break;
    }
    if (buf.length < i + len) break;
    const first = buf[off] as number;
    packets.push({ type: first >> 4, flags: first & 0x0f, body: buf.subarray(i, i + len) });
    off = i + len;
  }
  return { packets, rest: buf.subarray(off) };
}

export function encodePublish(topic: string, payload: Buffer, qos: 0 | 1, packetId?: number, dup = false): Buffer {
  const flags = (dup ? 0x08 : 0) | (qos << 1);
  return packet(TYPE.PUBLISH, flags, Buffer.concat([str(topic), qos > 0 ? u16(packetId ?? 0) : Buffer.alloc(0), payload]));
}

export function decodePublish(p: RawPacket): MqttMessage {
  const qos = ((p.flags >> 1) & 0x03) as 0 | 1;
  const topicLen = p.body.readUInt16BE(0);
  const topic = p.body.subarray(2, 2 + topicLen).toString('utf8');
  let off = 2 + topicLen;
  let packetId: number | undefined;
  if (qos > 0) {
    packetId = p.body.readUInt16BE(off);
    off += 2;
  }
  return { topic, payload: Buffer.from(p.body.subarray(off)), qos, packetId, dup: (p.flags & 0x08) !== 0 };
}

export class MqttClient extends EventEmitter {
  private socket: net.Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private pinger: NodeJS.Timeout | undefined;
  private closed = false;
  sessionPresent = false;

  constructor(private readonly opts: MqttClientOptions) {
    super();
  }

  get connected(): boolean {
    return this.socket !== undefined && !this.closed;
  }

  connect(): Promise<{ sessionPresent: boolean }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.opts.host ?? '127.0.0.1', port: this.opts.port });
      this.socket = socket;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`MQTT connect to ${this.opts.port} timed out`));
      }, this.opts.connectTimeoutMs ?? 5000);
      let connacked = false;
      socket.on('connect', () => {
        const keepalive = this.opts.keepaliveSeconds ?? 30;
        const flags = this.opts.clean ? 0x02 : 0x00;
        const body = Buffer.concat([str('MQTT'), Buffer.from([4, flags]), u16(keepalive), str(this.opts.clientId)]);
        socket.write(packet(TYPE.CONNECT, 0, body));
        this.pinger = setInterval(() => this.write(packet(TYPE.PINGREQ, 0, Buffer.alloc(0))), (keepalive * 1000) / 2);
      });
      socket.on('data', (chunk: Buffer) => {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        let parsed: ReturnType<typeof parsePackets>;
        try {
          parsed = parsePackets(this.buffer);
        } catch (e) {
          socket.destroy(e as Error);
          return;
        }
        this.buffer = Buffer.from(parsed.rest);
        for (const p of parsed.packets) {
          if (p.type === TYPE.CONNACK) {
            const code = p.body[1] ?? 255;
            clearTimeout(timer);
            if (code !== 0) {
              socket.destroy();
              reject(new Error(`MQTT broker refused the connection (code ${code})`));
              return;
            }
            connacked = true;
            this.sessionPresent = ((p.body[0] ?? 0) & 1) === 1;
            resolve({ sessionPresent: this.sessionPresent });
          } else this.onPacket(p);
        }
      });
      socket.on('error', (e) => {
        if (!connacked) {
          clearTimeout(timer);
          reject(e);
        }
        if (this.listenerCount('error') > 0) this.emit('error', e);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        this.shutdown(new Error('MQTT connection closed'));
        if (!connacked) reject(new Error('MQTT connection closed before CONNACK'));
      });
    });
  }

  private onPacket(p: RawPacket): void {
    switch (p.type) {
      case TYPE.PUBLISH:
        this.emit('message', decodePublish(p));
        break;
      case TYPE.PUBACK:
      case TYPE.SUBACK: {
        const id = p.body.readUInt16BE(0);
        const w = this.waiting.get(id);
        this.waiting.delete(id);
        if (p.type === TYPE.SUBACK && (p.body[2] ?? 0x80) === 0x80) w?.reject(new Error('MQTT subscription refused'));
        else w?.resolve();
        break;
      }
      default:
        break; // PINGRESP and anything else: nothing to do
    }
  }

  private write(bytes: Buffer): boolean {
    if (!this.socket || this.closed) return false;
    this.socket.write(bytes);
    return true;
  }

  private allocId(): number {
    for (let n = 0; n < 65535; n++) {
      const id = this.nextId;
      this.nextId = (this.nextId % 65535) + 1;
      if (!this.waiting.has(id)) return id;
    }
    throw new Error('no free MQTT packet ID');
  }

  private expect(id: number): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  async subscribe(topic: string, qos: 0 | 1 = 1): Promise<void> {
    const id = this.allocId();
    const done = this.expect(id);
    if (!this.write(packet(TYPE.SUBSCRIBE, 0x02, Buffer.concat([u16(id), str(topic), Buffer.from([qos])])))) throw new Error('MQTT not connected');
    await done;
  }

  /** QoS 1 resolves when the broker acknowledged (PUBACK). */
  async publish(topic: string, payload: string | Buffer, qos: 0 | 1 = 1): Promise<void> {
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    if (qos === 0) {
      if (!this.write(encodePublish(topic, body, 0))) throw new Error('MQTT not connected');
      return;
    }
    const id = this.allocId();
    const done = this.expect(id);
    if (!this.write(encodePublish(topic, body, 1, id))) {
      this.waiting.delete(id);
      throw new Error('MQTT not connected');
    }
    await done;
  }

  /** Acknowledge a received QoS 1 message (PUBACK): the broker forgets it. */
  ack(packetId: number): boolean {
    return this.write(packet(TYPE.PUBACK, 0, u16(packetId)));
  }

  /** Clean disconnect: the session stays on the broker (clean=false). */
  async end(): Promise<void> {
    if (!this.socket || this.closed) return;
    const socket = this.socket;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end(packet(TYPE.DISCONNECT, 0, Buffer.alloc(0)));
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  /** Drop the connection without DISCONNECT, as a crash would. */
  destroy(): void {
    this.socket?.destroy();
    this.shutdown(new Error('MQTT connection destroyed'));
  }

  private shutdown(reason: Error): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pinger) clearInterval(this.pinger);
    for (const w of this.waiting.values()) w.reject(reason);
    this.waiting.clear();
    this.emit('close');
  }
}
