#!/usr/bin/env node
/**
 * dec-gateway-api [--with-network]
 *
 * Starts the REST API against the running network and prints where it
 * listens; Ctrl-C stops it. With --with-network (what `npm start` runs) it is
 * the project's main job: it first runs the test network's `up --foreground`
 * as a child (idempotent: reuses a running network), then the API, the MQTT
 * broker with the meter ingestor, and the explorer UI's server; on Ctrl-C it
 * stops them in reverse order, the network last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@dec/network';
import { startBroker, stopBroker } from './mqtt/broker';
import { startMeterIngestor, type MeterIngestor } from './mqtt/ingestor';
import { startApi, type RunningApi } from './server';

/** The explorer's static server (its own workspace), as a child process. */
function startExplorer(apiUrl: string): ChildProcess | undefined {
  const serve = path.join(REPO_ROOT, 'explorer-ui', 'dist', 'node', 'server', 'serve.js');
  if (!existsSync(serve)) {
    process.stdout.write('explorer UI not built (npm run -w explorer-ui build); skipping it\n');
    return undefined;
  }
  return spawn(process.execPath, [serve], { stdio: 'inherit', env: { ...process.env, DEC_API_URL: apiUrl } });
}

function startNetwork(): Promise<ChildProcess> {
  const cli = path.join(REPO_ROOT, 'test-network', 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, 'up', '--foreground'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      seen += chunk.toString('utf8');
      if (/Running\. Press Ctrl-C/.test(seen)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the test network stopped (exit ${code}) before it was up`)));
  });
}

async function main(argv: string[]): Promise<void> {
  const network = argv.includes('--with-network') ? await startNetwork() : undefined;
  let api: RunningApi | undefined;
  let ingestor: MeterIngestor | undefined;
  let explorer: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    explorer?.kill('SIGTERM');
    await ingestor?.stop();
    if (network) await stopBroker();
    await api?.close();
    if (network && network.exitCode === null) {
      process.stdout.write('Stopping the network...\n');
      const exited = new Promise((r) => network.once('exit', r));
      network.kill('SIGINT');
      await exited;
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    api = await startApi();
    if (network) {
      const broker = await startBroker();
      ingestor = await startMeterIngestor({ mqttPort: broker.port });
      process.stdout.write(`MQTT broker ${broker.url}; meter ingestor running (topics dec/meters/<meterEid>/readings -> .../verdicts)\n`);
      explorer = startExplorer(api.url);
    }
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    await stop(1);
    return;
  }
  const lines = [
    `DEC gateway API listening on ${api.url}`,
    `  API docs:       ${api.url}/docs   (OpenAPI: ${api.url}/openapi.json)`,
    `  operations:     ${api.url}/healthz, ${api.url}/readyz, ${api.url}/metrics`,
    `  admin API keys: ${api.adminKeysFile}${Object.keys(api.adminKeys).length > 0 ? ` (new: ${Object.keys(api.adminKeys).join(', ')})` : ''}`,
    ...(explorer ? [`  explorer UI:    http://127.0.0.1:${process.env.DEC_EXPLORER_PORT ?? 3001}  (sign in with an admin API key)`] : []),
    network ? 'Press Ctrl-C to stop everything, the network last.' : 'Press Ctrl-C to stop the API (the network keeps running).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
