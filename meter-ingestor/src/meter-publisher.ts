/**
 * The meter's side of MQTT, on MQTT.js: one client per meter (clean session,
 * QoS 1). MQTT.js reconnects by itself and keeps unacknowledged QoS 1
 * publishes, sending them again on the next connection, so a publish
 * resolves once the broker has the reading, even across a broker restart. A
 * reading may then reach the broker twice: the ledger counts it once.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface MeterLinkOptions {
  /** mqtt://host:port or mqtts://host:port. */
  url: string;
  clientId: string;
  /** MQTT.js options beyond the defaults here (TLS material, username, password, …). */
  mqtt?: IClientOptions;
}

/** An MQTT.js client that reconnects quickly and never throws an unhandled 'error' (a refused reconnect is retried). */
export function connectMeterClient(o: MeterLinkOptions & { clean?: boolean }): MqttClient {
  const client = mqtt.connect(o.url, { clientId: o.clientId, clean: o.clean ?? true, reconnectPeriod: 250, connectTimeout: 10_000, ...o.mqtt });
  client.on('error', () => undefined);
  return client;
}

export class MeterPublisher {
  private client: MqttClient | undefined;

  constructor(private readonly o: MeterLinkOptions) {}

  /** Connects now rather than on the first publish (e.g. to keep connecting out of a measurement). */
  async connect(): Promise<void> {
    const client = (this.client ??= connectMeterClient(this.o));
    if (!client.connected) await new Promise<void>((resolve) => client.once('connect', () => { resolve(); }));
  }

  /** Publishes at QoS 1; resolves on the broker's PUBACK. */
  async publish(topic: string, payload: string): Promise<void> {
    this.client ??= connectMeterClient(this.o);
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  async close(): Promise<void> {
    await this.client?.endAsync();
    this.client = undefined;
  }
}
