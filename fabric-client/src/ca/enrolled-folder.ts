/**
 * Identities enrolled at an org's Fabric CA by tools (the test network's
 * actors, the meter ingestor, the simulator), kept on disk in the MSP folder
 * layout fabric-ca-client writes (`msp/signcerts/cert.pem`, `msp/keystore/*_sk`)
 * so a restarted process keeps its certificate and folders written by earlier
 * versions stay readable. Everything goes through the CA's REST API
 * (FabricCaClient): enrollment secrets are random and travel only in request
 * bodies, never on a command line (visible in `ps`) and never in an error;
 * the registrar's secret is read from its file and used once, to enroll the
 * registrar, whose certificate then authenticates every registration.
 */
import type { GatewayOrg } from '@dec/network';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FabricCaClient, type Enrollment } from './fabric-ca';

/** The enrollment kept in `home` (its `msp` folder), if a complete one is there. */
export function readEnrolledFolder(home: string): Enrollment | undefined {
  const cert = path.join(home, 'msp', 'signcerts', 'cert.pem');
  const keystore = path.join(home, 'msp', 'keystore');
  if (!existsSync(cert) || !existsSync(keystore)) return undefined;
  const keyFile = readdirSync(keystore).find((f) => f.endsWith('_sk'));
  if (!keyFile) return undefined;
  return { certificate: readFileSync(cert, 'utf8'), privateKey: readFileSync(path.join(keystore, keyFile), 'utf8') };
}

/** Writes `enrollment` into `home/msp` (the key 0600, any older key removed). */
export function writeEnrolledFolder(home: string, enrollment: Enrollment): void {
  const msp = path.join(home, 'msp');
  rmSync(path.join(msp, 'keystore'), { recursive: true, force: true });
  mkdirSync(path.join(msp, 'signcerts'), { recursive: true });
  mkdirSync(path.join(msp, 'keystore'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(msp, 'keystore', 'key_sk'), enrollment.privateKey, { mode: 0o600 });
  writeFileSync(path.join(msp, 'signcerts', 'cert.pem'), enrollment.certificate);
}

/** Where identities of `org` live under `clientsDir` (one folder per enrollment ID). */
export function enrolledHome(clientsDir: string, org: GatewayOrg, enrollmentId: string): string {
  return path.join(clientsDir, org.name, enrollmentId);
}

/** The org CA's registrar, enrolled once with the secret from its file and kept under `clientsDir`. */
export async function registrarEnrollment(org: GatewayOrg, clientsDir: string): Promise<Enrollment> {
  const home = enrolledHome(clientsDir, org, 'registrar');
  const kept = readEnrolledFolder(home);
  if (kept) return kept;
  const secret = readFileSync(org.ca.registrarSecretPath, 'utf8').trim();
  const enrolled = await new FabricCaClient(org).enroll(org.ca.registrarId, secret);
  writeEnrolledFolder(home, enrolled);
  return enrolled;
}

/**
 * Registers `enrollmentId` (type client, affiliation `<org>.users`, one
 * enrollment, a random secret) with `attributes` in its certificate, enrolls
 * it and keeps the enrollment under `clientsDir`.
 */
export async function registerAndEnrollUser(org: GatewayOrg, enrollmentId: string, attributes: Record<string, string>, clientsDir: string): Promise<Enrollment> {
  const registrar = await registrarEnrollment(org, clientsDir);
  const ca = new FabricCaClient(org);
  const secret = await ca.register(registrar, {
    enrollmentId,
    type: 'client',
    affiliation: `${org.name}.users`,
    attributes: Object.entries(attributes).map(([name, value]) => ({ name, value, ecert: true })),
  });
  const enrolled = await ca.enroll(enrollmentId, secret);
  writeEnrolledFolder(enrolledHome(clientsDir, org, enrollmentId), enrolled);
  return enrolled;
}
