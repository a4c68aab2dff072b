#!/usr/bin/env node
/**
 * Runs the meter ingestor until SIGINT/SIGTERM.
 *
 *   dec-meter-ingestor [--url mqtts://127.0.0.1:1883 | --port 1883 [--plain]] [--meter-ca .run/meter-ca]
 *        [--client-id dec-meter-ingestor (plain only)] [--broker-dir .run/mosquitto]
 *        [--msp GridMSP|PlatformMSP] [--batch-size 200] [--max-wait-ms 500] [--in-flight 4]
 *
 * The broker and the network must be up (`.run/gateway/network.json`); the
 * project's Mosquitto is started by `npm start` or the test network's broker
 * CLI (see the README). Over mqtts:// (the default) it authenticates with the
 * ingestor's certificate from the meter CA; the broker makes its CN
 * (dec-meter-ingestor) its client ID; it also revokes decommissioned meters at
 * the meter CA and has the broker of --broker-dir reload. Prints counters every 10 s.
 */
import { startMeterIngestor, type IngestorStats } from '../ingestor';
import path from 'node:path';
import { defaultBrokerDir, reloadBrokerAt } from '../credentials/broker-reload';
import { INGESTOR_IDENTITY } from '../credentials/meter-ca';
import { DEFAULT_MQTT_PORT } from '../protocol';
import { brokerUrlArg, meterCaArg, num, parseArgs, runCli } from './args';

const resolved = (s: IngestorStats): number => s.accepted + s.duplicates + s.rejected;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const msp = args.get('msp') ?? 'GridMSP';
  if (msp !== 'GridMSP' && msp !== 'PlatformMSP') throw new Error('--msp must be GridMSP or PlatformMSP');
  const url = brokerUrlArg(args, DEFAULT_MQTT_PORT);
  const ca = meterCaArg(args, url);
  const brokerDir = path.resolve(args.get('broker-dir') ?? defaultBrokerDir());
  const ingestor = await startMeterIngestor({
    mqttUrl: url,
    mqttTls: ca?.serviceCredentials(INGESTOR_IDENTITY),
    revokeDecommissioned: ca && { ca, reloadBroker: () => reloadBrokerAt(brokerDir) },
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
    const rate = ((resolved(s) - resolved(last)) * 1000) / (Date.now() - lastAt);
    console.log(`[ingestor] ${JSON.stringify(s)} ${rate.toFixed(1)} readings/s`);
    last = s;
    lastAt = Date.now();
  }, 10_000);
  const shutdown = async (signal: string): Promise<void> => {
    console.log(`[ingestor] ${signal}: finishing in-flight batches`);
    clearInterval(report);
    await ingestor.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

runCli('ingestor', main);
