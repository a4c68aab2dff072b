#!/usr/bin/env node
/**
 * dec-gateway-api [--with-network]
 *
 * Starts the REST API against the running network and prints where it
 * listens; Ctrl-C stops it. With --with-network it first runs the test
 * network's `up --foreground` as a child (idempotent: reuses a running
 * network), starts the API once the network is up, and on Ctrl-C stops the
 * API and then the network, as `npm start` did before the API existed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@dec/network';
import { startApi, type RunningApi } from './server';

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
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
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
    network ? 'Press Ctrl-C to stop the API and the network.' : 'Press Ctrl-C to stop the API (the network keeps running).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
