/**
 * Chaincode as a service. Each org runs one chaincode server per chaincode
 * (fabric-chaincode-node `server`, TLS with client auth) and installs a ccaas
 * package that tells its peers where that server is. A ccaas package holds only
 * that connection, not code, so its label (and package ID) stays the same across
 * code changes; the definition's version carries a hash of the compiled code.
 * A redeploy restarts the servers with the new code under the same package ID,
 * so no moment exists where the committed definition names a package no server
 * answers, then approves and commits the new version at the next sequence.
 */
import {
  CHAINCODE_TLS_HOST,
  collectionsConfig,
  endpoint,
  endorsementPolicy,
  orgByMsp,
  type ChaincodeServer,
  type ChannelSpec,
  type ChaincodeSpec,
  type NetworkModel,
  type OrgModel,
} from '@dec/network';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orgAdminEnv, ordererFlags } from '../env';
import { first } from '../lists';
import { run } from '../exec';
import { bin, REPO_ROOT, runPath } from '../paths';
import { say, UserFacingError } from '../progress';
import { withOrderingRetry } from './ordering-retry';
import { start, type ProcessRecord } from '../processes';

export interface DeployedChaincode {
  channel: string;
  name: string;
  /** `<package.json version>+<code hash>`: what the committed definition's version says. */
  version: string;
  label: string;
  sequence: number;
  /** Package ID per org MSP (each org's package points at its own server). */
  packageIds: Record<string, string>;
}

export function chaincodeDir(cc: ChaincodeSpec): string {
  return path.join(REPO_ROOT, cc.path);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** `<package.json version>+<hash>`: changes exactly when the compiled chaincode (or the kit it uses) changes. */
export function codeVersion(cc: ChaincodeSpec): string {
  const dir = chaincodeDir(cc);
  const dist = path.join(dir, 'dist');
  if (!existsSync(dist)) throw new UserFacingError(`chaincode ${cc.name} is not compiled (${dist} missing)`, 'run `npm run build` first');
  const kitDist = path.join(REPO_ROOT, 'chaincode', 'kit', 'dist');
  const hash = createHash('sha256');
  for (const file of [...filesUnder(dist), ...(existsSync(kitDist) ? filesUnder(kitDist) : [])].filter((f) => f.endsWith('.js')).sort()) {
    hash.update(path.relative(REPO_ROOT, file)).update(readFileSync(file));
  }
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}

/** The chaincode server's TLS files (a certificate for `chaincode.<org domain>`) and the org TLS root it trusts. */
export function serverTls(model: NetworkModel, org: OrgModel): { cert: string; key: string; ca: string } {
  const dir = path.join(model.cryptoDir, 'peerOrganizations', org.domain, 'peers', `${CHAINCODE_TLS_HOST}.${org.domain}`, 'tls');
  return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key'), ca: org.tlsCaCert };
}

/** Writes the org's ccaas package and returns its path and package ID. */
async function packageFor(model: NetworkModel, server: ChaincodeServer, label: string): Promise<{ file: string; packageId: string }> {
  const org = orgByMsp(model, server.org.mspId);
  const tls = serverTls(model, org);
  const work = runPath('chaincode', `${server.id}-${label}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'src'), { recursive: true });
  // The peer is the TLS client of the chaincode server; it presents the org's
  // chaincode TLS certificate and verifies the server against the org TLS CA.
  const connection = {
    address: endpoint(server, server.port),
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: true,
    client_cert: readFileSync(tls.cert, 'utf8'),
    client_key: readFileSync(tls.key, 'utf8'),
    root_cert: readFileSync(tls.ca, 'utf8'),
  };
  writeFileSync(path.join(work, 'src', 'connection.json'), JSON.stringify(connection));
  writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label }));
  await run('tar', ['-C', path.join(work, 'src'), '-czf', path.join(work, 'code.tar.gz'), 'connection.json']);
  const file = runPath('chaincode', `${server.id}-${label}.tgz`);
  await run('tar', ['-C', work, '-czf', file, 'metadata.json', 'code.tar.gz']);
  const packageId = `${label}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  return { file, packageId };
}

export function startChaincodeServer(model: NetworkModel, server: ChaincodeServer, packageId: string): ProcessRecord {
  const org = orgByMsp(model, server.org.mspId);
  const tls = serverTls(model, org);
  return start({
    name: server.id,
    kind: 'chaincode',
    command: process.execPath,
    args: [
      path.join(REPO_ROOT, 'node_modules', 'fabric-shim', 'cli.js'),
      'server',
      '--chaincode-address',
      endpoint(server, server.port),
      '--chaincode-id',
      packageId,
      '--chaincode-tls-cert-file',
      tls.cert,
      '--chaincode-tls-key-file',
      tls.key,
      '--chaincode-tls-client-cacert-file',
      tls.ca,
    ],
    cwd: chaincodeDir(server.chaincode),
    // The shim reads the org from here (stub.getMspID()): one server per org.
    env: { CORE_PEER_LOCALMSPID: server.org.mspId, CORE_CHAINCODE_LOGGING_LEVEL: process.env.DEC_CHAINCODE_LOGGING ?? 'info' },
    ports: { grpc: server.port },
    address: server.host.address,
  });
}

async function installed(org: OrgModel): Promise<string[]> {
  const out = await run(bin('peer'), ['lifecycle', 'chaincode', 'queryinstalled', '--output', 'json'], { env: orgAdminEnv(org) });
  const json = JSON.parse(out.slice(out.indexOf('{')) || '{}') as { installed_chaincodes?: { package_id: string }[] };
  return (json.installed_chaincodes ?? []).map((c) => c.package_id);
}

async function committed(model: NetworkModel, channel: ChannelSpec, name: string): Promise<{ sequence: number; version: string } | undefined> {
  const org = orgByMsp(model, first(channel.orgs, `member of channel ${channel.name}`));
  try {
    const out = await run(bin('peer'), ['lifecycle', 'chaincode', 'querycommitted', '-C', channel.name, '-n', name, '--output', 'json'], { env: orgAdminEnv(org) });
    return JSON.parse(out.slice(out.indexOf('{'))) as { sequence: number; version: string };
  } catch (e) {
    if (String(e).includes('not found') || String(e).includes('404')) return undefined;
    throw e;
  }
}

/** The package a previous deploy installed for this server's org. */
function packageIdOf(previous: DeployedChaincode, server: ChaincodeServer): string {
  const id = previous.packageIds[server.org.mspId];
  if (id === undefined) throw new UserFacingError(`the recorded deploy of ${previous.name} has no package for ${server.org.mspId}`, 'run `npm run network:deploy` to deploy it again');
  return id;
}

/** The chaincode definition's flags (approve and commit share them); writes the collections file it names. */
function definitionFlags(channel: ChannelSpec, cc: ChaincodeSpec, version: string, sequence: number, policy: string): string[] {
  const collectionsFile = runPath('chaincode', `${cc.name}-collections.json`);
  mkdirSync(path.dirname(collectionsFile), { recursive: true });
  writeFileSync(collectionsFile, JSON.stringify(collectionsConfig(cc.collections), null, 2));
  return [
    '--channelID', channel.name, '--name', cc.name, '--version', version, '--sequence', String(sequence),
    '--signature-policy', policy,
    ...(cc.collections.length > 0 ? ['--collections-config', collectionsFile] : []),
  ];
}

/** (Re)starts the org's server on its package, installs the package on every peer of the org, and approves the definition; returns the package ID. */
async function installAndApprove(
  model: NetworkModel,
  server: ChaincodeServer,
  org: OrgModel,
  label: string,
  definition: string[],
  ensureServer: (server: ChaincodeServer, packageId: string, version: string) => Promise<void>,
  version: string,
): Promise<string> {
  const pkg = await packageFor(model, server, label);
  await ensureServer(server, pkg.packageId, version);
  for (const peer of org.peers) {
    if (!(await installed(org)).includes(pkg.packageId)) {
      await run(bin('peer'), ['lifecycle', 'chaincode', 'install', pkg.file], { env: orgAdminEnv(org, peer) });
    }
  }
  await withOrderingRetry(`approve ${server.chaincode.name} for ${org.spec.mspId}`, () =>
    run(bin('peer'), ['lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(model), ...definition, '--package-id', pkg.packageId], { env: orgAdminEnv(org) }),
  );
  return pkg.packageId;
}

/**
 * Packages, installs, approves and commits one chaincode on its channel, and
 * (re)starts its servers. Does nothing when the same code is already committed
 * and its servers are running.
 */
export async function deployChaincode(
  model: NetworkModel,
  channel: ChannelSpec,
  cc: ChaincodeSpec,
  previous: DeployedChaincode | undefined,
  ensureServer: (server: ChaincodeServer, packageId: string, version: string) => Promise<void>,
): Promise<DeployedChaincode> {
  const label = cc.name;
  const version = codeVersion(cc);
  const servers = model.chaincodeServers.filter((s) => s.chaincode.name === cc.name);
  const current = await committed(model, channel, cc.name);

  if (previous && previous.label === label && current?.version === version && current.sequence === previous.sequence) {
    for (const server of servers) await ensureServer(server, packageIdOf(previous, server), version);
    say(`chaincode ${cc.name} ${version} already committed on ${channel.name} at sequence ${current.sequence}`);
    return previous;
  }

  const sequence = (current?.sequence ?? 0) + 1;
  const policy = endorsementPolicy(channel, cc);
  const definition = definitionFlags(channel, cc, version, sequence, policy);
  const packageIds: Record<string, string> = {};
  for (const server of servers) {
    const org = orgByMsp(model, server.org.mspId);
    const packageId = await installAndApprove(model, server, org, label, definition, ensureServer, version);
    packageIds[org.spec.mspId] = packageId;
    say(`  ${org.spec.mspId}: server restarted, package installed, ${cc.name} ${version} approved at sequence ${sequence}`);
  }

  const endorsers = channel.orgs.flatMap((m) => {
    const org = orgByMsp(model, m);
    const peer = first(org.peers, `peer of ${m}`);
    return ['--peerAddresses', endpoint(peer, peer.port), '--tlsRootCertFiles', org.tlsCaCert];
  });
  const committer = orgByMsp(model, first(channel.orgs, `member of channel ${channel.name}`));
  await withOrderingRetry(`commit ${cc.name}`, () =>
    run(bin('peer'), ['lifecycle', 'chaincode', 'commit', ...ordererFlags(model), ...definition, ...endorsers], { env: orgAdminEnv(committer) }),
  );
  say(`chaincode ${cc.name} ${version} committed on ${channel.name} at sequence ${sequence}, endorsement ${policy}`);
  return { channel: channel.name, name: cc.name, version, label, sequence, packageIds };
}
