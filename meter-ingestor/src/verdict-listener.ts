/**
 * Listens to the verdicts the ingestor publishes (every meter's verdict
 * topic, QoS 1), on MQTT.js: what the simulator, the throughput tool, tests
 * and the benchmark use to learn what became of each reading. With
 * `clean: false` the listener's session survives its own reconnects and a
 * broker restart, so no verdict published meanwhile is missed; MQTT.js
 * reconnects by itself.
 */
import type { MqttClient } from 'mqtt';
import { connectMeterClient, type MeterLinkOptions } from './meter-publisher';
import { VERDICTS_SUBSCRIPTION, type Verdict } from './protocol';

export interface VerdictListenerOptions extends MeterLinkOptions {
  /** false = persistent session (default true). */
  clean?: boolean;
  onVerdict(v: Verdict, receivedAt: number): void;
}

export class VerdictListener {
  private constructor(private readonly client: MqttClient) {}

  /** Connects and subscribes; verdicts arrive through `onVerdict` from then on. Payloads that are not JSON are ignored. */
  static async open(o: VerdictListenerOptions): Promise<VerdictListener> {
    const client = connectMeterClient(o);
    client.on('message', (_topic, payload) => {
      const at = performance.now();
      let v: Verdict;
      try {
        v = JSON.parse(payload.toString('utf8')) as Verdict;
      } catch {
        return; // not a verdict
      }
      o.onVerdict(v, at);
    });
    await client.subscribeAsync(VERDICTS_SUBSCRIPTION, { qos: 1 });
    return new VerdictListener(client);
  }

  async end(): Promise<void> {
    await this.client.endAsync();
  }
}
