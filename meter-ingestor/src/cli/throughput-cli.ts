#!/usr/bin/env node
/**
 * Ingestion throughput: readings per second committed through MQTT → ingestor → ledger.
 *
 *   dec-meter-throughput [--url mqtt://127.0.0.1:1883 | --port 1883] [--meters 20] [--readings 200] [--rate 50]
 *        [--batch-size 200] [--max-wait-ms 500] [--in-flight 4]
 *
 * Provisions a new fleet, starts an ingestor with its own persistent session, runs
 * the simulator at `rate` readings/s per meter and counts verdicts until every
 * reading has one. committed/s = readings / (last verdict − first publish).
 * The network and a broker must be up; give the tool a broker of its own for a
 * clean figure (the README shows how). On the 2-core machine every Fabric
 * process shares the CPU.
 */
import { randomBytes } from 'node:crypto';
import { provisionFleet } from '../fleet';
import { startMeterIngestor } from '../ingestor';
import { DEFAULT_MQTT_PORT } from '../protocol';
import { runSimulation } from '../simulator';
import { VerdictListener } from '../verdict-listener';
import { brokerUrlArg, num, parseArgs, runCli } from './args';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => {
  console.log(`[throughput] ${line}`);
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = brokerUrlArg(args, DEFAULT_MQTT_PORT);
  const meters = num(args, 'meters', 20);
  const readings = num(args, 'readings', 200);
  const rate = num(args, 'rate', 50);
  const tag = `tput${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const fleet = await provisionFleet({ tag, count: meters, zone: 'TPUT', log });
  let verdicts = 0;
  let lastAt = 0;
  const listener = await VerdictListener.open({
    url,
    clientId: `tput-verdicts-${tag}`,
    onVerdict: () => {
      verdicts++;
      lastAt = Date.now();
    },
  });
  const ingestor = await startMeterIngestor({
    mqttUrl: url,
    clientId: `tput-${tag}`,
    enrollmentId: `ingestor-${tag}`,
    batchSize: num(args, 'batch-size', 200),
    maxWaitMs: num(args, 'max-wait-ms', 500),
    maxInFlight: num(args, 'in-flight', 4),
    log,
  });
  const t0 = Date.now();
  const run = await runSimulation({ fleet, mqttUrl: url, readings, rate, stepMs: 60_000 });
  const total = run.published.length;
  while (verdicts < total && Date.now() - t0 < 600_000) await sleep(50);
  const seconds = (lastAt - t0) / 1000;
  log(`${total} readings from ${meters} meters (offered ${meters * rate}/s, published in ${(run.elapsedMs / 1000).toFixed(1)} s)`);
  log(`all verdicts after ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(1)} readings/s committed; ingestor ${JSON.stringify(ingestor.stats())}`);
  await ingestor.stop();
  await listener.end();
}

runCli('throughput', main);
