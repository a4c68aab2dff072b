#!/usr/bin/env node
/**
 * Meter simulator: provisions a fleet (or reuses a saved one) and publishes signed readings.
 *
 *   node gateway-api/dist/mqtt/simulator-cli.js --meters 10 --rate 1 --readings 60
 *        [--forged 1] [--regressing 1] [--step-ms 60000] [--port 1883]
 *        [--fleet .run/mqtt/fleet.json] [--zone ZONE-SIM] [--rated-power-w 10000] [--wait-verdicts 30]
 *
 * A saved fleet (same file) is reused and continues its sequence numbers; delete
 * the file for a new fleet. --wait-verdicts N listens on the verdict topics and
 * prints a summary once every reading has a verdict (or after N seconds).
 */
import { REPO_ROOT } from '@dec/network';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { num, parseArgs } from './args';
import { DEFAULT_MQTT_PORT } from './broker';
import { loadFleet, provisionFleet, saveFleet, type Fleet } from './fleet';
import { MqttClient } from './mqtt-client';
import { TOPIC_ROOT, type Verdict } from './protocol';
import { runSimulation } from './simulator';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = num(args, 'port', Number(process.env.DEC_MQTT_PORT ?? DEFAULT_MQTT_PORT));
  const file = path.resolve(args.get('fleet') ?? path.join(REPO_ROOT, '.run', 'mqtt', 'fleet.json'));
  const log = (line: string) => console.log(`[simulator] ${line}`);
  let fleet: Fleet | undefined = loadFleet(file);
  if (fleet) log(`reusing fleet ${fleet.tag} (${fleet.meters.length} meters) from ${file}`);
  else {
    fleet = await provisionFleet({
      tag: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
      count: num(args, 'meters', 10),
      forged: num(args, 'forged', 0),
      regressing: num(args, 'regressing', 0),
      zone: args.get('zone'),
      ratedPowerW: num(args, 'rated-power-w', 10_000),
      log,
    });
    saveFleet(file, fleet);
    log(`fleet saved to ${file}`);
  }
  const waitSeconds = num(args, 'wait-verdicts', 0);
  const verdicts: Verdict[] = [];
  let listener: MqttClient | undefined;
  if (waitSeconds > 0) {
    listener = new MqttClient({ port, clientId: `sim-verdicts-${fleet.tag}`, clean: true });
    listener.on('message', (m) => {
      try {
        verdicts.push(JSON.parse(m.payload.toString('utf8')) as Verdict);
      } catch {
        // not ours
      }
      if (m.packetId !== undefined) listener?.ack(m.packetId);
    });
    await listener.connect();
    await listener.subscribe(`${TOPIC_ROOT}/+/verdicts`, 1);
  }
  const readings = num(args, 'readings', 60);
  const firstSeq = fleet.nextSeq ?? 0;
  const result = await runSimulation({ fleet, mqttPort: port, readings, rate: num(args, 'rate', 1), stepMs: num(args, 'step-ms', 60_000), firstSeq, log });
  saveFleet(file, { ...fleet, nextSeq: firstSeq + readings });
  log(`published ${result.published.length} readings in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (listener) {
    const deadline = Date.now() + waitSeconds * 1000;
    while (verdicts.length < result.published.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const summary = new Map<string, number>();
    for (const v of verdicts) {
      const k = v.verdict === 'accepted' ? (v.duplicate ? 'accepted (duplicate)' : 'accepted') : `rejected ${v.reason}`;
      summary.set(k, (summary.get(k) ?? 0) + 1);
    }
    log(`verdicts: ${JSON.stringify(Object.fromEntries(summary))} (${verdicts.length}/${result.published.length})`);
    await listener.end();
  }
}

main().catch((e: Error) => {
  console.error(`[simulator] ${e.message}`);
  process.exit(1);
});
