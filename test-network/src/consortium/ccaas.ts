/**
 * A joining org runs the channel's chaincode as a service like every member:
 * its own chaincode server (same compiled code, its own TLS certificate), and a
 * ccaas package on its peers that points at that server. The package holds only
 * the connection, so the org's package ID is its own.
 */
import { CA_OFFSET, CHAINCODE_TLS_HOST, CHAINCODE_SERVER_OFFSET, endpoint, type ChaincodeServer, type ChaincodeSpec, type ChannelSpec } from '@dec/network';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orgAdminEnv } from '../env';
import { run } from '../exec';
import { portOpen, waitFor } from '../health';
import { bin } from '../paths';
import { isAlive, record } from '../processes';
import { startChaincodeServer } from '../steps/chaincode';
import type { JoiningOrg } from './joining-org';

/** The org's server for `cc`, on the port the layout gives chaincode `cc` in the org's range. */
export function chaincodeServer(j: JoiningOrg, channel: ChannelSpec, cc: ChaincodeSpec): ChaincodeServer {
  const all = j.model.topology.channels.flatMap((c) => c.chaincodes.map((x) => x.name));
  // The org's port range starts at its CA's port (network/src/ports.ts).
  const base = j.org.ca.port - CA_OFFSET;
  return { kind: 'chaincode', host: j.org.host, id: `${j.org.spec.name}-${cc.name}`, org: j.org.spec, chaincode: cc, channel, port: base + CHAINCODE_SERVER_OFFSET(all.indexOf(cc.name)) };
}

async function writePackage(j: JoiningOrg, server: ChaincodeServer): Promise<{ file: string; packageId: string }> {
  const tlsDir = path.join(j.model.cryptoDir, 'peerOrganizations', j.org.domain, 'peers', `${CHAINCODE_TLS_HOST}.${j.org.domain}`, 'tls');
  const work = path.join(j.dir, 'chaincode', server.id);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'src'), { recursive: true });
  const connection = {
    address: endpoint(server, server.port),
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: true,
    client_cert: readFileSync(path.join(tlsDir, 'server.crt'), 'utf8'),
    client_key: readFileSync(path.join(tlsDir, 'server.key'), 'utf8'),
    root_cert: readFileSync(j.org.tlsCaCert, 'utf8'),
  };
  writeFileSync(path.join(work, 'src', 'connection.json'), JSON.stringify(connection));
  writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label: server.chaincode.name }));
  await run('tar', ['-C', path.join(work, 'src'), '-czf', path.join(work, 'code.tar.gz'), 'connection.json']);
  const file = path.join(j.dir, 'chaincode', `${server.id}.tgz`);
  await run('tar', ['-C', work, '-czf', file, 'metadata.json', 'code.tar.gz']);
  return { file, packageId: `${server.chaincode.name}:${createHash('sha256').update(readFileSync(file)).digest('hex')}` };
}

/** Installs the org's package on its peers and (re)starts its server; returns the package ID. */
export async function runChaincodeForOrg(j: JoiningOrg, channel: ChannelSpec, cc: ChaincodeSpec): Promise<string> {
  const server = chaincodeServer(j, channel, cc);
  const existing = record(server.id);
  const pkg = existing && isAlive(existing) ? { file: path.join(j.dir, 'chaincode', `${server.id}.tgz`), packageId: '' } : await writePackage(j, server);
  if (pkg.packageId === '') pkg.packageId = `${cc.name}:${createHash('sha256').update(readFileSync(pkg.file)).digest('hex')}`;
  for (const peer of j.org.peers) {
    const out = await run(bin('peer'), ['lifecycle', 'chaincode', 'queryinstalled'], { env: orgAdminEnv(j.org, peer) });
    if (!out.includes(pkg.packageId)) await run(bin('peer'), ['lifecycle', 'chaincode', 'install', pkg.file], { env: orgAdminEnv(j.org, peer) });
  }
  if (!existing || !isAlive(existing)) {
    startChaincodeServer(j.model, server, pkg.packageId);
    await waitFor(server.id, () => portOpen(server.port), 30_000, `read its log: .run/logs/${server.id}.log`);
  }
  return pkg.packageId;
}
