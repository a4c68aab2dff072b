/**
 * A simulated meter fleet: one owner participant (registered and approved),
 * N meter devices with their own ECDSA P-256 keys (identity:RegisterDevice),
 * registered for metering (metering:RegisterMeter) and certified by the grid
 * operator (metering:CertifyMeter). All through CA-enrolled identities:
 *   PlatformMSP role=operator (approves the owner), GridMSP role=operator
 *   (certifies), SupplierMSP role=client (the owner).
 * With a meter CA (`credentials`), each meter also gets its MQTT/TLS key and
 * certificate (CN = its eID), a key apart from the one that signs readings:
 * the broker key authenticates the connection, the signing key the data.
 * The fleet (eIDs and private keys) can be saved to and loaded from a JSON file.
 */
import { submitValidTransaction } from '@dec/fabric-client';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeterCa } from './credentials/meter-ca';
import { enrollServiceIdentity, openEnergyContract, type OpenContract } from './service-identity';

export type Fault = 'forged' | 'regressing';

export interface FleetMeter {
  eid: string;
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
  ratedPowerW: number;
  fault?: Fault;
  /** The meter's MQTT client key and certificate from the meter CA (PEM). */
  tls?: { key: string; cert: string };
}

export interface Fleet {
  tag: string;
  ownerEid: string;
  zone: string;
  meters: FleetMeter[];
  /** The meter CA's certificate: what the meters check the broker against (with `tls` meters). */
  caPem?: string;
  /** Next sequence number the simulator uses (saved after a run). */
  nextSeq?: number;
}

export interface ProvisionOptions {
  /** Unique name of this fleet (enrollment IDs and serials derive from it). */
  tag: string;
  count: number;
  forged?: number;
  regressing?: number;
  zone?: string;
  ratedPowerW?: number;
  /** Issue each meter its MQTT/TLS certificate from this CA. */
  credentials?: MeterCa;
  log?: (line: string) => void;
}

async function submit<T>(c: OpenContract, fn: string, input: unknown): Promise<T> {
  const out = await submitValidTransaction(c.contract, fn, { arguments: [JSON.stringify(input)] });
  return JSON.parse(Buffer.from(out.result).toString('utf8')) as T;
}

/** The faults of meters 0..count-1: the first `forged` forge, the next `regressing` regress, the rest are good. */
export function faultsOf(count: number, forged = 0, regressing = 0): (Fault | undefined)[] {
  return Array.from({ length: count }, (_, i) => (i < forged ? 'forged' : i < forged + regressing ? 'regressing' : undefined));
}

/** The owner's participant eID: registered and approved by the platform operator unless it already is. */
async function activeOwner(owner: OpenContract, operator: OpenContract, tag: string): Promise<string> {
  const me = JSON.parse(Buffer.from(await owner.contract.evaluateTransaction('identity:WhoAmI')).toString('utf8')) as { participant: { eid: string } | null };
  if (me.participant) return me.participant.eid;
  const kycHash = createHash('sha256').update(`sim-owner|${tag}`).digest('hex');
  const { eid } = await submit<{ eid: string }>(owner, 'identity:Register', { kycHash, roles: ['producer', 'consumer'] });
  await submit(operator, 'identity:Approve', { eid });
  return eid;
}

/** A new meter device with its own P-256 key, registered under the owner. */
async function registerDevice(owner: OpenContract, ownerEid: string, o: ProvisionOptions & { ratedPowerW: number }, i: number, fault: Fault | undefined): Promise<FleetMeter> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const serial = `SIM-${o.tag}-${i}`;
  const device = await submit<{ eid: string }>(owner, 'identity:RegisterDevice', { ownerEid, kind: 'meter', serial, publicKey: publicKeyPem, label: `simulated meter ${i}` });
  const meter: FleetMeter = { eid: device.eid, serial, publicKeyPem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ratedPowerW: o.ratedPowerW };
  if (fault) meter.fault = fault;
  return meter;
}

/** Enrolls the three service identities, registers the owner and the meters, and has the grid operator certify them. */
export async function provisionFleet(o: ProvisionOptions): Promise<Fleet> {
  const log = o.log ?? ((): void => undefined);
  const zone = o.zone ?? 'ZONE-SIM';
  const ratedPowerW = o.ratedPowerW ?? 10_000;
  const [operatorId, gridId, ownerId] = await Promise.all([
    enrollServiceIdentity('PlatformMSP', `sim-operator-${o.tag}`, { role: 'operator' }),
    enrollServiceIdentity('GridMSP', `sim-grid-${o.tag}`, { role: 'operator' }),
    enrollServiceIdentity('SupplierMSP', `sim-owner-${o.tag}`, { role: 'client' }),
  ]);
  const [operator, grid, owner] = [openEnergyContract(operatorId), openEnergyContract(gridId), openEnergyContract(ownerId)];
  try {
    const ownerEid = await activeOwner(owner, operator, o.tag);
    log(`owner ${ownerEid} active`);
    const meters = await Promise.all(faultsOf(o.count, o.forged, o.regressing).map((fault, i) => registerDevice(owner, ownerEid, { ...o, ratedPowerW }, i, fault)));
    log(`${meters.length} meter devices registered`);
    await Promise.all(meters.map((m) => submit(owner, 'metering:RegisterMeter', { meter: m.eid, zone, ratedPowerW })));
    await Promise.all(meters.map((m) => submit(grid, 'metering:CertifyMeter', { meter: m.eid })));
    log(`${meters.length} meters registered for metering and certified by the grid operator`);
    const ca = o.credentials;
    if (!ca) return { tag: o.tag, ownerEid, zone, meters };
    for (const m of meters) {
      const { key, cert } = ca.issueWithNewKey(m.eid);
      m.tls = { key, cert };
    }
    return { tag: o.tag, ownerEid, zone, meters, caPem: ca.caPem };
  } finally {
    operator.close();
    grid.close();
    owner.close();
  }
}

export function saveFleet(file: string, fleet: Fleet): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(fleet, null, 2), { mode: 0o600 });
}

export function loadFleet(file: string): Fleet | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Fleet) : undefined;
}
