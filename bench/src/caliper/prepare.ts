/**
 * What the Caliper rounds need on the ledger, made the way the project's own
 * benchmarks make it: KYC-approved participants enrolled at their orgs' CAs,
 * funded with DEC, each with a meter certified by the grid operator and a
 * market deposit, in a zone of their own. Their certificates and keys are
 * written to the run folder (never the repository) for Caliper's wallet.
 */
import { ActorPool, createParticipants, dec, enrollOperator, ensureGenesis, inBatches, runId, type Participant } from '@dec/e2e';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaliperIdentity } from './network-config';

export interface CaliperParticipant {
  identity: string;
  mspId: string;
  eid: string;
  meter: string;
}

export interface CaliperFixture {
  zone: string;
  /** A slot far enough ahead that it never closes during the run. */
  slot: string;
  /** The account every transfer pays into (a hot account, as a merchant's is). */
  merchant: string;
  participants: CaliperParticipant[];
}

const MINUTE = 60_000;

function writeIdentity(dir: string, name: string, p: Participant): CaliperIdentity {
  const home = path.join(dir, 'identities', name);
  mkdirSync(home, { recursive: true });
  const certPath = path.join(home, 'cert.pem');
  const keyPath = path.join(home, 'key.pem');
  writeFileSync(certPath, p.actor.credentials.certificate);
  writeFileSync(keyPath, p.actor.credentials.privateKey, { mode: 0o600 });
  return { name, mspId: p.actor.mspId, certPath, keyPath };
}

/** A merchant and `count - 1` traders with meters in a fresh zone; returns the fixture and the identities for the network config. */
export async function prepareCaliper(dir: string, count: number, log: (line: string) => void): Promise<{ fixture: CaliperFixture; identities: CaliperIdentity[] }> {
  const pool = new ActorPool();
  try {
    const tag = runId();
    const zone = `CAL-${tag}`;
    const operator = await enrollOperator(pool);
    await ensureGenesis(operator);
    const grid = await pool.enroll('GridMSP', 'caliper-grid', { role: 'operator' });
    await operator.submit('energy', 'market:ConfigureZone', { zone, slotMinutes: 15, gateMinutes: 0, graceMinutes: 0, minDeposit: dec(1), feeBps: 100, toleranceBps: 500, penaltyPerKwh: '1000000' });
    log(`caliper: ${count} participants (enrolled, registered, approved, funded with 1000 DEC) ...`);
    const people = await createParticipants(pool, operator, count, { name: `cal${tag}-`, fundWholeDec: 1_000 });
    log('caliper: a meter per participant, certified by the grid operator, and a market deposit ...');
    const meters = await inBatches(people, 25, async (p, i) => {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const device = await p.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', { ownerEid: p.eid, kind: 'meter', serial: `CAL-${tag}-${i}`, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
      await p.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone, ratedPowerW: 1_000_000, slotMinutes: 15 });
      await p.actor.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(10) });
      return device.eid;
    });
    await inBatches(meters, 25, (meter) => grid.submit('energy', 'metering:CertifyMeter', { meter }));
    // The first participant is the merchant every transfer pays; it never pays itself.
    const merchant = people[0]?.eid ?? '';
    const traders = people.slice(1);
    const identities = traders.map((p, i) => writeIdentity(dir, `trader${i}`, p));
    const participants = traders.map((p, i) => ({ identity: `trader${i}`, mspId: p.actor.mspId, eid: p.eid, meter: meters[i + 1] ?? '' }));
    const slot = new Date(Math.ceil((Date.now() + 24 * 60 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE).toISOString();
    return { fixture: { zone, slot, merchant, participants }, identities };
  } finally {
    pool.close();
  }
}
