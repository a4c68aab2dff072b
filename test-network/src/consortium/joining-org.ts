/**
 * An org joining the running consortium, on "its own host": a folder of its own
 * (folders.ts) holding only its crypto (cryptogen for its org alone), its Fabric
 * CA, its peer's ledger, and the public join material the consortium hands it
 * (the orderers' TLS CA certificate). Only its public MSP definition
 * (`configtxgen -printOrg`) leaves the folder. Its model is the topology with
 * the org appended, so its ports follow the last topology org.
 */
import { caRegistrarSecretPath, gatewayConfig, orgByMsp, parseTopology, resolveNetwork, type GatewayOrg, type NetworkModel, type OrgModel } from '@dec/network';
import { cryptoConfigYaml } from '@dec/network';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { run } from '../exec';
import { healthy, waitFor } from '../health';
import { bin } from '../paths';
import { isAlive, record, sleep, type ProcessRecord } from '../processes';
import { UserFacingError } from '../progress';
import { startCa } from '../steps/cas';
import { channelHeight } from '../steps/peers';
import { peerEnv } from '../env';
import { start } from '../processes';
import { orgPolicies } from '@dec/network';
import { hostDir } from './folders';

export interface JoiningOrg {
  /** The consortium's model with this org appended, resolved in the org's own folder. */
  model: NetworkModel;
  org: OrgModel;
  dir: string;
}

const READY_MS = 60_000;

/** The joining org described by a topology fragment (network/orgs/<org>.yaml), on top of the running `base` network. */
export function joiningOrg(base: NetworkModel, fragmentFile: string): JoiningOrg {
  const fragment = parse(readFileSync(fragmentFile, 'utf8')) as { mspId?: unknown };
  const topology = parseTopology(stringify({ ...base.topology, orgs: [...base.topology.orgs, fragment] }), fragmentFile);
  const mspId = String(fragment.mspId);
  const dir = hostDir(topology.orgs[topology.orgs.length - 1]?.name ?? mspId);
  const model = resolveNetwork(topology, dir);
  return { model, org: orgByMsp(model, mspId), dir };
}

/** cryptogen for this org alone (nodes, admin, CA and TLS CA keys stay in its folder). */
export async function createCrypto(j: JoiningOrg): Promise<void> {
  if (existsSync(j.org.admin.cert)) return;
  const all = parse(cryptoConfigYaml(j.model)) as { PeerOrgs: { Domain: string }[] };
  const mine = all.PeerOrgs.filter((o) => o.Domain === j.org.domain);
  const file = path.join(j.dir, 'config', 'crypto-config.yaml');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, stringify({ PeerOrgs: mine }));
  await run(bin('cryptogen'), ['generate', `--config=${file}`, `--output=${j.model.cryptoDir}`]);
}

/** `configtxgen -printOrg`: the org's public definition (MSP roots, NodeOUs, policies) as JSON, written to `outFile`. */
export async function printOrgDefinition(j: JoiningOrg, outFile: string): Promise<void> {
  const dir = path.join(j.dir, 'config');
  const mspId = j.org.spec.mspId;
  writeFileSync(path.join(dir, 'configtx.yaml'), stringify({ Organizations: [{ Name: mspId, ID: mspId, MSPDir: j.org.mspDir, Policies: orgPolicies(mspId) }] }));
  const out = await run(bin('configtxgen'), ['-configPath', dir, '-printOrg', mspId], { env: { FABRIC_LOGGING_SPEC: 'error' } });
  const json = out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1);
  JSON.parse(json);
  writeFileSync(outFile, json);
}

/** The public material the consortium gives a joining org: the orderers' TLS CA (to reach them). */
export function receiveJoinMaterial(base: NetworkModel, j: JoiningOrg): void {
  mkdirSync(path.dirname(j.model.ordererOrg.tlsCaCert), { recursive: true });
  copyFileSync(base.ordererOrg.tlsCaCert, j.model.ordererOrg.tlsCaCert);
}

async function waitHealthy(r: ProcessRecord): Promise<void> {
  const check = (): Promise<boolean> => {
    if (!isAlive(r)) throw new UserFacingError(`${r.name} exited during start-up`, `read its log: ${r.log}`);
    return r.health ? healthy(r.health) : Promise.resolve(true);
  };
  await waitFor(r.name, check, READY_MS, `Read its log: ${r.log}`);
}

/** Starts the org's Fabric CA (its registrar secret is made here, in its folder) unless it runs. */
export async function startOrgCa(j: JoiningOrg): Promise<void> {
  const existing = record(j.org.ca.id);
  if (existing && isAlive(existing)) return;
  const secretFile = caRegistrarSecretPath(j.model, j.org.spec.name);
  if (!existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  await waitHealthy(startCa(j.model, j.org));
}

/**
 * Starts the org's peers unless they run. A joining peer replays the channel
 * from block 0, including blocks whose private data (e.g. an earlier member's
 * lifecycle approvals) no peer it can reach holds: it waits only briefly for
 * it (pullRetryThreshold, 60 s by default) instead of stalling the catch-up.
 */
export async function startOrgPeers(j: JoiningOrg): Promise<void> {
  for (const peer of j.org.peers) {
    const existing = record(peer.id);
    if (existing && isAlive(existing)) continue;
    mkdirSync(peer.dataDir, { recursive: true });
    const r = start({
      name: peer.id,
      kind: 'peer',
      command: bin('peer'),
      args: ['node', 'start'],
      env: { ...peerEnv(peer), CORE_PEER_GOSSIP_PVTDATA_PULLRETRYTHRESHOLD: '3s' },
      ports: { grpc: peer.port, chaincode: peer.chaincodePort, operations: peer.operationsPort },
      health: { url: `https://${peer.host.address}:${peer.operationsPort}/healthz`, ca: peer.tls.ca },
    });
    await waitHealthy(r);
  }
}

/** Waits until the org's peers have caught up to `height` on `channel` (so they know the config that admits the org). */
export async function waitForHeight(j: JoiningOrg, channel: string, height: number): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    const now = await channelHeight(j.org, channel).catch(() => 0);
    if (now >= height) return;
    if (Date.now() > until) throw new UserFacingError(`${j.org.spec.mspId}'s peer is at height ${now} of ${channel}, not ${height}, after 2 minutes`, `read its log: .run/logs/${j.org.peers[0]?.id ?? 'peer'}.log`);
    await sleep(500);
  }
}

/** The org's entry for gateway clients (peers, CA, admin), as the gateway config writes it for topology orgs. */
export function gatewayOrg(j: JoiningOrg, channels: string[]): GatewayOrg {
  const org = gatewayConfig(j.model, '').orgs.find((o) => o.mspId === j.org.spec.mspId);
  if (!org) throw new Error(`no gateway entry for ${j.org.spec.mspId}`);
  return { ...org, channels: channels.map((name) => ({ name, chaincodes: [] })) };
}
