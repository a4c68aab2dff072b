/**
 * The ingestor's link to the broker: one persistent MQTT session (fixed client
 * ID, clean session off) subscribed to every meter's readings topic at QoS 1,
 * reconnected whenever it drops until the ingestor stops. The broker keeps
 * unacknowledged readings for the session while it is away (and across its
 * own restart with persistence on) and delivers them again on the next
 * connection. Each connection is a new MqttSession, so a delivery is always
 * tied to the connection that can acknowledge it.
 */
import { MqttSession, type Delivery, type MqttSessionOptions } from './mqtt-session';
import { READINGS_SUBSCRIPTION } from './protocol';

export interface SubscriptionOptions extends Omit<MqttSessionOptions, 'clean'> {
  log(line: string): void;
  onMessage(delivery: Delivery): void;
  /** A connection closed: readings it delivered and nobody acknowledged belong to the broker again. */
  onConnectionLost(session: MqttSession): void;
  /** A connection was lost while running and a new one is being made. */
  onReconnect(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class ReadingsSubscription {
  private session: MqttSession | undefined;
  private closing = false;

  constructor(private readonly o: SubscriptionOptions) {}

  /** The connection up now, if any. */
  get current(): MqttSession | undefined {
    return this.session;
  }

  /** Connects (retrying until it succeeds or the subscription is closed) and subscribes. */
  async connect(): Promise<void> {
    for (let attempt = 1; !this.closing; attempt++) {
      try {
        await this.connectOnce();
        return;
      } catch (e) {
        if (attempt === 1 || attempt % 10 === 0) this.o.log(`MQTT connect failed (${(e as Error).message}); retrying`);
        await sleep(Math.min(250 * attempt, 2000));
      }
    }
  }

  /** A connection lost from now on stays lost (stopping: in-flight batches finish on the current one). */
  stopReconnecting(): void {
    this.closing = true;
  }

  /** Graceful: DISCONNECT; the broker keeps everything unacknowledged for the session. */
  async end(): Promise<void> {
    this.closing = true;
    const s = this.session;
    this.session = undefined;
    await s?.end();
  }

  /** Abrupt, as a crash: drops the connection at once. */
  destroy(): void {
    this.closing = true;
    const s = this.session;
    this.session = undefined;
    s?.destroy();
  }

  private async connectOnce(): Promise<void> {
    // Handlers are bound before CONNECT: a resumed session's first redeliveries can arrive in the same
    // TCP chunk as CONNACK and must be tied to (and acknowledged on) this connection.
    const { session, sessionPresent } = await MqttSession.open({ ...this.o, clean: false }, {
      onMessage: (d) => {
        this.o.onMessage(d);
      },
      onClose: (closed) => {
        this.onClosed(closed);
      },
    });
    this.session = session;
    try {
      await session.subscribe(READINGS_SUBSCRIPTION);
    } catch (e) {
      // The connection dropped right after CONNACK: its close handler reconnects.
      this.o.log(`MQTT subscribe failed (${(e as Error).message})`);
      session.destroy();
      return;
    }
    this.o.log(`connected to MQTT ${this.o.url} as ${this.o.clientId} (session ${sessionPresent ? 'resumed' : 'new'}), subscribed to ${READINGS_SUBSCRIPTION}`);
  }

  private onClosed(session: MqttSession): void {
    this.o.onConnectionLost(session);
    if (this.session !== session) return;
    this.session = undefined;
    if (this.closing) return;
    this.o.onReconnect();
    this.o.log('MQTT connection lost; reconnecting');
    void this.connect();
  }
}
