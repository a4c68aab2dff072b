/**
 * The gateway API in a process of its own for the REST benchmark, so the load
 * generator and the API do not share one event loop (issue 14, item 3): the
 * parent forks this file (optionally under `node --cpu-prof`), gets the URL and
 * the org admins' API keys over IPC, and sends `close` when done; the process
 * closes the API and exits, which writes the CPU profile.
 */
import { startApi, type RunningApi } from '@dec/gateway-api';

export interface ApiReady {
  type: 'ready';
  url: string;
  adminKeys: Record<string, string>;
}

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_API_DATA_DIR;
  if (!dataDir || !process.send) throw new Error('api-process: run by fork() with BENCH_API_DATA_DIR');
  process.env.DEC_API_LOG_LEVEL ??= 'silent';
  const api: RunningApi = await startApi({ port: 0, dataDir, rateLimitPerMinute: 1_000_000 });
  process.on('message', (m: unknown) => {
    if (m === 'close') {
      void api.close().finally(() => {
        process.disconnect();
        process.exit(0);
      });
    }
  });
  const ready: ApiReady = { type: 'ready', url: api.url, adminKeys: api.adminKeys };
  process.send(ready);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
