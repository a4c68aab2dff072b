#!/usr/bin/env node
/**
 * Serves the built explorer on DEC_EXPLORER_HOST:DEC_EXPLORER_PORT
 * (127.0.0.1:3001) and proxies /api to the gateway at DEC_API_URL
 * (http://127.0.0.1:3000). Ctrl-C stops it.
 */
import { BUNDLE_DIR } from './paths';
import { startExplorer } from './static-server';

async function main(): Promise<void> {
  const explorer = await startExplorer({
    root: process.env.DEC_EXPLORER_ROOT ?? BUNDLE_DIR,
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
