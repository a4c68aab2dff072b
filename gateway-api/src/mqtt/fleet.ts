/**
 * A simulated meter fleet: one owner participant (registered and approved),
 * N meter devices with their own ECDSA P-256 keys (identity:RegisterDevice),
 * registered for metering (metering:RegisterMeter) and certified by the grid
 * operator (metering:CertifyMeter). All through CA-enrolled identities:
 *   PlatformMSP role=operator (approves the owner), GridMSP role=operator
 *   (certifies), SupplierMSP role=client (the owner).
 * The fleet (eIDs and private keys) can be saved to and loaded from a JSON file.
 */
import { submitTransaction } from '../fabric/submit';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { enrollServiceIdentity, openEnergyContract, type OpenContract } from './service-identity';

export type Fault = 'forged' | 'regressing';

export interface FleetMeter {
  eid: string;
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
  ratedPowerW: number;
  fault?: Fault;
}

export interface Fleet {
  tag: string;
  ownerEid: string;
  zone: string;
  meters: FleetMeter[];
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
  log?: (line: string) => void;
}

async function submit<T>(c: OpenContract, fn: string, input: unknown): Promise<T> {
  const out = await submitTransaction(c.contract, fn, { arguments: [JSON.stringify(input)] });
  if (!out.status.successful) throw new Error(`${fn} ${out.transactionId} failed validation with code ${out.status.code}`);
  return JSON.parse(Buffer.from(out.result).toString('utf8')) as T;
}

export async function provisionFleet(o: ProvisionOptions): Promise<Fleet> {
  const log = o.log ?? (() => undefined);
  const zone = o.zone ?? 'ZONE-SIM';
  const ratedPowerW = o.ratedPowerW ?? 10_000;
  const [operatorId, gridId, ownerId] = await Promise.all([
    enrollServiceIdentity('PlatformMSP', `sim-operator-${o.tag}`, { role: 'operator' }),
    enrollServiceIdentity('GridMSP', `sim-grid-${o.tag}`, { role: 'operator' }),
    enrollServiceIdentity('SupplierMSP', `sim-owner-${o.tag}`, { role: 'client' }),
  ]);
  const operator = openEnergyContract(operatorId);
  const grid = openEnergyContract(gridId);
  const owner = openEnergyContract(ownerId);
  try {
    const me = JSON.parse(Buffer.from(await owner.contract.evaluateTransaction('identity:WhoAmI')).toString('utf8')) as { participant: { eid: string; status: string } | null };
    let ownerEid = me.participant?.eid;
    if (!ownerEid) {
      const kycHash = createHash('sha256').update(`sim-owner|${o.tag}`).digest('hex');
      ownerEid = (await submit<{ eid: string }>(owner, 'identity:Register', { kycHash, roles: ['producer', 'consumer'] })).eid;
      await submit(operator, 'identity:Approve', { eid: ownerEid });
    }
    log(`owner ${ownerEid} active`);
    const faults: (Fault | undefined)[] = Array.from({ length: o.count }, (_, i) =>
      i < (o.forged ?? 0) ? 'forged' : i < (o.forged ?? 0) + (o.regressing ?? 0) ? 'regressing' : undefined,
    );
    const meters = await Promise.all(
      faults.map(async (fault, i) => {
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
        const serial = `SIM-${o.tag}-${i}`;
        const device = await submit<{ eid: string }>(owner, 'identity:RegisterDevice', { ownerEid, kind: 'meter', serial, publicKey: publicKeyPem, label: `simulated meter ${i}` });
        return { eid: device.eid, serial, publicKeyPem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ratedPowerW, fault } as FleetMeter;
      }),
    );
    log(`${meters.length} meter devices registered`);
    await Promise.all(meters.map((m) => submit(owner, 'metering:RegisterMeter', { meter: m.eid, zone, ratedPowerW })));
    await Promise.all(meters.map((m) => submit(grid, 'metering:CertifyMeter', { meter: m.eid })));
    log(`${meters.length} meters registered for metering and certified by the grid operator`);
    return { tag: o.tag, ownerEid, zone, meters };
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
