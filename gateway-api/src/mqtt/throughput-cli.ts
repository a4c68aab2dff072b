#!/usr/bin/env node
/**
 * Ingestion throughput: readings per second committed through MQTT → ingestor → ledger.
 *
 *   node gateway-api/dist/mqtt/throughput-cli.js [--meters 20] [--readings 200] [--rate 50]
 *        [--batch-size 200] [--max-wait-ms 500] [--in-flight 4]
 *
 * Starts its own Mosquitto (.run/mosquitto-tput-<tag>, its own port, wiped afterwards),
 * provisions a new fleet, runs the simulator at `rate` readings/s per meter and counts
 * verdicts until every reading has one. committed/s = readings / (last verdict − first publish).
 * The network must be up. On the 2-core machine every Fabric process shares the CPU.
 */
import { REPO_ROOT } from '@dec/network';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { num, parseArgs } from './args';
import { startBroker, stopBroker } from './broker';
import { provisionFleet } from './fleet';
import { startMeterIngestor } from './ingestor';
import { MqttClient } from './mqtt-client';
import { TOPIC_ROOT } from './protocol';
import { runSimulation } from './simulator';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const meters = num(args, 'meters', 20);
  const readings = num(args, 'readings', 200);
  const rate = num(args, 'rate', 50);
  const tag = `tput${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const port = 19_900 + (process.pid % 90);
  const dir = path.join(REPO_ROOT, '.run', `mosquitto-${tag}`);
  const log = (line: string) => console.log(`[throughput] ${line}`);
  await startBroker({ dir, port });
  try {
    const fleet = await provisionFleet({ tag, count: meters, zone: 'TPUT', log });
    let verdicts = 0;
    let lastAt = 0;
    const listener = new MqttClient({ port, clientId: `tput-verdicts-${tag}`, clean: true });
    listener.on('message', (m) => {
      verdicts++;
      lastAt = Date.now();
      if (m.packetId !== undefined) listener.ack(m.packetId);
    });
    await listener.connect();
    await listener.subscribe(`${TOPIC_ROOT}/+/verdicts`, 1);
    const ingestor = await startMeterIngestor({
      mqttPort: port,
      clientId: `tput-${tag}`,
      enrollmentId: `ingestor-${tag}`,
      batchSize: num(args, 'batch-size', 200),
      maxWaitMs: num(args, 'max-wait-ms', 500),
      maxInFlight: num(args, 'in-flight', 4),
      log,
    });
    const t0 = Date.now();
    const run = await runSimulation({ fleet, mqttPort: port, readings, rate, stepMs: 60_000 });
    const total = run.published.length;
    while (verdicts < total && Date.now() - t0 < 600_000) await sleep(50);
    const seconds = (lastAt - t0) / 1000;
    log(`${total} readings from ${meters} meters (offered ${meters * rate}/s, published in ${(run.elapsedMs / 1000).toFixed(1)} s)`);
    log(`all verdicts after ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(1)} readings/s committed; ingestor ${JSON.stringify(ingestor.stats())}`);
    await ingestor.stop();
    await listener.end();
  } finally {
    await stopBroker({ dir, port, wipe: true });
  }
}

main().catch((e: Error) => {
  console.error(`[throughput] ${e.message}`);
  process.exit(1);
});
