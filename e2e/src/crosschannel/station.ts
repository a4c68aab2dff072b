/**
 * A power station on the real `energy` channel for the cross-channel suite: a
 * seller with a certified meter (its own P-256 key), a buyer with a certified
 * meter, deposits and DECC, a zone of 1-minute slots with no gate and no grace,
 * and a PPA between them over two slots. The seller's meter readings are signed
 * by the meter and submitted by the grid operator, as the ingestor would.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signReading } from '@dec/meter-ingestor';
import { createParticipants, dec, enrollOperator, ensureGenesis, postRate, type Actor, type ActorPool, type Participant } from '../index';

export const MINUTE = 60_000;
export const FEE_BPS = 250n;
/** DECC base units per kWh (the buyer's minted DECC covers two slots). */
export const PRICE = 100n;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Waits until this machine's clock (= the next transaction's timestamp) is past `ms`. */
export const until = async (ms: number): Promise<void> => {
  const wait = ms + 1_500 - Date.now();
  if (wait > 0) await sleep(wait);
};

export interface Station {
  operator: Actor;
  gridOperator: Actor;
  seller: Participant & { meter: string; key: KeyObject };
  buyer: Participant & { meter: string };
  /** The lessor's eID on energy: the beneficiary of the station's income. */
  lessorEid: string;
  zone: string;
}

async function meterOf(p: Participant, zone: string, serial: string): Promise<{ meter: string; key: KeyObject }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const device = await p.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', {
    ownerEid: p.eid,
    kind: 'meter',
    serial,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    label: `cross-channel meter ${serial}`,
  });
  await p.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone, ratedPowerW: 1_000_000, slotMinutes: 1 });
  await p.actor.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(100) });
  return { meter: device.eid, key: privateKey };
}

export async function buildStation(pool: ActorPool, tag: string, penaltyPerKwh = '0'): Promise<Station> {
  const [operator, gridOperator] = await Promise.all([enrollOperator(pool), pool.enroll('GridMSP', 'xc-gridop', { role: 'operator' })]);
  await ensureGenesis(operator);
  const [sellerP, buyerP, lessorP] = await createParticipants(pool, operator, 3, { name: `xc${tag}-`, fundWholeDec: 1000, orgs: ['LessorMSP', 'BankMSP', 'LessorMSP'] }) as [Participant, Participant, Participant];
  const zone = `XC-${tag}`;
  await postRate(pool, operator, '2');
  await operator.submit('energy', 'market:ConfigureZone', { zone, slotMinutes: 1, gateMinutes: 0, graceMinutes: 0, settleWindowMinutes: 60, minDeposit: dec(10), feeBps: Number(FEE_BPS), toleranceBps: 500, penaltyPerKwh });
  const [s, b] = await Promise.all([meterOf(sellerP, zone, `XC-${tag}-s`), meterOf(buyerP, zone, `XC-${tag}-b`)]);
  await buyerP.actor.submit('energy', 'token:MintDecc', { account: buyerP.eid, decAmount: dec(5), expectedRate: '2' });
  for (const meter of [s.meter, b.meter]) await gridOperator.submit('energy', 'metering:CertifyMeter', { meter });
  return { operator, gridOperator, seller: { ...sellerP, ...s }, buyer: { ...buyerP, meter: b.meter }, lessorEid: lessorP.eid, zone };
}

/** A PPA of `quantityWh` per slot over the two 1-minute slots from `firstSlotMs`, proposed by the seller and accepted by the buyer. */
export async function agreePpa(st: Station, firstSlotMs: number, quantityWh: bigint): Promise<string> {
  const ppa = await st.seller.actor.submit<{ id: string }>('energy', 'market:ProposePpa', {
    seller: st.seller.eid,
    sellerMeter: st.seller.meter,
    buyer: st.buyer.eid,
    buyerMeter: st.buyer.meter,
    zone: st.zone,
    quantityWh: quantityWh.toString(),
    price: PRICE.toString(),
    firstSlot: new Date(firstSlotMs).toISOString(),
    lastSlot: new Date(firstSlotMs + MINUTE).toISOString(),
  });
  await st.buyer.actor.submit('energy', 'market:AcceptPpa', { ppaId: ppa.id });
  return ppa.id;
}

/** The seller meter's signed reading `seq` at `ts` with cumulative export `exportWh`, submitted by the grid operator. */
export async function sellerReading(st: Station, seq: number, ts: number, exportWh: bigint): Promise<void> {
  const reading = signReading(st.seller.key, { meter: st.seller.meter, seq, ts: new Date(ts).toISOString(), importWh: '0', exportWh: exportWh.toString() });
  const out = await st.gridOperator.submit<{ results?: { verdict?: string }[] }>('energy', 'metering:SubmitReadings', { readings: [reading] });
  const verdict = JSON.stringify(out);
  if (!verdict.includes('"verdict":"accepted"')) throw new Error(`reading ${seq} not accepted: ${verdict}`);
}

/** Seller net proceeds of a delivered slot (market/settlement.ts; every division rounds down). */
export function sellerNet(deliveredWh: bigint): bigint {
  const paid = (deliveredWh * PRICE) / 1000n;
  return paid - (paid * FEE_BPS) / 10_000n;
}

/** Settles one PPA slot as the seller; a refusal is thrown with the chaincode's message. */
export async function settleSlot(st: Station, ppaId: string, slotMs: number): Promise<void> {
  try {
    await st.seller.actor.submit('energy', 'market:SettlePpa', { ppaId, slot: new Date(slotMs).toISOString() });
  } catch (e) {
    const details = (e as { details?: { message: string }[] }).details ?? [];
    throw new Error(`SettlePpa ${new Date(slotMs).toISOString()} refused: ${details.map((d) => d.message).join(' | ') || String(e)}`);
  }
}
