/**
 * The funded equipment of the crowdfunding suite, through the gateway's REST
 * routes: the fundraiser's station meter (its own P-256 key, readings signed
 * by the meter and submitted by the grid operator, as the ingestor would), a
 * buyer's meter, a zone of 1-minute slots with no gate or grace, and a
 * one-slot PPA between them, so that a settlement pays the station's
 * proceeds — to the revenue assignment naming the project first (issue 16,
 * item 1). Prices: PRICE DECC units per kWh, FEE_BPS platform fee.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signReading } from '@dec/meter-ingestor';
import type { ApiClient } from '../fixtures/api-client';

export const MINUTE = 60_000;
export const PRICE = 100n;
export const FEE_BPS = 250n;
const E = '/api/v1/energy';

type Tx = <T = Record<string, unknown>>(who: ApiClient, path: string, body: unknown) => Promise<T>;

export interface Party { client: ApiClient; eid: string }
export interface RevenueStation { zone: string; sellerMeter: string; sellerKey: KeyObject; buyerMeter: string }

/** Seller net proceeds of `deliveredWh` (market/settlement.ts: every division rounds down). */
export function sellerNet(deliveredWh: bigint): bigint {
  const paid = (deliveredWh * PRICE) / 1000n;
  return paid - (paid * FEE_BPS) / 10_000n;
}

async function meter(tx: Tx, p: Party, zone: string, serial: string, gridOp: ApiClient): Promise<{ eid: string; key: KeyObject }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const device = await tx<{ eid: string }>(p.client, `${E}/identity/register-device`, { ownerEid: p.eid, kind: 'meter', serial, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  await tx(p.client, `${E}/metering/register-meter`, { meter: device.eid, zone, ratedPowerW: 1_000_000, slotMinutes: 1 });
  await tx(gridOp, `${E}/metering/certify-meter`, { meter: device.eid });
  return { eid: device.eid, key: privateKey };
}

/** The zone and both meters (no obligation opened yet: the plans' audits come first). */
export async function buildStation(tx: Tx, run: string, operator: ApiClient, gridOp: ApiClient, seller: Party, buyer: Party): Promise<RevenueStation> {
  const zone = `CF-${run}`.slice(0, 32);
  await tx(operator, `${E}/market/configure-zone`, { zone, slotMinutes: 1, gateMinutes: 0, graceMinutes: 0, settleWindowMinutes: 60, minDeposit: '1', feeBps: Number(FEE_BPS), toleranceBps: 500, penaltyPerKwh: '0' });
  const [s, b] = await Promise.all([meter(tx, seller, zone, `CF-${run}-s`, gridOp), meter(tx, buyer, zone, `CF-${run}-b`, gridOp)]);
  return { zone, sellerMeter: s.eid, sellerKey: s.key, buyerMeter: b.eid };
}

/** A PPA of `quantityWh` over the one slot `slotMs`, proposed by the seller and accepted by the buyer. */
export async function agreePpa(tx: Tx, st: RevenueStation, seller: Party, buyer: Party, slotMs: number, quantityWh: bigint): Promise<string> {
  const slot = new Date(slotMs).toISOString();
  const ppa = await tx<{ id: string }>(seller.client, `${E}/market/propose-ppa`, {
    seller: seller.eid, sellerMeter: st.sellerMeter, buyer: buyer.eid, buyerMeter: st.buyerMeter, zone: st.zone,
    quantityWh: quantityWh.toString(), price: PRICE.toString(), firstSlot: slot, lastSlot: slot,
  });
  await tx(buyer.client, `${E}/market/accept-ppa`, { ppaId: ppa.id });
  return ppa.id;
}

/** The seller meter's signed cumulative reading `seq` at `ts`, submitted by the grid operator; it must be accepted. */
export async function sellerReading(tx: Tx, st: RevenueStation, gridOp: ApiClient, seq: number, ts: number, exportWh: bigint): Promise<void> {
  const reading = signReading(st.sellerKey, { meter: st.sellerMeter, seq, ts: new Date(ts).toISOString(), importWh: '0', exportWh: exportWh.toString() });
  const out = await tx(gridOp, `${E}/metering/submit-readings`, { readings: [reading] });
  if (!JSON.stringify(out).includes('"verdict":"accepted"')) throw new Error(`reading ${String(seq)} not accepted: ${JSON.stringify(out)}`);
}
