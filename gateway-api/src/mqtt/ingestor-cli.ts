#!/usr/bin/env node
/**
 * Runs the meter ingestor until SIGINT/SIGTERM.
 *
 *   node gateway-api/dist/mqtt/ingestor-cli.js [--start-broker] [--port 1883] [--client-id dec-meter-ingestor]
 *        [--msp GridMSP|PlatformMSP] [--batch-size 200] [--max-wait-ms 500] [--in-flight 4]
 *
 * --start-broker starts (or reuses) the project's Mosquitto in .run/mosquitto first.
 * The network must be up (`.run/gateway/network.json`). Prints counters every 10 s.
 */
import { DEFAULT_MQTT_PORT, startBroker } from './broker';
import { num, parseArgs } from './args';
import { startMeterIngestor } from './ingestor';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = num(args, 'port', Number(process.env.DEC_MQTT_PORT ?? DEFAULT_MQTT_PORT));
  if (args.get('start-broker') === 'true') {
    const b = await startBroker({ port });
    console.log(`[ingestor] broker ${b.url} (pid ${b.pid}${b.reused ? ', already running' : ''})`);
  }
  const msp = args.get('msp') ?? 'GridMSP';
  if (msp !== 'GridMSP' && msp !== 'PlatformMSP') throw new Error('--msp must be GridMSP or PlatformMSP');
  const ingestor = await startMeterIngestor({
    mqttPort: port,
    clientId: args.get('client-id'),
    mspId: msp,
    batchSize: num(args, 'batch-size', 200),
    maxWaitMs: num(args, 'max-wait-ms', 500),
    maxInFlight: num(args, 'in-flight', 4),
  });
  let last = ingestor.stats();
  let lastAt = Date.now();
  const report = setInterval(() => {
    const s = ingestor.stats();
    const done = (x: typeof s) => x.accepted + x.duplicates + x.rejected;
    const rate = ((done(s) - done(last)) * 1000) / (Date.now() - lastAt);
    console.log(`[ingestor] ${JSON.stringify(s)} ${rate.toFixed(1)} readings/s`);
    last = s;
    lastAt = Date.now();
  }, 10_000);
  const shutdown = async (signal: string) => {
    console.log(`[ingestor] ${signal}: finishing in-flight batches`);
    clearInterval(report);
    await ingestor.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: Error) => {
  console.error(`[ingestor] ${e.message}`);
  process.exit(1);
});
