/**
 * Long-running processes of the network (CAs, orderers, peers, chaincode
 * servers): started detached with their output in the run folder's logs, and
 * recorded by PID, so `down` stops exactly what `up` started and nothing else.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOG_DIR, PID_DIR } from './paths';

export interface ProcessRecord {
  name: string;
  kind: 'ca' | 'orderer' | 'peer' | 'chaincode' | 'service';
  pid: number;
  command: string;
  ports: Record<string, number>;
  log: string;
  startedAt: string;
  /** How to check health: an https URL (TLS root given) or just the main port. */
  health?: { url: string; ca: string };
}

export interface StartSpec {
  name: string;
  kind: ProcessRecord['kind'];
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  ports: Record<string, number>;
  health?: ProcessRecord['health'];
}

export function start(spec: StartSpec): ProcessRecord {
  mkdirSync(LOG_DIR, { recursive: true });
  mkdirSync(PID_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${spec.name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command})`);
  child.unref();
  const record: ProcessRecord = {
    name: spec.name,
    kind: spec.kind,
    pid: child.pid,
    command: spec.command,
    ports: spec.ports,
    log,
    startedAt: new Date().toISOString(),
    health: spec.health,
  };
  writeFileSync(path.join(PID_DIR, `${spec.name}.json`), JSON.stringify(record, null, 2));
  return record;
}

export function records(): ProcessRecord[] {
  if (!existsSync(PID_DIR)) return [];
  return readdirSync(PID_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(PID_DIR, f), 'utf8')) as ProcessRecord);
}

export function record(name: string): ProcessRecord | undefined {
  return records().find((r) => r.name === name);
}

/** Alive and still the program we started (a PID can be reused after a crash). */
export function isAlive(r: ProcessRecord): boolean {
  try {
    process.kill(r.pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${r.pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((part) => part === r.command || part.endsWith(path.basename(r.command)));
  } catch {
    return true; // no /proc: trust the signal check
  }
}

export async function stop(r: ProcessRecord, graceMs = 5000): Promise<void> {
  if (isAlive(r)) {
    try {
      process.kill(-r.pid, 'SIGTERM'); // the whole process group: node wrappers included
    } catch {
      process.kill(r.pid, 'SIGTERM');
    }
    const until = Date.now() + graceMs;
    while (isAlive(r) && Date.now() < until) await sleep(100);
    if (isAlive(r)) {
      try {
        process.kill(-r.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  rmSync(path.join(PID_DIR, `${r.name}.json`), { force: true });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** RSS in KiB of a process and its children (the process group), from /proc. */
export function rssKiB(pid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pgid = Number(fields[2]);
      if (pgid !== pid && Number(entry) !== pid) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+)/.exec(status);
      if (m) total += Number(m[1]);
    } catch {
      /* process ended meanwhile */
    }
  }
  return total;
}
