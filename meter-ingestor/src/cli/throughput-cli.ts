#!/usr/bin/env node
/**
 * Ingestion throughput: readings per second committed through MQTT → ingestor → ledger.
 *
 *   dec-meter-throughput [--url mqtts://127.0.0.1:1883 | --port 1883 [--plain]] [--meter-ca .run/meter-ca]
 *        [--plain-url mqtt://127.0.0.1:19902] [--rounds 1]
 *        [--meters 20] [--readings 200] [--rate 50] [--batch-size 200] [--max-wait-ms 500] [--in-flight 4]
 *
 * Each pass provisions a new fleet, starts an ingestor with its own persistent
 * session, runs the simulator at `rate` readings/s per meter and counts
 * verdicts until every reading has one. committed/s = readings / (last verdict
 * − first publish). Over mqtts:// meters, ingestor and verdict listener
 * authenticate with their certificates from the meter CA. With --plain-url
 * every round runs the same load twice, over TLS on --url and over plain TCP
 * on --plain-url (a second broker, started with --plain), so the two figures
 * come from the same run and conditions. The network and the brokers must be
 * up; give the tool brokers of its own (the README shows how): over TLS its
 * ingestor is dec-meter-ingestor, the same identity and session as `dec
 * start`'s. On the 2-core machine every Fabric process shares the CPU.
 */
import { randomBytes } from 'node:crypto';
import { INGESTOR_IDENTITY, MONITOR_IDENTITY, type MeterCa } from '../credentials/meter-ca';
import { provisionFleet } from '../fleet';
import { startMeterIngestor } from '../ingestor';
import { DEFAULT_MQTT_PORT } from '../protocol';
import { runSimulation } from '../simulator';
import { VerdictListener } from '../verdict-listener';
import { brokerUrlArg, meterCaArg, num, parseArgs, runCli } from './args';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => {
  console.log(`[throughput] ${line}`);
};

interface Load {
  meters: number;
  readings: number;
  rate: number;
  batchSize: number;
  maxWaitMs: number;
  maxInFlight: number;
}

/** One pass on one broker: a new fleet, its own ingestor and listener; readings/s committed. */
async function pass(url: string, ca: MeterCa | undefined, load: Load): Promise<number> {
  const tag = `tput${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const fleet = await provisionFleet({ tag, count: load.meters, zone: 'TPUT', credentials: ca, log });
  let verdicts = 0;
  let lastAt = 0;
  const monitor = ca ? { ...ca.serviceCredentials(MONITOR_IDENTITY), protocolVersion: 4 as const } : undefined;
  const listener = await VerdictListener.open({
    url,
    clientId: `tput-verdicts-${tag}`,
    mqtt: monitor,
    onVerdict: () => {
      verdicts++;
      lastAt = Date.now();
    },
  });
  const ingestor = await startMeterIngestor({ batchSize: load.batchSize, maxWaitMs: load.maxWaitMs, maxInFlight: load.maxInFlight, mqttUrl: url, mqttTls: ca?.serviceCredentials(INGESTOR_IDENTITY), clientId: `tput-${tag}`, enrollmentId: `ingestor-${tag}`, log });
  const t0 = Date.now();
  const run = await runSimulation({ fleet, mqttUrl: url, readings: load.readings, rate: load.rate, stepMs: 60_000 });
  const total = run.published.length;
  while (verdicts < total && Date.now() - t0 < 600_000) await sleep(50);
  const seconds = (lastAt - t0) / 1000;
  const perSecond = total / seconds;
  log(`${url}: ${total} readings from ${load.meters} meters (offered ${load.meters * load.rate}/s, published in ${(run.elapsedMs / 1000).toFixed(1)} s)`);
  log(`${url}: all verdicts after ${seconds.toFixed(1)} s: ${perSecond.toFixed(1)} readings/s committed; ingestor ${JSON.stringify(ingestor.stats())}`);
  await ingestor.stop();
  await listener.end();
  return perSecond;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = brokerUrlArg(args, DEFAULT_MQTT_PORT);
  const ca = meterCaArg(args, url);
  const plainUrl = args.get('plain-url');
  const load: Load = {
    meters: num(args, 'meters', 20),
    readings: num(args, 'readings', 200),
    rate: num(args, 'rate', 50),
    batchSize: num(args, 'batch-size', 200),
    maxWaitMs: num(args, 'max-wait-ms', 500),
    maxInFlight: num(args, 'in-flight', 4),
  };
  const results: { round: number; tls: number; plain?: number }[] = [];
  for (let round = 1; round <= Math.max(1, num(args, 'rounds', 1)); round++) {
    const tls = await pass(url, ca, load);
    results.push({ round, tls, ...(plainUrl ? { plain: await pass(plainUrl, undefined, load) } : {}) });
  }
  const fmt = (n: number | undefined): string => (n === undefined ? '-' : n.toFixed(1));
  log(`readings/s committed by round (${url.startsWith('mqtts:') ? 'TLS' : 'plain'}${plainUrl ? ' | plain TCP' : ''}): ${results.map((r) => `${fmt(r.tls)}${plainUrl ? ` | ${fmt(r.plain)}` : ''}`).join('; ')}`);
}

runCli('throughput', main);
