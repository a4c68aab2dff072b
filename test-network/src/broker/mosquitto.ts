/**
 * The project's MQTT broker: Mosquitto (Debian package `mosquitto`, binary
 * /usr/sbin/mosquitto) on 127.0.0.1 with a generated config in the run folder.
 * Persistence is on, so QoS 1 sessions (subscriptions and unacknowledged
 * messages) survive a broker restart.
 *
 *   .run/mosquitto/mosquitto.conf   generated config
 *   .run/mosquitto/data/            persistence (mosquitto.db)
 *   .run/mosquitto/mosquitto.log    broker log
 *   .run/mosquitto/mosquitto.pid    PID of the broker this module started
 *
 * `startBroker()` is idempotent: a broker already running from the same folder
 * (recorded PID alive and port open) is reused. `stopBroker()` stops only the
 * process whose PID it recorded (SIGTERM: Mosquitto saves its database on exit).
 * The broker is infrastructure, like the Fabric processes: the meter ingestor
 * and meters only connect to it.
 *
 * With `access` (the meter CA's files, meter-ingestor/src/credentials) the one
 * listener is TLS only: every client presents a certificate from the meter CA
 * (not revoked: `crlfile`), its CN becomes its MQTT username
 * (`use_identity_as_username`) and its username its client ID
 * (`use_username_as_clientid`), so nobody can take another identity's session,
 * e.g. the ingestor's; the ACL says who may publish or read which topic; no
 * anonymous access, no plain-TCP listener. `reloadBroker()` (SIGHUP) makes it
 * read a new CRL and ACL. Without `access` the listener is plain TCP and
 * anonymous on loopback: only for tests that predate TLS and for the
 * throughput comparison, never what `dec start` runs.
 */
import { REPO_ROOT } from '@dec/network';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

export const DEFAULT_MQTT_PORT = 1883;
export const MOSQUITTO_BIN = process.env.DEC_MOSQUITTO ?? '/usr/sbin/mosquitto';

export interface BrokerOptions {
  /** Run folder for config, data, log and PID (default .run/mosquitto). */
  dir?: string;
  port?: number;
  host?: string;
  /** QoS 1 messages in flight to one client at once; the ingestor batches up to this many (default 1000). */
  maxInflight?: number;
  /** TLS and access control from the meter CA; without it the listener is plain TCP and anonymous (see above). */
  access?: BrokerAccessFiles;
}

/** What the broker reads from the meter CA (meterCaAccessFiles names them in its folder). */
export interface BrokerAccessFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
  crlFile: string;
  aclFile: string;
}

/** Largest reading payload the broker takes: a reading is ~300 bytes; anything far larger is dropped by the broker, never delivered. */
export const MESSAGE_SIZE_LIMIT = 4096;

/** The broker files in a meter CA folder (layout: meter-ingestor/src/credentials/meter-ca.ts). */
export function meterCaAccessFiles(caDir: string): BrokerAccessFiles {
  const f = (rel: string): string => path.join(caDir, rel);
  return { caFile: f('ca.crt'), certFile: f('broker/server.crt'), keyFile: f('broker/server.key'), crlFile: f('crl.pem'), aclFile: f('acl') };
}

export interface BrokerHandle {
  host: string;
  port: number;
  pid: number;
  dir: string;
  /** The broker was already running and is reused. */
  reused: boolean;
  /** mqtts://127.0.0.1:<port> with `access`, else mqtt://. */
  url: string;
  tls: boolean;
}

type Resolved = Required<Omit<BrokerOptions, 'access'>> & Pick<BrokerOptions, 'access'>;

/** Options with their defaults: .run/mosquitto (or $DEC_RUN_DIR/mosquitto), $DEC_MQTT_PORT or 1883, 127.0.0.1, 1000 in flight. */
export function resolved(o: BrokerOptions): Resolved {
  return {
    access: o.access,
    dir: o.dir ?? path.join(process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, '.run'), 'mosquitto'),
    port: o.port ?? Number(process.env.DEC_MQTT_PORT ?? DEFAULT_MQTT_PORT),
    host: o.host ?? '127.0.0.1',
    maxInflight: o.maxInflight ?? 1000,
  };
}

/**
 * The listener and who may use it. Options after the `listener` line: with `per_listener_settings false`
 * Mosquitto applies listener options met before any `listener` line to an extra default listener on port
 * 1883 of every interface (observed with 2.0.11), which must never exist.
 */
function listenerLines(o: Resolved): string[] {
  const a = o.access;
  if (!a) return [`listener ${o.port} ${o.host}`, 'allow_anonymous true'];
  return [
    `listener ${o.port} ${o.host}`,
    `cafile ${a.caFile}`,
    `certfile ${a.certFile}`,
    `keyfile ${a.keyFile}`,
    `crlfile ${a.crlFile}`,
    'tls_version tlsv1.2',
    'require_certificate true',
    'use_identity_as_username true',
    'use_username_as_clientid true',
    'allow_anonymous false',
    `acl_file ${a.aclFile}`,
  ];
}

/** The mosquitto.conf for these options: the listener (TLS and access control with `access`), persistence on, logs in the run folder. */
export function brokerConfig(o: Resolved): string {
  return [
    '# Generated by test-network/src/broker/mosquitto.ts: do not edit, it is rewritten on start.',
    'per_listener_settings false',
    // Run as whoever started it: Mosquitto started as root would otherwise switch to user `mosquitto`
    // and could not write its database and log in the run folder.
    `user ${userInfo().username}`,
    ...listenerLines(o),
    `message_size_limit ${MESSAGE_SIZE_LIMIT}`,
    'persistence true',
    `persistence_location ${path.join(o.dir, 'data')}/`,
    'autosave_interval 1',
    `max_inflight_messages ${o.maxInflight}`,
    'max_queued_messages 1000000',
    'persistent_client_expiration 7d',
    `log_dest file ${path.join(o.dir, 'mosquitto.log')}`,
    'log_type error',
    'log_type warning',
    'log_type notice',
    'connection_messages true',
    '',
  ].join('\n');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections on host:port within `timeoutMs`. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => {
      done(true);
    });
    s.once('error', () => {
      done(false);
    });
    s.setTimeout(timeoutMs, () => {
      done(false);
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function recordedPid(dir: string): number | undefined {
  const file = path.join(dir, 'mosquitto.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Starts Mosquitto (or reuses the one this folder records) and waits until it accepts connections. */
export async function startBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const o = resolved(options);
  const tls = o.access !== undefined;
  const url = `${tls ? 'mqtts' : 'mqtt'}://${o.host}:${o.port}`;
  const existing = recordedPid(o.dir);
  if (existing && alive(existing) && (await portOpen(o.port, o.host))) {
    return { host: o.host, port: o.port, pid: existing, dir: o.dir, reused: true, url, tls };
  }
  if (!existsSync(MOSQUITTO_BIN)) {
    throw new Error(`Mosquitto is not installed at ${MOSQUITTO_BIN}: apt-get install mosquitto (or set DEC_MOSQUITTO)`);
  }
  if (await portOpen(o.port, o.host)) {
    throw new Error(`port ${o.host}:${o.port} is taken by another process: stop it or set DEC_MQTT_PORT`);
  }
  const pid = spawnMosquitto(o);
  await waitListening(o, pid);
  return { host: o.host, port: o.port, pid, dir: o.dir, reused: false, url, tls };
}

/** Makes the running broker of this folder read its configuration, CRL and ACL again (SIGHUP); false if none runs. */
export function reloadBroker(options: Pick<BrokerOptions, 'dir'> = {}): boolean {
  const pid = recordedPid(resolved(options).dir);
  if (!pid || !alive(pid)) return false;
  process.kill(pid, 'SIGHUP');
  return true;
}

/** Writes the config, starts Mosquitto detached (output in stdout.log) and records its PID. */
function spawnMosquitto(o: Resolved): number {
  mkdirSync(path.join(o.dir, 'data'), { recursive: true });
  const conf = path.join(o.dir, 'mosquitto.conf');
  writeFileSync(conf, brokerConfig(o));
  const out = openSync(path.join(o.dir, 'stdout.log'), 'a');
  const child = spawn(MOSQUITTO_BIN, ['-c', conf], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  const pid = child.pid;
  if (!pid) throw new Error('could not start mosquitto');
  writeFileSync(path.join(o.dir, 'mosquitto.pid'), `${pid}\n`);
  return pid;
}

/** Until the broker accepts connections (10 s at most, or until it exits). */
async function waitListening(o: Resolved, pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await portOpen(o.port, o.host)) return;
    if (!alive(pid)) break;
    await sleep(100);
  }
  throw new Error(`mosquitto did not start on ${o.host}:${o.port}; see ${path.join(o.dir, 'mosquitto.log')} and stdout.log`);
}

/** Stops the broker this folder recorded (SIGTERM, then SIGKILL after 10 s). Keeps its data unless `wipe`. */
export async function stopBroker(options: BrokerOptions & { wipe?: boolean } = {}): Promise<boolean> {
  const o = resolved(options);
  const pid = recordedPid(o.dir);
  let stopped = false;
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    stopped = true;
  }
  rmSync(path.join(o.dir, 'mosquitto.pid'), { force: true });
  if (options.wipe) rmSync(o.dir, { recursive: true, force: true });
  return stopped;
}
