/**
 * Starts the gateway API as a child process (./api-process.ts) and stops it:
 * the REST benchmark's API runs apart from its load generator. With a profile
 * folder, the child runs under `node --cpu-prof` and leaves its .cpuprofile there.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { ApiReady } from './api-process';

export interface ApiChild {
  url: string;
  adminKeys: Record<string, string>;
  pid: number;
  close(): Promise<void>;
}

export async function startApiChild(o: { dataDir: string; cpuProfileDir?: string }): Promise<ApiChild> {
  const execArgv = o.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProfileDir] : [];
  const child = fork(path.join(__dirname, 'api-process.js'), [], { execArgv, env: { ...process.env, BENCH_API_DATA_DIR: o.dataDir }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    resolve();
  }));
  const ready = await new Promise<ApiReady>((resolve, reject) => {
    child.once('message', (m) => {
      resolve(m as ApiReady);
    });
    child.once('exit', (code) => {
      reject(new Error(`the API process exited (code ${code}) before it was ready`));
    });
  });
  return {
    url: ready.url,
    adminKeys: ready.adminKeys,
    pid: child.pid ?? 0,
    close: async () => {
      if (child.connected) child.send('close');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
