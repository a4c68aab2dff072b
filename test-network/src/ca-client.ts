/**
 * Registers and enrolls users at an org's Fabric CA with fabric-ca-client:
 * the path an org admin takes to give someone an identity with attributes
 * (role, eid) that chaincode reads from the certificate.
 */
import type { GatewayOrg } from '@dec/network';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec';
import { bin, runPath } from './paths';

export interface EnrolledUser {
  mspId: string;
  enrollmentId: string;
  certificate: string;
  privateKey: string;
}

function caArgs(org: GatewayOrg): string[] {
  return ['--caname', org.ca.caName, '--tls.certfiles', org.ca.tlsRootCertPath];
}

/** https://id:secret@host:port, with no trailing slash (fabric-ca-client appends its paths). */
function withCredentials(caUrl: string, id: string, secret: string): string {
  const url = new URL(caUrl);
  return `${url.protocol}//${encodeURIComponent(id)}:${encodeURIComponent(secret)}@${url.host}`;
}

async function registrarHome(org: GatewayOrg): Promise<string> {
  const home = runPath('ca-clients', org.name, 'registrar');
  if (!existsSync(path.join(home, 'msp', 'signcerts', 'cert.pem'))) {
    const secret = readFileSync(org.ca.registrarSecretPath, 'utf8').trim();
    await run(bin('fabric-ca-client'), ['enroll', '-u', withCredentials(org.ca.url, org.ca.registrarId, secret), '--home', home, '-M', path.join(home, 'msp'), ...caArgs(org)]);
  }
  return home;
}

/**
 * Registers `enrollmentId` (type client, affiliation <org>.users) with the given
 * attributes put into the enrollment certificate, then enrolls it.
 */
export async function registerAndEnroll(org: GatewayOrg, enrollmentId: string, attributes: Record<string, string> = {}): Promise<EnrolledUser> {
  const registrar = await registrarHome(org);
  const secret = `${enrollmentId}-pw-${process.pid}`;
  const attrs = Object.entries(attributes).map(([k, v]) => `${k}=${v}:ecert`);
  await run(bin('fabric-ca-client'), [
    'register', '--home', registrar, '-M', path.join(registrar, 'msp'), '-u', org.ca.url, ...caArgs(org),
    '--id.name', enrollmentId, '--id.secret', secret, '--id.type', 'client', '--id.affiliation', `${org.name}.users`,
    ...(attrs.length > 0 ? ['--id.attrs', attrs.join(',')] : []),
  ]);
  const home = runPath('ca-clients', org.name, enrollmentId);
  await run(bin('fabric-ca-client'), ['enroll', '-u', withCredentials(org.ca.url, enrollmentId, secret), '--home', home, '-M', path.join(home, 'msp'), ...caArgs(org)]);
  const keystore = path.join(home, 'msp', 'keystore');
  const keyFile = readdirSync(keystore).find((f) => f.endsWith('_sk'));
  if (!keyFile) throw new Error(`enrollment of ${enrollmentId} wrote no private key`);
  return {
    mspId: org.mspId,
    enrollmentId,
    certificate: readFileSync(path.join(home, 'msp', 'signcerts', 'cert.pem'), 'utf8'),
    privateKey: readFileSync(path.join(keystore, keyFile), 'utf8'),
  };
}
