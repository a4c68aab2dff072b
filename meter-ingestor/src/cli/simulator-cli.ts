#!/usr/bin/env node
/**
 * Meter simulator: provisions a fleet (or reuses a saved one) and publishes signed readings.
 *
 *   dec-meter-simulator --meters 10 --rate 1 --readings 60
 *        [--forged 1] [--regressing 1] [--step-ms 60000] [--url mqtts://127.0.0.1:1883 | --port 1883 [--plain]] [--meter-ca .run/meter-ca]
 *        [--fleet .run/mqtt/fleet.json] [--zone ZONE-SIM] [--rated-power-w 10000] [--wait-verdicts 30]
 *
 * A saved fleet (same file) is reused and continues its sequence numbers; delete
 * the file for a new fleet. --wait-verdicts N listens on the verdict topics and
 * prints a summary once every reading has a verdict (or after N seconds).
 * Over mqtts:// (the default) every meter connects with its own certificate
 * from the meter CA (issued when the fleet is provisioned, or now for a saved
 * fleet that has none) and the verdict listener as the verdict monitor.
 */
import { REPO_ROOT } from '@dec/network';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MONITOR_IDENTITY, type MeterCa } from '../credentials/meter-ca';
import { loadFleet, provisionFleet, saveFleet, type Fleet } from '../fleet';
import { DEFAULT_MQTT_PORT, type Verdict } from '../protocol';
import { runSimulation } from '../simulator';
import { VerdictListener } from '../verdict-listener';
import { brokerUrlArg, meterCaArg, num, parseArgs, runCli } from './args';

const log = (line: string): void => {
  console.log(`[simulator] ${line}`);
};

/** A saved fleet's meters without MQTT/TLS credentials get them now (saved with the fleet). */
function withCredentials(fleet: Fleet, ca: MeterCa | undefined): Fleet {
  if (!ca || fleet.meters.every((m) => m.tls)) return fleet;
  const meters = fleet.meters.map((m) => {
    if (m.tls) return m;
    const { key, cert } = ca.issueWithNewKey(m.eid);
    return { ...m, tls: { key, cert } };
  });
  return { ...fleet, meters, caPem: ca.caPem };
}

/** The saved fleet, or a new one provisioned on the ledger and saved. */
async function fleetFor(file: string, args: Map<string, string>, ca: MeterCa | undefined): Promise<Fleet> {
  const saved = loadFleet(file);
  if (saved) {
    log(`reusing fleet ${saved.tag} (${saved.meters.length} meters) from ${file}`);
    const fleet = withCredentials(saved, ca);
    saveFleet(file, fleet);
    return fleet;
  }
  const fleet = await provisionFleet({
    tag: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
    count: num(args, 'meters', 10),
    forged: num(args, 'forged', 0),
    regressing: num(args, 'regressing', 0),
    zone: args.get('zone'),
    ratedPowerW: num(args, 'rated-power-w', 10_000),
    credentials: ca,
    log,
  });
  saveFleet(file, fleet);
  log(`fleet saved to ${file}`);
  return fleet;
}

/** Verdict counts by outcome: accepted, accepted (duplicate), rejected <reason>. */
function summary(verdicts: Verdict[]): Record<string, number> {
  const out = new Map<string, number>();
  for (const v of verdicts) {
    const k = v.verdict === 'accepted' ? (v.duplicate ? 'accepted (duplicate)' : 'accepted') : `rejected ${v.reason ?? ''}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return Object.fromEntries(out);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = brokerUrlArg(args, DEFAULT_MQTT_PORT);
  const file = path.resolve(args.get('fleet') ?? path.join(REPO_ROOT, '.run', 'mqtt', 'fleet.json'));
  const ca = meterCaArg(args, url);
  const fleet = await fleetFor(file, args, ca);
  const waitSeconds = num(args, 'wait-verdicts', 0);
  const verdicts: Verdict[] = [];
  const monitor = ca ? { ...ca.serviceCredentials(MONITOR_IDENTITY), protocolVersion: 4 as const } : undefined;
  const listener = waitSeconds > 0 ? await VerdictListener.open({ url, clientId: `sim-verdicts-${fleet.tag}`, mqtt: monitor, onVerdict: (v) => verdicts.push(v) }) : undefined;
  const readings = num(args, 'readings', 60);
  const firstSeq = fleet.nextSeq ?? 0;
  const result = await runSimulation({ fleet, mqttUrl: url, readings, rate: num(args, 'rate', 1), stepMs: num(args, 'step-ms', 60_000), firstSeq, log });
  saveFleet(file, { ...fleet, nextSeq: firstSeq + readings });
  log(`published ${result.published.length} readings in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (!listener) return;
  const deadline = Date.now() + waitSeconds * 1000;
  while (verdicts.length < result.published.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  log(`verdicts: ${JSON.stringify(summary(verdicts))} (${verdicts.length}/${result.published.length})`);
  await listener.end();
}

runCli('simulator', main);
