/**
 * The meter simulator: every meter of a fleet publishes signed readings on its
 * own topic (QoS 1, one MQTT connection per meter) at a given rate. Counters
 * grow by a plausible amount per step; timestamps advance by `stepMs` of
 * simulated time, ending near the present, so a run of any length passes the
 * chaincode's time checks. Faulty meters:
 *   forged      every 4th reading is signed by a key that is not the meter's
 *   regressing  every 4th reading reports counters below the previous one
 * A publish that fails (broker restarting) is retried on a new connection, so
 * a reading may reach the broker twice: the ledger counts it once.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DEFAULT_MQTT_PORT } from './broker';
import type { Fleet, FleetMeter } from './fleet';
import { MqttClient } from './mqtt-client';
import { readingsTopic, signReading, type ReadingPayload } from './protocol';

export interface SimulatorOptions {
  fleet: Fleet;
  mqttHost?: string;
  mqttPort?: number;
  /** Readings each meter publishes. */
  readings: number;
  /** Readings per second per meter (wall clock). */
  rate: number;
  /** Simulated time between two readings of a meter (default 60 s). */
  stepMs?: number;
  /** First sequence number (default 0); continue a fleet's earlier run with a higher one. */
  firstSeq?: number;
  /** Time of the last reading (default: now). */
  endMs?: number;
  log?: (line: string) => void;
}

export interface PublishedReading {
  reading: ReadingPayload;
  /** What the chaincode must answer: accepted, or rejected with this reason. */
  expect: 'accepted' | 'FORGED_SIGNATURE' | 'COUNTER_REGRESSION';
}

export interface SimulationResult {
  published: PublishedReading[];
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Deterministic per-meter energy steps (Wh) below the rated power: import 40..160, export 0..30. */
function step(meterIndex: number, seq: number): { imp: bigint; exp: bigint } {
  const x = (meterIndex * 7919 + seq * 104729) % 9973;
  return { imp: BigInt(40 + (x % 121)), exp: BigInt(x % 31) };
}

/** A meter's true counters at a sequence number: a function of the sequence, so later runs continue where earlier ones ended. */
export function countersAt(meterIndex: number, seq: number): { imp: bigint; exp: bigint } {
  let imp = BigInt(1_000_000 + meterIndex * 1000);
  let exp = BigInt(meterIndex * 10);
  for (let k = 1; k <= seq; k++) {
    const d = step(meterIndex, k);
    imp += d.imp;
    exp += d.exp;
  }
  return { imp, exp };
}

class MeterPublisher {
  private client: MqttClient | undefined;
  constructor(
    private readonly clientId: string,
    private readonly host: string,
    private readonly port: number,
  ) {}

  async publish(topic: string, payload: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.client?.connected) {
          this.client = new MqttClient({ host: this.host, port: this.port, clientId: this.clientId, clean: true });
          await this.client.connect();
        }
        await this.client.publish(topic, payload, 1);
        return;
      } catch (e) {
        this.client?.destroy();
        this.client = undefined;
        if (attempt >= 120) throw e;
        await sleep(Math.min(250 * attempt, 1000));
      }
    }
  }

  async close(): Promise<void> {
    await this.client?.end();
  }
}

export async function runSimulation(o: SimulatorOptions): Promise<SimulationResult> {
  const stepMs = o.stepMs ?? 60_000;
  const firstSeq = o.firstSeq ?? 0;
  const endMs = o.endMs ?? Date.now();
  const startMs = endMs - (o.readings - 1) * stepMs;
  const host = o.mqttHost ?? '127.0.0.1';
  const port = o.mqttPort ?? DEFAULT_MQTT_PORT;
  const wrongKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const published: PublishedReading[] = [];
  const state = o.fleet.meters.map((m: FleetMeter, i) => ({
    m,
    i,
    key: createPrivateKey(m.privateKeyPem),
    ...countersAt(i, firstSeq),
    pub: new MeterPublisher(`sim-${m.eid}`, host, port),
  }));
  const t0 = Date.now();
  try {
    for (let n = 0; n < o.readings; n++) {
      const seq = firstSeq + n;
      const ts = new Date(startMs + n * stepMs).toISOString();
      await Promise.all(
        state.map(async (s) => {
          const faulty = n > 0 && n % 4 === 3;
          let out: PublishedReading;
          if (seq > firstSeq) {
            const d = step(s.i, seq);
            s.imp += d.imp;
            s.exp += d.exp;
          }
          if (faulty && s.m.fault === 'regressing') {
            out = { reading: signReading(s.key, { meter: s.m.eid, seq, ts, importWh: (s.imp - 500n).toString(), exportWh: s.exp.toString() }), expect: 'COUNTER_REGRESSION' };
          } else if (faulty && s.m.fault === 'forged') {
            out = { reading: signReading(wrongKey, { meter: s.m.eid, seq, ts, importWh: s.imp.toString(), exportWh: s.exp.toString() }), expect: 'FORGED_SIGNATURE' };
          } else {
            out = { reading: signReading(s.key, { meter: s.m.eid, seq, ts, importWh: s.imp.toString(), exportWh: s.exp.toString() }), expect: 'accepted' };
          }
          await s.pub.publish(readingsTopic(s.m.eid), JSON.stringify(out.reading));
          published.push(out);
        }),
      );
      if (o.log && (n + 1) % Math.max(1, Math.round(o.rate * 10)) === 0) o.log(`${n + 1}/${o.readings} readings per meter published`);
      const due = t0 + ((n + 1) * 1000) / o.rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
  } finally {
    await Promise.all(state.map((s) => s.pub.close()));
  }
  return { published, elapsedMs: Date.now() - t0 };
}
