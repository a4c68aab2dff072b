#!/usr/bin/env node
/**
 * dec-gateway-api: starts the REST API alone, against a network that already
 * runs, and prints where it listens; Ctrl-C stops it (the network keeps
 * running). The whole stack (network, API, broker, ingestor, explorer) is
 * `dec start` from @dec/cli, which `npm start` runs.
 */
import { startApi } from './server';
import { apiBanner } from './banner';

async function main(): Promise<void> {
  const api = await startApi();
  const stop = (): void => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${[...apiBanner(api), 'Press Ctrl-C to stop the API (the network keeps running).'].join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
