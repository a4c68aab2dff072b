#!/usr/bin/env node
/**
 * Serves the built explorer on DEC_EXPLORER_HOST:DEC_EXPLORER_PORT
 * (127.0.0.1:3001) and proxies /api to the gateway at DEC_API_URL
 * (http://127.0.0.1:3000). Ctrl-C stops it.
 */
import path from 'node:path';
import { startExplorer } from './static-server';

async function main(): Promise<void> {
  const explorer = await startExplorer({
    // dist/node/server/serve.js → dist/public; under ts-node src/server/serve.ts → dist/public too.
    root: process.env.DEC_EXPLORER_ROOT ?? path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../public' : '../../dist/public'),
    apiUrl: process.env.DEC_API_URL ?? 'http://127.0.0.1:3000',
    host: process.env.DEC_EXPLORER_HOST ?? '127.0.0.1',
    port: process.env.DEC_EXPLORER_PORT ? Number(process.env.DEC_EXPLORER_PORT) : 3001,
  });
  process.stdout.write(`DEC explorer on ${explorer.url} (gateway API ${process.env.DEC_API_URL ?? 'http://127.0.0.1:3000'})\n`);
  const stop = () => void explorer.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
