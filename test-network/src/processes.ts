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
  /** The address its ports listen on (127.0.0.1 unless it runs on a host of the topology). */
  address?: string;
  /** The network namespace it runs in (the multi-host test network), if any. */
  netns?: string;
  /** A script that execs `command` (a bundle's run-node.sh): its PID is the same process. */
  launcher?: string;
  /** The kernel's start time of the PID (clock ticks since boot): with the PID, who it is. */
  startTicks?: number;
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
  address?: string;
  /** Run inside this network namespace (`ip netns exec`, which execs: the PID stays the program's). */
  netns?: string;
  launcher?: string;
}

export function start(spec: StartSpec): ProcessRecord {
  mkdirSync(LOG_DIR, { recursive: true });
  mkdirSync(PID_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${spec.name}.log`);
  const fd = openSync(log, 'a');
  const [cmd, args] = spec.netns ? ['ip', ['netns', 'exec', spec.netns, spec.launcher ?? spec.command, ...spec.args]] : [spec.launcher ?? spec.command, spec.args];
  const child = spawn(cmd, args, {
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
    address: spec.address,
    netns: spec.netns,
    launcher: spec.launcher,
    startTicks: procStat(child.pid)?.startTicks,
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

/** A process's state letter and start time from /proc/<pid>/stat; undefined without /proc. */
function procStat(pid: number): { state: string; startTicks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

/**
 * Alive and still the process we started (a PID can be reused after a crash).
 * Identity is the PID with its start time, which never changes across the
 * exec chain `ip netns exec` → run-node.sh → the program; the command line
 * does, and reads empty while an exec is under way (a false "exited", seen in CI).
 */
export function isAlive(r: ProcessRecord): boolean {
  try {
    process.kill(r.pid, 0);
  } catch {
    return false;
  }
  const stat = procStat(r.pid);
  if (!stat) return true; // no /proc: trust the signal check
  if (stat.state === 'Z' || stat.state === 'X') return false;
  if (r.startTicks !== undefined) return stat.startTicks === r.startTicks;
  return commandLineMatches(r);
}

/** For records written before start times were kept: the command line names the program. */
function commandLineMatches(r: ProcessRecord): boolean {
  try {
    const cmdline = readFileSync(`/proc/${r.pid}/cmdline`, 'utf8').split('\0');
    const names = [r.command, ...(r.launcher ? [r.launcher] : [])];
    if (cmdline.join('') === '') return true; // mid-exec
    if (r.netns && cmdline[0] === 'ip' && cmdline[2] === 'exec') return true;
    return cmdline.some((part) => names.some((name) => part === name || part.endsWith(path.basename(name))));
  } catch {
    return false;
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
