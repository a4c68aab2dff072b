#!/usr/bin/env node
/**
 * Starts or stops the project's Mosquitto from the shell (npm start starts it for you):
 *
 *   node test-network/dist/broker/cli.js start [--port 1883] [--dir .run/mosquitto] [--max-inflight 1000]
 *        (--meter-ca .run/meter-ca | --plain)
 *   node test-network/dist/broker/cli.js reload [--dir .run/mosquitto]
 *   node test-network/dist/broker/cli.js stop  [--port 1883] [--dir .run/mosquitto] [--wipe]
 *
 * `--meter-ca DIR`: TLS only, clients authenticated by the meter CA in DIR
 * (create it with `dec-meter-credentials init`); `--plain`: plain TCP and
 * anonymous on loopback, for comparisons only. One of the two is required.
 * `reload` makes the broker read a new CRL and ACL (after a revocation).
 *
 * `start` reuses a broker already running from the same folder; `stop` stops only
 * the process that folder recorded. A second broker (e.g. for the throughput
 * tool) is another --dir and --port.
 */
import path from 'node:path';
import { meterCaAccessFiles, reloadBroker, startBroker, stopBroker, type BrokerOptions } from './mosquitto';

/** --name value pairs after the command; --wipe is a flag. */
function options(argv: string[]): BrokerOptions & { wipe: boolean } {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = value('port');
  const dir = value('dir');
  const maxInflight = value('max-inflight');
  const meterCa = value('meter-ca');
  return {
    ...(meterCa === undefined ? {} : { access: meterCaAccessFiles(path.resolve(meterCa)) }),
    ...(port === undefined ? {} : { port: Number(port) }),
    ...(dir === undefined ? {} : { dir: path.resolve(dir) }),
    ...(maxInflight === undefined ? {} : { maxInflight: Number(maxInflight) }),
    wipe: argv.includes('--wipe'),
  };
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const o = options(rest);
  if (command === 'start') {
    if (!o.access && !rest.includes('--plain')) throw new Error('start needs --meter-ca DIR (TLS, authenticated meters) or --plain (anonymous plain TCP, comparisons only)');
    const b = await startBroker(o);
    console.log(`broker ${b.url} (pid ${b.pid}${b.reused ? ', already running' : ''}, folder ${b.dir})`);
  } else if (command === 'reload') {
    console.log(reloadBroker(o) ? 'broker reloads its configuration, CRL and ACL' : 'no broker running from that folder');
  } else if (command === 'stop') {
    console.log((await stopBroker(o)) ? 'broker stopped' : 'no broker running from that folder');
  } else {
    throw new Error('usage: broker/cli.js start|reload|stop [--port N] [--dir DIR] [--max-inflight N] [--meter-ca DIR | --plain] [--wipe]');
  }
}

main().catch((e: unknown) => {
  console.error(`[broker] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
