/**
 * Service identities for the ingestor and the simulator: users registered and
 * enrolled at their org's Fabric CA (with attributes such as `role=ingestor`
 * in the certificate, which chaincode checks), via `fabric-ca-client` as the
 * test network's CA client does. An identity enrolled before (its MSP folder
 * exists under .run/ca-clients/<org>/<id>) is reused, so a restarted ingestor
 * keeps its certificate.
 */
import { findOrg, loadGatewayConfig, openGateway, peerClient, signingIdentity, type Contract, type Gateway } from '@dec/fabric-client';
import { REPO_ROOT, type GatewayOrg } from '@dec/network';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface EnrolledIdentity {
  mspId: string;
  enrollmentId: string;
  certificate: string;
  privateKey: string;
}

const RUN_DIR = process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, '.run');
const CA_CLIENT = path.join(REPO_ROOT, '.fabric', 'bin', 'fabric-ca-client');

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(CA_CLIENT, args, { maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`fabric-ca-client ${args[0]} failed: ${(stderr || stdout).trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(stdout + stderr);
    });
  });
}

const caArgs = (org: GatewayOrg): string[] => ['--caname', org.ca.caName, '--tls.certfiles', org.ca.tlsRootCertPath];

function withCredentials(caUrl: string, id: string, secret: string): string {
  const url = new URL(caUrl);
  return `${url.protocol}//${encodeURIComponent(id)}:${encodeURIComponent(secret)}@${url.host}`;
}

function readEnrolled(org: GatewayOrg, enrollmentId: string, home: string): EnrolledIdentity | undefined {
  const cert = path.join(home, 'msp', 'signcerts', 'cert.pem');
  const keystore = path.join(home, 'msp', 'keystore');
  if (!existsSync(cert) || !existsSync(keystore)) return undefined;
  const keyFile = readdirSync(keystore).find((f) => f.endsWith('_sk'));
  if (!keyFile) return undefined;
  return { mspId: org.mspId, enrollmentId, certificate: readFileSync(cert, 'utf8'), privateKey: readFileSync(path.join(keystore, keyFile), 'utf8') };
}

/** Registers (type client) and enrolls `enrollmentId` at `mspId`'s CA, or reuses an earlier enrollment. */
export async function enrollServiceIdentity(mspId: string, enrollmentId: string, attributes: Record<string, string>): Promise<EnrolledIdentity> {
  const org = findOrg(loadGatewayConfig(), mspId);
  const home = path.join(RUN_DIR, 'ca-clients', org.name, enrollmentId);
  const earlier = readEnrolled(org, enrollmentId, home);
  if (earlier) return earlier;
  const registrar = path.join(RUN_DIR, 'ca-clients', org.name, 'registrar');
  if (!existsSync(path.join(registrar, 'msp', 'signcerts', 'cert.pem'))) {
    const secret = readFileSync(org.ca.registrarSecretPath, 'utf8').trim();
    await run(['enroll', '-u', withCredentials(org.ca.url, org.ca.registrarId, secret), '--home', registrar, '-M', path.join(registrar, 'msp'), ...caArgs(org)]);
  }
  const secret = `${enrollmentId}-pw-${process.pid}`;
  const attrs = Object.entries(attributes).map(([k, v]) => `${k}=${v}:ecert`);
  await run([
    'register', '--home', registrar, '-M', path.join(registrar, 'msp'), '-u', org.ca.url, ...caArgs(org),
    '--id.name', enrollmentId, '--id.secret', secret, '--id.type', 'client', '--id.affiliation', `${org.name}.users`,
    ...(attrs.length > 0 ? ['--id.attrs', attrs.join(',')] : []),
  ]);
  await run(['enroll', '-u', withCredentials(org.ca.url, enrollmentId, secret), '--home', home, '-M', path.join(home, 'msp'), ...caArgs(org)]);
  const enrolled = readEnrolled(org, enrollmentId, home);
  if (!enrolled) throw new Error(`enrollment of ${enrollmentId} wrote no certificate or key`);
  return enrolled;
}

export interface OpenContract {
  contract: Contract;
  gateway: Gateway;
  client: ReturnType<typeof peerClient>;
  close(): void;
}

/** A gateway for `id` through a peer of `viaMsp` (default: the identity's own org), on the energy channel. */
export function openEnergyContract(id: EnrolledIdentity, viaMsp = id.mspId, channel = 'energy', chaincode = 'energy'): OpenContract {
  const peer = findOrg(loadGatewayConfig(), viaMsp).peers[0];
  if (!peer) throw new Error(`org ${viaMsp} has no peer`);
  const client = peerClient(peer);
  const gateway = openGateway(client, signingIdentity(id.mspId, id.certificate, id.privateKey));
  return {
    contract: gateway.getNetwork(channel).getContract(chaincode),
    gateway,
    client,
    close() {
      gateway.close();
      client.close();
    },
  };
}
