/**
 * Meter readings end to end: MQTT publish → ingestor → metering:SubmitReadings
 * committed → verdict published back over MQTT, beside the ceiling of P-256
 * signature verifications per second on one core, measured in the same run.
 *
 * - ceiling: node:crypto verify of a P-256 ECDSA signature over a reading's
 *   canonical message (@dec/meter-ingestor readingMessage) in a tight loop on the main
 *   thread for ~2 s. Every reading is verified at least once per endorsing peer,
 *   so this bounds what one core could ever ingest.
 * - end to end: an own Mosquitto on a free port, TLS only with a meter CA of
 *   its own (both wiped afterwards; meters, ingestor and verdict listener
 *   connect with their certificates, as `dec start` runs it), the meter
 *   ingestor, a fleet of certified meters; readings are signed beforehand and
 *   published over one MQTT connection per meter as fast as the broker takes
 *   them (QoS 1, each meter's publishes pipelined). readings/s = readings /
 *   (last verdict − first publish); latency per reading = its verdict − its
 *   publish (the ingestor publishes a verdict only after the block committed).
 *   Each ingestor setting (batch size × batches in flight) is one run with the
 *   same fleet, continuing its sequence numbers; the best run is reported.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  INGESTOR_IDENTITY,
  MeterCa,
  meterTlsOptions,
  MONITOR_IDENTITY,
  MeterPublisher,
  provisionFleet,
  readingMessage,
  readingsTopic,
  signReading,
  startMeterIngestor,
  VerdictListener,
  type Fleet,
  type IngestorStats,
  type ReadingPayload,
  type Verdict,
} from '@dec/meter-ingestor';
import { REPO_ROOT, startBroker, stopBroker } from '@dec/test-network';
import { cpuCost, formatCpuCost, networkProcesses, sampleCpu, type CpuCost, type ProcessRef } from './cpu-cost';
import { percentile } from './load';

export const METERING_GOAL_READINGS_PER_S = 2_000;
export const METERING_GOAL_PCT_OF_CEILING = 30;

export interface VerifyCeiling {
  verifiesPerSecPerCore: number;
  verifies: number;
  seconds: number;
  messageBytes: number;
}

export interface MeteringRun {
  batchSize: number;
  maxInFlight: number;
  meters: number;
  readings: number;
  accepted: number;
  rejected: number;
  missing: number;
  /** First publish → last publish acknowledged by the broker. */
  publishSeconds: number;
  /** First publish → last verdict. */
  seconds: number;
  readingsPerSec: number;
  p50ms: number;
  p99ms: number;
  ingestor: IngestorStats;
  /** CPU per accepted reading, per process: peers, chaincode servers, orderers, broker, the bench process (ingestor, meters, verdict listener). */
  cpu: CpuCost;
}

export interface MeteringResult {
  ceiling: VerifyCeiling;
  runs: MeteringRun[];
  best: MeteringRun;
  pctOfCeiling: number;
  goalReadingsPerSec: number;
  goalPctOfCeiling: number;
  goalMet: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** P-256 verifications per second on this thread (one core). */
export function verifyCeiling(seconds = 2): VerifyCeiling {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const msg = Buffer.from(
    readingMessage({ meter: `eid:d:${'ab'.repeat(16)}`, seq: 123_456, ts: '2026-01-01T00:15:00.000Z', importWh: '1234567', exportWh: '89012' }),
    'utf8',
  );
  const sig = sign('sha256', msg, privateKey);
  // As the chaincode does per reading: the meter's key object is parsed once, the signature checked per reading.
  const key = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }));
  for (let i = 0; i < 200; i++) verify('sha256', msg, key, sig); // warm-up
  let n = 0;
  const t0 = process.hrtime.bigint();
  const until = t0 + BigInt(Math.round(seconds * 1e9));
  let now = t0;
  while (now < until) {
    for (let i = 0; i < 100; i++) if (!verify('sha256', msg, key, sig)) throw new Error('P-256 verify failed');
    n += 100;
    now = process.hrtime.bigint();
  }
  const s = Number(now - t0) / 1e9;
  return { verifiesPerSecPerCore: n / s, verifies: n, seconds: s, messageBytes: msg.length };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

interface Plan {
  stepMs: number;
  /** Sequence numbers all runs use together, per meter (timestamps end near now at the last one). */
  totalSeq: number;
  startMs: number;
}

/** Signed readings of every meter for sequence numbers [from, from + count): 100 Wh import per 60 s step (6 kW, rated 10 kW). */
function signedReadings(fleet: Fleet, plan: Plan, from: number, count: number): ReadingPayload[][] {
  return fleet.meters.map((m, i) => {
    const key = createPrivateKey(m.privateKeyPem);
    const out: ReadingPayload[] = [];
    for (let seq = from; seq < from + count; seq++) {
      const ts = new Date(plan.startMs + seq * plan.stepMs).toISOString();
      out.push(signReading(key, { meter: m.eid, seq, ts, importWh: String(1_000_000 + i * 1000 + seq * 100), exportWh: String(i * 10 + seq * 10) }));
    }
    return out;
  });
}

type VerdictTimes = Map<string, { at: number; v: Verdict }>;

/** Until every reading has a verdict, 5 minutes at most, or no new verdict for a minute (stalled). */
async function waitForVerdicts(verdictAt: VerdictTimes, total: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  let lastCount = -1;
  let lastChange = Date.now();
  while (verdictAt.size < total && Date.now() < deadline) {
    if (verdictAt.size !== lastCount) {
      lastCount = verdictAt.size;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 60_000) break; // stalled
    await sleep(20);
  }
}

/** Latencies (sorted), the last verdict's time and the verdict counts of a run. */
function tally(publishedAt: Map<string, number>, verdictAt: VerdictTimes, t0: number): { latencies: number[]; lastAt: number; accepted: number; rejected: number; firstRejection?: string } {
  const latencies: number[] = [];
  let lastAt = t0;
  let accepted = 0;
  let rejected = 0;
  let firstRejection: string | undefined;
  for (const [k, pub] of publishedAt) {
    const v = verdictAt.get(k);
    if (!v) continue;
    latencies.push(v.at - pub);
    lastAt = Math.max(lastAt, v.at);
    if (v.v.verdict === 'accepted') accepted++;
    else {
      rejected++;
      firstRejection ??= `${v.v.reason ?? ''}: ${v.v.detail ?? ''}`;
    }
  }
  latencies.sort((a, b) => a - b);
  return { latencies, lastAt, accepted, rejected, firstRejection };
}

async function runOnce(o: {
  fleet: Fleet;
  ca: MeterCa;
  port: number;
  tag: string;
  readings: ReadingPayload[][];
  batchSize: number;
  maxInFlight: number;
  maxWaitMs: number;
  procs: ProcessRef[];
  log: (line: string) => void;
}): Promise<MeteringRun> {
  const key = (meter: string, seq: number): string => `${meter}#${seq}`;
  const publishedAt = new Map<string, number>();
  const verdictAt: VerdictTimes = new Map();
  const total = o.readings.reduce((s, r) => s + r.length, 0);
  const runTag = `${o.tag}-b${o.batchSize}-f${o.maxInFlight}`;
  const url = `mqtts://127.0.0.1:${o.port}`;
  const listener = await VerdictListener.open({
    url,
    clientId: `bench-verdicts-${runTag}`,
    mqtt: { ...o.ca.serviceCredentials(MONITOR_IDENTITY), protocolVersion: 4 },
    onVerdict: (v: Verdict, at: number) => {
      if (v.seq !== undefined && !verdictAt.has(key(v.meter, v.seq))) verdictAt.set(key(v.meter, v.seq), { at, v });
    },
  });
  const ingestor = await startMeterIngestor({
    mqttUrl: url,
    mqttTls: o.ca.serviceCredentials(INGESTOR_IDENTITY),
    clientId: `bench-ingestor-${o.tag}`, // one persistent session for all runs (the broker names it by the certificate: dec-meter-ingestor)
    enrollmentId: `bench-ingestor-${o.tag}`,
    batchSize: o.batchSize,
    maxWaitMs: o.maxWaitMs,
    maxInFlight: o.maxInFlight,
    log: (line) => {
      if (!line.startsWith('connected')) o.log(`ingestor: ${line}`);
    },
  });
  const publishers = await Promise.all(
    o.fleet.meters.map(async (m) => {
      const c = new MeterPublisher({ url, clientId: m.eid, mqtt: meterTlsOptions(o.fleet, m) });
      await c.connect();
      return c;
    }),
  );
  const payloads = o.readings.map((list) => list.map((r) => ({ r, body: JSON.stringify(r) })));
  const cpuBefore = sampleCpu(o.procs);
  const t0 = performance.now();
  await Promise.all(
    payloads.map((list, i) =>
      Promise.all(
        list.map((p) => {
          publishedAt.set(key(p.r.meter, p.r.seq), performance.now());
          return publishers[i]!.publish(readingsTopic(p.r.meter), p.body);
        }),
      ),
    ),
  );
  const publishSeconds = (performance.now() - t0) / 1000;
  await waitForVerdicts(verdictAt, total);
  const cpuAfter = sampleCpu(o.procs);
  const { latencies, lastAt, accepted, rejected, firstRejection } = tally(publishedAt, verdictAt, t0);
  const seconds = (lastAt - t0) / 1000;
  const stats = ingestor.stats();
  await ingestor.stop();
  await Promise.all(publishers.map((c) => c.close()));
  await listener.end();
  if (firstRejection) o.log(`first rejection: ${firstRejection}`);
  return {
    batchSize: o.batchSize,
    maxInFlight: o.maxInFlight,
    meters: o.fleet.meters.length,
    readings: total,
    accepted,
    rejected,
    missing: total - verdictAt.size,
    publishSeconds,
    seconds,
    readingsPerSec: seconds > 0 ? accepted / seconds : 0,
    p50ms: percentile(latencies, 50),
    p99ms: percentile(latencies, 99),
    ingestor: stats,
    cpu: cpuCost(o.procs, cpuBefore, cpuAfter, accepted, 'reading'),
  };
}

export async function meteringBench(o: {
  meters: number;
  readingsPerRun: number;
  /** Ingestor settings to try, as [batchSize, maxInFlight]. */
  settings: [number, number][];
  maxWaitMs?: number;
  ceilingSeconds?: number;
  log: (line: string) => void;
}): Promise<MeteringResult> {
  o.log('metering: P-256 verification ceiling on one core');
  const ceiling = verifyCeiling(o.ceilingSeconds ?? 2);
  o.log(`metering: ${ceiling.verifiesPerSecPerCore.toFixed(0)} verifications/s/core (${ceiling.verifies} in ${ceiling.seconds.toFixed(2)} s)`);
  const tag = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const port = await freePort();
  const dir = path.join(REPO_ROOT, '.run', `mosquitto-${tag}`);
  const caDir = path.join(REPO_ROOT, '.run', `meter-ca-${tag}`);
  const ca = MeterCa.open(caDir);
  // Every reading in flight to the ingestor at once: the broker must not hold them back.
  const broker = await startBroker({ dir, port, maxInflight: 65_000, access: ca.brokerFiles() });
  const procs: ProcessRef[] = [
    ...networkProcesses(),
    { name: 'mosquitto', kind: 'broker', pid: broker.pid },
    { name: 'bench process', kind: 'ingestor+meters (bench process)', pid: process.pid, alone: true },
  ];
  try {
    const fleet = await provisionFleet({ tag, count: o.meters, zone: 'BENCH', credentials: ca, log: (l) => {
      o.log(`metering: ${l}`);
    } });
    const perMeter = Math.ceil(o.readingsPerRun / o.meters);
    const totalSeq = perMeter * o.settings.length;
    const stepMs = 60_000;
    const plan: Plan = { stepMs, totalSeq, startMs: Date.now() - totalSeq * stepMs };
    const runs: MeteringRun[] = [];
    for (const [n, [batchSize, maxInFlight]] of o.settings.entries()) {
      const readings = signedReadings(fleet, plan, n * perMeter, perMeter);
      o.log(`metering: ${o.meters} meters × ${perMeter} readings, batch ${batchSize}, ${maxInFlight} in flight`);
      const run = await runOnce({ fleet, ca, port, tag, readings, batchSize, maxInFlight, maxWaitMs: o.maxWaitMs ?? 200, procs, log: (l) => {
        o.log(`metering: ${l}`);
      } });
      o.log(
        `metering: ${run.accepted}/${run.readings} accepted, ${run.readingsPerSec.toFixed(0)} readings/s, p50 ${run.p50ms.toFixed(0)} ms, p99 ${run.p99ms.toFixed(0)} ms (published in ${run.publishSeconds.toFixed(2)} s, ${run.ingestor.batches} batches, ${run.ingestor.submitRetries} retries)`,
      );
      o.log(`metering: ${formatCpuCost(run.cpu)}`);
      runs.push(run);
    }
    const best = runs.reduce((a, b) => (b.readingsPerSec > a.readingsPerSec ? b : a));
    const pctOfCeiling = (100 * best.readingsPerSec) / ceiling.verifiesPerSecPerCore;
    return {
      ceiling,
      runs,
      best,
      pctOfCeiling,
      goalReadingsPerSec: METERING_GOAL_READINGS_PER_S,
      goalPctOfCeiling: METERING_GOAL_PCT_OF_CEILING,
      goalMet: best.readingsPerSec >= METERING_GOAL_READINGS_PER_S && pctOfCeiling >= METERING_GOAL_PCT_OF_CEILING,
    };
  } finally {
    await stopBroker({ dir, port, wipe: true });
    rmSync(caDir, { recursive: true, force: true });
  }
}

export function formatMetering(m: MeteringResult): string {
  const lines = [
    `P-256 verify ceiling: ${m.ceiling.verifiesPerSecPerCore.toFixed(0)} verifications/s/core (node:crypto, ${m.ceiling.messageBytes}-byte reading message)`,
    ...m.runs.map(
      (r) =>
        `  batch ${String(r.batchSize).padStart(3)} × ${r.maxInFlight} in flight: ${r.readingsPerSec.toFixed(0).padStart(5)} readings/s, p50 ${r.p50ms.toFixed(0)} ms, p99 ${r.p99ms.toFixed(0)} ms` +
        ` (${r.accepted}/${r.readings} accepted${r.rejected ? `, ${r.rejected} rejected` : ''}${r.missing ? `, ${r.missing} without verdict` : ''}, ${r.ingestor.batches} batches)\n    ${formatCpuCost(r.cpu)}`,
    ),
    `metering end to end (best): ${m.best.readingsPerSec.toFixed(0)} readings/s committed MQTT → block, p50 ${m.best.p50ms.toFixed(0)} ms, p99 ${m.best.p99ms.toFixed(0)} ms;` +
      ` ${m.pctOfCeiling.toFixed(1)}% of the one-core verify ceiling (goal ${m.goalPctOfCeiling}%), ${((100 * m.best.readingsPerSec) / m.goalReadingsPerSec).toFixed(0)}% of the ${m.goalReadingsPerSec} readings/s goal: ${m.goalMet ? 'goal met' : 'goal NOT met'}`,
  ];
  return lines.join('\n');
}
