#!/usr/bin/env node
/**
 * dec-gateway-api: starts the REST API against the running network and prints
 * where it listens. Ctrl-C stops it (the network keeps running).
 */
import { startApi } from './server';

async function main(): Promise<void> {
  const api = await startApi();
  const lines = [
    `DEC gateway API listening on ${api.url}`,
    `  API docs:      ${api.url}/docs   (OpenAPI: ${api.url}/openapi.json)`,
    `  health:        ${api.url}/healthz, ${api.url}/readyz, metrics ${api.url}/metrics`,
    `  admin API keys: ${api.adminKeysFile}${Object.keys(api.adminKeys).length > 0 ? ` (new: ${Object.keys(api.adminKeys).join(', ')})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
