/**
 * `dec-network bundle <org|host> --out <dir>`: everything one host's admin
 * needs on their own server, and nothing more (bundle-files.ts says what),
 * with each node's env, run-node.sh / start.sh / stop.sh, systemd units and a
 * manifest; packed as <dir>.tar.gz too. The multi-host test network unpacks
 * each host's tarball into the host's folder and runs the host from there.
 */
import type { HostSpec, NetworkModel } from '@dec/network';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec';
import { writeCaConfig } from '../steps/cas';
import { bundleCopies, copyInto } from './bundle-files';
import { hostPart, hostProcessNames, modelAt, type HostPart } from './layout';
import { nodeEnvFiles } from './node-env';
import { RUN_NODE, startScript, stopScript, systemdUnit } from './node-scripts';

export interface BundleManifest {
  host: HostSpec;
  orgs: string[];
  orderers: string[];
  /** Node ids in start order (CAs, orderers, peers, chaincode servers). */
  nodes: string[];
  channels: string[];
}

function manifest(model: NetworkModel, part: HostPart): BundleManifest {
  return {
    host: part.host,
    orgs: part.orgs.map((o) => o.spec.mspId),
    orderers: part.orderers.map((n) => n.id),
    nodes: hostProcessNames(part, model),
    channels: [...new Set([...part.orgs.flatMap((o) => o.channels.map((c) => c.name)), ...(part.orderers.length > 0 ? model.topology.channels.map((c) => c.name) : [])])],
  };
}

function readme(m: BundleManifest): string {
  return `DEC Network bundle for host ${m.host.name} (${m.host.address})
orgs: ${m.orgs.join(', ') || '-'}   orderers: ${m.orderers.join(', ') || '-'}   channels: ${m.channels.join(', ')}

Holds this host's own private keys only; other orgs appear by their public MSP.
  ./start.sh / ./stop.sh        all nodes in the background (logs/, pids/)
  ./run-node.sh <id>            one node in the foreground; ids: ${m.nodes.join(' ')}
  systemd/*.service             units expecting this folder at /opt/dec-network/${m.host.name}
  channels/*.block              the channel join material (genesis blocks)
  profiles/*.json               the org's connection profile
Binaries: FABRIC_BIN (default ./bin). Chaincode servers: DEC_CODE (a built checkout) and chaincode-ids/<id>.
`;
}

function writeGenerated(model: NetworkModel, part: HostPart, dir: string, m: BundleManifest): void {
  const local = modelAt(model, dir);
  for (const org of local.orgs.filter((o) => part.orgs.some((p) => p.spec.mspId === o.spec.mspId))) writeCaConfig(local, org, true);
  mkdirSync(path.join(dir, 'env'), { recursive: true });
  for (const [file, text] of Object.entries(nodeEnvFiles(model, part))) writeFileSync(path.join(dir, 'env', file), text, { mode: 0o600 });
  const scripts: Record<string, string> = { 'run-node.sh': RUN_NODE, 'start.sh': startScript(m.nodes), 'stop.sh': stopScript(m.nodes) };
  for (const [file, text] of Object.entries(scripts)) {
    writeFileSync(path.join(dir, file), text);
    chmodSync(path.join(dir, file), 0o755);
  }
  mkdirSync(path.join(dir, 'systemd'), { recursive: true });
  m.nodes.forEach((id, i) => {
    writeFileSync(path.join(dir, 'systemd', `dec-${id}.service`), systemdUnit(part.host.name, id, m.nodes.slice(0, i)));
  });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  writeFileSync(path.join(dir, 'README.txt'), readme(m));
}

/** Writes the host's bundle folder `outDir` (replacing it) and `<outDir>.tar.gz`; returns its manifest. */
export async function makeBundle(model: NetworkModel, host: HostSpec, outDir: string): Promise<BundleManifest> {
  const dir = path.resolve(outDir);
  const part = hostPart(model, host);
  if (part.orgs.length === 0 && part.orderers.length === 0) throw new Error(`host ${host.name} runs nothing in this topology`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  copyInto(dir, bundleCopies(model, part));
  const m = manifest(model, part);
  writeGenerated(model, part, dir, m);
  await run('tar', ['-C', dir, '-czf', `${dir}.tar.gz`, '.']);
  return m;
}

/** Unpacks a bundle tarball into `dir` (which must not exist yet): how a host gets its folder. */
export async function unpackBundle(tarball: string, dir: string): Promise<void> {
  if (existsSync(dir)) throw new Error(`${dir} exists already; a host folder is unpacked once`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await run('tar', ['-C', dir, '-xzf', tarball]);
}
