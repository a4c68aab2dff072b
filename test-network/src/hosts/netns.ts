/**
 * The hosts of the multi-host test network on this one machine: one Linux
 * network namespace per host, each with a veth pair whose other end is on a
 * bridge that exists only inside this machine (no route off it, no NAT), the
 * bridge's address in the root namespace being the operator's workstation.
 * Everything made is recorded (hosts-net.json in the run folder) before it is
 * made, so `down` removes exactly that and nothing else.
 */
import type { HostSpec, NetworkModel } from '@dec/network';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { run } from '../exec';
import { runPath } from '../paths';
import { UserFacingError } from '../progress';
import { netnsName } from './layout';

export interface HostsNetRecord {
  bridge?: string;
  namespaces: string[];
  /** Host name -> the veth end on the bridge (root namespace). */
  links: Record<string, string>;
}

const RECORD_FILE = runPath('hosts-net.json');

export function readHostsNet(): HostsNetRecord | undefined {
  return existsSync(RECORD_FILE) ? (JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as HostsNetRecord) : undefined;
}

function save(r: HostsNetRecord): void {
  writeFileSync(RECORD_FILE, JSON.stringify(r, null, 2));
}

const ip = (args: string[]): Promise<string> => run('ip', args, { hint: 'the multi-host network needs iproute2 (`ip`) and root' });

/** Refuses early, saying what to do, when namespaces cannot be made here. */
export async function requireRoot(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new UserFacingError(
      'the multi-host test network needs root: it creates network namespaces, veth pairs and a bridge',
      'run it as root (e.g. `sudo -E env PATH=$PATH npx dec-network up --hosts`), or use the single-host network: npm run network:up',
    );
  }
  await run('ip', ['netns', 'list'], { hint: 'install iproute2 (apt-get install iproute2)' });
}

function simulation(model: NetworkModel): NonNullable<NetworkModel['topology']['simulation']> {
  const sim = model.topology.simulation;
  if (!sim) throw new UserFacingError('the topology has hosts but no simulation: section', 'add simulation: { bridge, prefixLength, workstation } (see network/topology.hosts.yaml)');
  return sim;
}

async function linkExists(name: string): Promise<boolean> {
  return ip(['link', 'show', name]).then(() => true, () => false);
}

/** Creates the bridge, and one namespace per host wired to it; resumes what a previous `up` made. */
export async function createHosts(model: NetworkModel): Promise<void> {
  const sim = simulation(model);
  const record = readHostsNet() ?? { namespaces: [], links: {} };
  if (record.bridge === undefined) {
    if (await linkExists(sim.bridge)) throw new UserFacingError(`a network interface named ${sim.bridge} exists already and is not this network's`, 'choose another simulation.bridge in the topology, or remove it if it is a leftover');
    record.bridge = sim.bridge;
    save(record);
    await ip(['link', 'add', sim.bridge, 'type', 'bridge']);
    await ip(['addr', 'add', `${sim.workstation}/${sim.prefixLength}`, 'dev', sim.bridge]);
    await ip(['link', 'set', sim.bridge, 'up']);
  }
  for (const [i, host] of model.hosts.entries()) await createHost(record, sim.bridge, sim.prefixLength, host, i);
}

async function createHost(record: HostsNetRecord, bridge: string, prefixLength: number, host: HostSpec, i: number): Promise<void> {
  const ns = netnsName(host);
  if (record.namespaces.includes(ns)) return;
  const existing = (await ip(['netns', 'list'])).split('\n').map((l) => l.split(' ')[0]);
  if (existing.includes(ns)) throw new UserFacingError(`network namespace ${ns} exists already and is not this network's`, `remove it (ip netns del ${ns}) if it is a leftover`);
  const link = `${bridge}-h${i}`;
  record.namespaces.push(ns);
  record.links[host.name] = link;
  save(record);
  await ip(['netns', 'add', ns]);
  await ip(['-n', ns, 'link', 'set', 'lo', 'up']);
  await ip(['link', 'add', link, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  await ip(['link', 'set', link, 'master', bridge, 'up']);
  await ip(['-n', ns, 'addr', 'add', `${host.address}/${prefixLength}`, 'dev', 'eth0']);
  await ip(['-n', ns, 'link', 'set', 'eth0', 'up']);
}

/** Kills what still runs in our namespaces, then removes the namespaces and the bridge we made. */
export async function removeHosts(): Promise<void> {
  const record = readHostsNet();
  if (!record) return;
  for (const ns of record.namespaces) {
    const pids = (await ip(['netns', 'pids', ns]).catch(() => '')).split(/\s+/).filter((p) => /^\d+$/.test(p));
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        /* gone already */
      }
    }
    await ip(['netns', 'del', ns]).catch(() => '');
  }
  if (record.bridge !== undefined && (await linkExists(record.bridge))) await ip(['link', 'del', record.bridge]);
  rmSync(RECORD_FILE, { force: true });
}

function linkOf(host: HostSpec): string {
  const link = readHostsNet()?.links[host.name];
  if (link === undefined) throw new Error(`host ${host.name} is not part of the running multi-host network`);
  return link;
}

/** Cuts the host off the bridge (its veth goes down: no packet in or out), or brings it back. */
export async function setHostLink(host: HostSpec, up: boolean): Promise<void> {
  await ip(['link', 'set', linkOf(host), up ? 'up' : 'down']);
}

/** Delays every packet leaving each host (netem on its eth0), or removes the delay. */
export async function setHostDelay(hosts: HostSpec[], delay: { ms: number; jitterMs: number } | undefined): Promise<void> {
  for (const host of hosts) {
    const ns = netnsName(host);
    if (delay) await run('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'replace', 'dev', 'eth0', 'root', 'netem', 'delay', `${delay.ms}ms`, `${delay.jitterMs}ms`]);
    else await run('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'del', 'dev', 'eth0', 'root']).catch(() => '');
  }
}

/** PIDs of every process running in the host's namespace. */
export async function hostPids(host: HostSpec): Promise<number[]> {
  return (await ip(['netns', 'pids', netnsName(host)])).split(/\s+/).filter((p) => /^\d+$/.test(p)).map(Number);
}

/**
 * Whether the kernel has tc netem (sch_netem). Some kernels (e.g. minimal VM
 * kernels) ship without it; then delay cannot be simulated here. Probed on the
 * loopback of one of our namespaces, leaving nothing behind.
 */
export async function netemAvailable(host: HostSpec): Promise<boolean> {
  const ns = netnsName(host);
  try {
    await run('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
  } catch {
    return false;
  }
  await run('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'del', 'dev', 'lo', 'root']);
  return true;
}
