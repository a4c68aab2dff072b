/**
 * The meter simulator: every meter of a fleet publishes signed readings on its
 * own topic (QoS 1, one MQTT connection per meter) at a given rate. Counters
 * grow by a plausible amount per step; timestamps advance by `stepMs` of
 * simulated time, ending near the present, so a run of any length passes the
 * chaincode's time checks. Faulty meters:
 *   forged      every 4th reading is signed by a key that is not the meter's
 *   regressing  every 4th reading reports counters below the previous one
 * A publish not acknowledged when the broker goes away (restarting) is sent
 * again on the meter's next connection, so a reading may reach the broker
 * twice: the ledger counts it once.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { IClientOptions } from 'mqtt';
import type { Fleet, FleetMeter } from './fleet';
import { MeterPublisher } from './meter-publisher';
import { brokerUrl, DEFAULT_MQTT_PORT, readingsTopic, signReading, type ReadingPayload } from './protocol';

export interface SimulatorOptions {
  fleet: Fleet;
  /** Broker URL; default mqtt://<mqttHost>:<mqttPort>. */
  mqttUrl?: string;
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

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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

/** A meter's own TLS credentials, when the fleet has them (over mqtts:// the broker refuses a meter without). */
export function meterTlsOptions(fleet: Fleet, m: FleetMeter): IClientOptions {
  return m.tls ? { key: m.tls.key, cert: m.tls.cert, ca: fleet.caPem, protocolVersion: 4 } : {};
}

/** One simulated meter: its key, its running counters and its MQTT client. */
interface MeterState {
  m: FleetMeter;
  i: number;
  key: KeyObject;
  imp: bigint;
  exp: bigint;
  pub: MeterPublisher;
}

/**
 * The `n`-th reading of this run (sequence `seq`): counters advanced by one step (not for the run's first reading),
 * and on every 4th reading a faulty meter's fault: a signature by another key, or counters below the previous reading.
 */
function nextReading(s: MeterState, n: number, seq: number, ts: string, firstSeq: number, wrongKey: KeyObject): PublishedReading {
  if (seq > firstSeq) {
    const d = step(s.i, seq);
    s.imp += d.imp;
    s.exp += d.exp;
  }
  const faulty = n > 0 && n % 4 === 3;
  const fields = { meter: s.m.eid, seq, ts, importWh: s.imp.toString(), exportWh: s.exp.toString() };
  if (faulty && s.m.fault === 'regressing') return { reading: signReading(s.key, { ...fields, importWh: (s.imp - 500n).toString() }), expect: 'COUNTER_REGRESSION' };
  if (faulty && s.m.fault === 'forged') return { reading: signReading(wrongKey, fields), expect: 'FORGED_SIGNATURE' };
  return { reading: signReading(s.key, fields), expect: 'accepted' };
}

/** Every meter of the fleet publishes `readings` signed readings at `rate` per second, one connection per meter. */
export async function runSimulation(o: SimulatorOptions): Promise<SimulationResult> {
  const stepMs = o.stepMs ?? 60_000;
  const firstSeq = o.firstSeq ?? 0;
  const startMs = (o.endMs ?? Date.now()) - (o.readings - 1) * stepMs;
  const url = o.mqttUrl ?? brokerUrl(o.mqttPort ?? DEFAULT_MQTT_PORT, o.mqttHost);
  const wrongKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const published: PublishedReading[] = [];
  const meters: MeterState[] = o.fleet.meters.map((m, i) => ({ m, i, key: createPrivateKey(m.privateKeyPem), ...countersAt(i, firstSeq), pub: new MeterPublisher({ url, clientId: m.eid, mqtt: meterTlsOptions(o.fleet, m) }) }));
  const t0 = Date.now();
  try {
    for (let n = 0; n < o.readings; n++) {
      const seq = firstSeq + n;
      const ts = new Date(startMs + n * stepMs).toISOString();
      await Promise.all(
        meters.map(async (s) => {
          const out = nextReading(s, n, seq, ts, firstSeq, wrongKey);
          await s.pub.publish(readingsTopic(s.m.eid), JSON.stringify(out.reading));
          published.push(out);
        }),
      );
      if (o.log && (n + 1) % Math.max(1, Math.round(o.rate * 10)) === 0) o.log(`${n + 1}/${o.readings} readings per meter published`);
      const wait = t0 + ((n + 1) * 1000) / o.rate - Date.now();
      if (wait > 0) await sleep(wait);
    }
  } finally {
    await Promise.all(meters.map((s) => s.pub.close()));
  }
  return { published, elapsedMs: Date.now() - t0 };
}
