/**
 * The test network's commands. `up` builds Fabric if needed, generates config
 * from the topology, starts CAs, orderers and peers, joins channels and deploys
 * chaincode; run again it resumes (restarts what stopped) and changes nothing
 * that runs. `down` stops only the processes recorded in the run folder.
 */
import { endpoint, loadTopology, resolveNetwork, type ChaincodeServer, type NetworkModel } from '@dec/network';
import { DEFAULT_TOPOLOGY_FILE } from '@dec/network';
import { isMultiHost } from './hosts/layout';
import { prepareHosts, startersFor } from './hosts/launch';
import { readHostsNet, removeHosts, requireRoot } from './hosts/netns';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { healthy, portOpen, waitFor } from './health';
import { run } from './exec';
import { BUILD_SCRIPT, REPO_ROOT, RUN_DIR } from './paths';
import { record, records, isAlive, rssKiB, sleep, stop, type ProcessRecord } from './processes';
import { say, step, UserFacingError } from './progress';
import { readState, writeState, type NetworkState } from './state';
import { deployChaincode } from './steps/chaincode';
import { generateCaSecrets, generateChannelBlocks, generateCrypto, GATEWAY_CONFIG_FILE, writeClientConfig } from './steps/generate';
import { joinOrderer, ordererChannelInfo } from './steps/orderers';
import { channelHeight, joinPeer } from './steps/peers';

export function currentModel(): { model: NetworkModel; topologyFile: string } {
  const topologyFile = process.env.DEC_TOPOLOGY ?? DEFAULT_TOPOLOGY_FILE;
  return { model: resolveNetwork(loadTopology(topologyFile), RUN_DIR), topologyFile };
}

const READY_TIMEOUT_MS = 60_000;

/** Every process the topology runs, by the name its PID record has. */
export function networkProcessNames(model: NetworkModel): string[] {
  return [
    ...model.orgs.map((o) => o.ca.id),
    ...model.ordererOrg.nodes.map((n) => n.id),
    ...model.orgs.flatMap((o) => o.peers.map((p) => p.id)),
    ...model.chaincodeServers.map((s) => s.id),
  ];
}

/** Whether a process answers: its health endpoint, or else its first port. */
async function answering(r: ProcessRecord): Promise<boolean> {
  if (r.health) return healthy(r.health);
  const port = Object.values(r.ports)[0];
  return port !== undefined && (await portOpen(port, r.address));
}

async function waitHealthy(r: ProcessRecord): Promise<void> {
  const check = async (): Promise<boolean> => {
    if (!isAlive(r)) throw new UserFacingError(`${r.name} exited during start-up; the end of its log:\n${logTail(r.log)}`, `read its whole log: ${r.log}`);
    return answering(r);
  };
  await waitFor(r.name, check, READY_TIMEOUT_MS, `Read its log: ${r.log}`);
}

/** The last lines of a log, so a failure reads the same where the run folder is wiped afterwards (CI). */
function logTail(log: string, lines = 15): string {
  if (!existsSync(log)) return '  (no log written)';
  return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `  | ${l}`).join('\n');
}

/** Starts `name` unless the recorded process is alive; returns the record. */
function ensure(name: string, startIt: () => ProcessRecord): ProcessRecord {
  const existing = record(name);
  if (existing && isAlive(existing)) return existing;
  return startIt();
}

function allPorts(model: NetworkModel): { port: number; owner: string }[] {
  return [
    ...model.orgs.flatMap((o) => [
      { port: o.ca.port, owner: o.ca.id },
      { port: o.ca.operationsPort, owner: `${o.ca.id} operations` },
      ...o.peers.flatMap((p) => [
        { port: p.port, owner: p.id },
        { port: p.chaincodePort, owner: `${p.id} chaincode callback` },
        { port: p.operationsPort, owner: `${p.id} operations` },
      ]),
    ]),
    ...model.ordererOrg.nodes.flatMap((n) => [
      { port: n.port, owner: n.id },
      { port: n.adminPort, owner: `${n.id} admin` },
      { port: n.operationsPort, owner: `${n.id} operations` },
    ]),
    ...model.chaincodeServers.map((s) => ({ port: s.port, owner: `${s.id} chaincode server` })),
  ];
}

export async function checkPortsFree(model: NetworkModel): Promise<void> {
  for (const { port, owner } of allPorts(model)) {
    if (await portOpen(port)) {
      throw new UserFacingError(
        `port ${port} (for ${owner}) is already in use by another program`,
        `stop it (see: ss -ltnp 'sport = :${port}'), or move the network with ports.orgBase / ports.ordererBase in network/topology.yaml`,
      );
    }
  }
}

export async function up(): Promise<NetworkState> {
  const { model, topologyFile } = currentModel();
  if (isMultiHost(model)) await requireRoot();
  await step('Fabric binaries', async () => {
    const out = await run('bash', [BUILD_SCRIPT], { hint: 'see the build output above; Go >= 1.24 and gcc are needed' });
    say(out.trim().split('\n').pop() ?? '');
  });
  let state = readState();

  if (state) {
    // The client configs follow the code that writes them (e.g. orderers added to the gateway config).
    writeClientConfig(model, topologyFile);
    const down = records().filter((r) => !isAlive(r));
    const recorded = new Set(records().map((r) => r.name));
    if (down.length === 0 && networkProcessNames(model).every((name) => recorded.has(name))) {
      say(`The network is already running (run folder ${RUN_DIR}). Nothing to do.`);
      say('  status: npm run network:status    stop: npm run network:down');
      return state;
    }
    say(`Resuming the network in ${RUN_DIR}: ${down.length > 0 ? `restarting ${down.map((r) => r.name).join(', ')}` : 'starting what is missing'}`);
  } else {
    // Each simulated host is a fresh network stack: nothing can hold its ports.
    if (!isMultiHost(model)) await step('Checking ports', () => checkPortsFree(model));
    rmSync(RUN_DIR, { recursive: true, force: true });
    mkdirSync(RUN_DIR, { recursive: true });
    await step('Generating crypto material (cryptogen)', () => generateCrypto(model));
    generateCaSecrets(model);
    await step('Generating channel genesis blocks (configtxgen)', () => generateChannelBlocks(model));
    writeClientConfig(model, topologyFile);
    state = { topologyFile, createdAt: new Date().toISOString(), channelsJoined: false, chaincodes: {}, servers: {} };
    writeState(state);
  }
  const s = state;
  if (isMultiHost(model)) await step(`Hosts: ${model.hosts.length} network namespaces on a private bridge, each host's folder unpacked from its bundle`, () => prepareHosts(model));
  const starters = startersFor(model);

  await step(`Starting ${model.orgs.length} Fabric CAs`, async () => {
    const started = model.orgs.map((org) => ensure(org.ca.id, () => starters.ca(org)));
    await Promise.all(started.map(waitHealthy));
  });
  await step(`Starting ${model.ordererOrg.nodes.length} Raft orderers`, async () => {
    const started = model.ordererOrg.nodes.map((n) => ensure(n.id, () => starters.orderer(n)));
    await Promise.all(started.map(waitHealthy));
  });
  await step('Joining orderers to channels (channel participation API)', async () => {
    for (const channel of model.topology.channels) for (const node of model.ordererOrg.nodes) await joinOrderer(model, node, channel.name);
    // A restarted orderer is "onboarding" until it has caught up with the others.
    for (const channel of model.topology.channels) {
      for (const node of model.ordererOrg.nodes) {
        // Its admin listener may refuse connections for a moment after /healthz answers.
        const active = () => ordererChannelInfo(model, node, channel.name).then((i) => i.status === 'active', () => false);
        await waitFor(`${node.id} on ${channel.name}`, active, READY_TIMEOUT_MS, `Read its log: ${record(node.id)?.log}`);
      }
    }
  });
  const peers = model.orgs.flatMap((org) => org.peers.map((peer) => ({ org, peer })));
  await step(`Starting ${peers.length} peers`, async () => {
    const started = peers.map(({ peer }) => ensure(peer.id, () => starters.peer(peer)));
    await Promise.all(started.map(waitHealthy));
  });
  await step('Joining peers to their channels (anchor peers are in the genesis blocks)', async () => {
    for (const { org, peer } of peers) {
      for (const channel of peer.channels) await joinPeer(model, org, peer, channel);
      say(`  ${peer.name} on ${peer.channels.join(', ')}`);
    }
    s.channelsJoined = true;
    writeState(s);
  });

  await withDeployLock(() => deployAll(model, s, []));
  printEndpoints(model);
  return s;
}

/** (Re)starts a chaincode server unless it already runs this package with this code. */
function serverKeeper(model: NetworkModel, s: NetworkState) {
  return async (server: ChaincodeServer, packageId: string, version: string) => {
    const fingerprint = `${packageId} ${version}`;
    const existing = record(server.id);
    if (existing && isAlive(existing) && s.servers[server.id] === fingerprint) return;
    if (existing) await stop(existing);
    const r = startersFor(model).chaincode(server, packageId);
    s.servers[server.id] = fingerprint;
    writeState(s);
    await waitHealthy(r);
  };
}

async function deployAll(model: NetworkModel, s: NetworkState, names: string[]): Promise<void> {
  for (const channel of model.topology.channels) {
    for (const cc of channel.chaincodes) {
      if (names.length > 0 && !names.includes(cc.name)) continue;
      await step(`Deploying chaincode ${cc.name} on ${channel.name}`, async () => {
        s.chaincodes[cc.name] = await deployChaincode(model, channel, cc, s.chaincodes[cc.name], serverKeeper(model, s));
        writeState(s);
      });
    }
  }
}

/**
 * One deploy at a time per run folder: two overlapping deploys would approve
 * different definitions and restart each other's servers.
 */
async function withDeployLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(RUN_DIR, 'deploy.lock');
  for (let announced = false; ; ) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        alive = false;
      }
      if (!alive) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!announced) say(`waiting for another chaincode deploy (pid ${holder}) to finish ...`);
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Refuses chaincode names the topology does not define (a typo would otherwise deploy nothing, silently). */
export function checkChaincodeNames(model: NetworkModel, names: string[]): void {
  const known = model.topology.channels.flatMap((c) => c.chaincodes.map((cc) => cc.name));
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new UserFacingError(`unknown chaincode ${unknown.join(', ')}`, `name one of ${known.join(', ')} (network/topology.yaml), or none to deploy all`);
  }
}

/** Redeploys chaincode after a code change: restarted servers, next sequence. */
export async function deploy(names: string[]): Promise<void> {
  const { model } = currentModel();
  checkChaincodeNames(model, names);
  if (!readState()?.channelsJoined) throw new UserFacingError('the network is not up', 'run `npm start` (or npm run network:up) first');
  await withDeployLock(async () => {
    await step('Compiling chaincode', () => run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', ...model.topology.channels.flatMap((c) => c.chaincodes.map((cc) => cc.path))], { cwd: REPO_ROOT }));
    // Read under the lock: another deploy may just have changed it.
    const state = readState();
    if (!state) throw new UserFacingError('the network went down during the deploy', 'run `npm run network:up` and deploy again');
    await deployAll(model, state, names);
  });
}

const STOP_ORDER: ProcessRecord['kind'][] = ['service', 'chaincode', 'peer', 'orderer', 'ca'];

export async function down(options: { keepData?: boolean } = {}): Promise<void> {
  const all = records();
  if (all.length === 0 && !existsSync(RUN_DIR)) {
    say('No network is running here. Nothing to stop.');
    return;
  }
  for (const kind of STOP_ORDER) {
    const group = all.filter((r) => r.kind === kind);
    if (group.length === 0) continue;
    await step(`Stopping ${group.length} ${kind} process${group.length > 1 ? 'es' : ''}`, () => Promise.all(group.map((r) => stop(r))).then(() => undefined));
  }
  if (readHostsNet()) {
    await requireRoot();
    await step('Removing the hosts (the namespaces and bridge this network made)', removeHosts);
  }
  if (!options.keepData) {
    rmSync(RUN_DIR, { recursive: true, force: true });
    say(`Removed ${RUN_DIR} (ledgers, crypto material, logs).`);
  } else {
    say(`Kept ${RUN_DIR}; \`up\` will resume from it.`);
  }
}

export interface ProcessStatus {
  name: string;
  kind: string;
  pid: number;
  ports: Record<string, number>;
  alive: boolean;
  healthy: boolean;
  rssMiB: number;
}

export async function processStatus(): Promise<ProcessStatus[]> {
  return Promise.all(
    records().map(async (r) => {
      const alive = isAlive(r);
      const ok = alive && (await answering(r));
      return { name: r.name, kind: r.kind, pid: r.pid, ports: r.ports, alive, healthy: ok, rssMiB: alive ? Math.round(rssKiB(r.pid) / 1024) : 0 };
    }),
  );
}

export async function status(): Promise<boolean> {
  const { model } = currentModel();
  const rows = await processStatus();
  if (rows.length === 0) {
    say('No network is running. Start it with `npm start` (or npm run network:up).');
    return false;
  }
  const order = ['ca', 'orderer', 'peer', 'chaincode', 'service'];
  rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
  console.log(`${'process'.padEnd(20)}${'kind'.padEnd(11)}${'pid'.padEnd(9)}${'state'.padEnd(10)}${'rss'.padStart(8)}  ports`);
  for (const r of rows) {
    const state = !r.alive ? 'STOPPED' : r.healthy ? 'healthy' : 'UNHEALTHY';
    const ports = Object.entries(r.ports).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`${r.name.padEnd(20)}${r.kind.padEnd(11)}${String(r.pid).padEnd(9)}${state.padEnd(10)}${`${r.rssMiB}M`.padStart(8)}  ${ports}`);
  }
  const total = rows.reduce((n, r) => n + r.rssMiB, 0);
  console.log(`total RSS ${total} MiB in ${rows.filter((r) => r.alive).length} processes`);
  const s = readState();
  for (const channel of model.topology.channels) {
    const org = model.orgs.find((o) => o.spec.mspId === channel.orgs[0]);
    let height = '?';
    try {
      if (org) height = String(await channelHeight(org, channel.name));
    } catch {
      height = 'unreachable';
    }
    const ccs = channel.chaincodes.map((cc) => {
      const d = s?.chaincodes[cc.name];
      return d ? `${cc.name} ${d.version} seq ${d.sequence}` : `${cc.name} (not deployed)`;
    });
    console.log(`channel ${channel.name}: height ${height}; ${channel.orgs.length} orgs; chaincode ${ccs.join(', ')}`);
  }
  return rows.every((r) => r.alive && r.healthy);
}

export function printEndpoints(model: NetworkModel): void {
  say('Network is up:');
  for (const org of model.orgs) {
    say(`  ${org.spec.mspId.padEnd(13)} peer ${org.peers.map((p) => endpoint(p, p.port)).join(', ')}  CA https://${endpoint(org.ca, org.ca.port)}  channels ${org.channels.map((c) => c.name).join(', ')}`);
  }
  say(`  ${'OrdererMSP'.padEnd(13)} orderers ${model.ordererOrg.nodes.map((n) => endpoint(n, n.port)).join(', ')}`);
  say(`  connection profiles: ${path.join(RUN_DIR, 'profiles')}   gateway config: ${GATEWAY_CONFIG_FILE}`);
}
