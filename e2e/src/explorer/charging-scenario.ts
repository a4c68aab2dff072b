/**
 * Charging activity for the explorer's browser test, made through the gateway
 * REST API as the charging service and its users would: a service provider
 * with a charge point, a driver's scan-to-pay session with meter readings,
 * stopped and settled, and a maintenance order from report to payment.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../fixtures/api-client';
import { ActorPool } from '../fixtures/actors';
import { postRate } from '../fixtures/committee';
import { dec, enrollOperator, kycHash } from '../fixtures/energy-fleet';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A transaction's result; a peer one block behind (403/404) or a busy network (503) is retried briefly. */
export async function call<T = Record<string, unknown>>(client: ApiClient, route: string, body?: unknown): Promise<T> {
  for (let i = 0; ; i++) {
    const path = `/api/v1/energy/${route}`;
    const res = body === undefined ? await client.get<{ result: T }>(path) : await client.post<{ result: T }>(path, body);
    if (res.status === 200 || res.status === 201) return res.body.result;
    if (![403, 404, 503].includes(res.status) || i > 30) throw new Error(`${route}: HTTP ${String(res.status)} ${JSON.stringify(res.body)}`);
    await sleep(300);
  }
}

export interface ChargingWorld { providerEid: string; pointId: string; sessionId: string; orderId: string }

export interface ChargingActors { operator: ApiClient; provider: ApiClient; driver: ApiClient; fixer: ApiClient }

export async function chargingActivity(a: ChargingActors, run: string): Promise<ChargingWorld> {
  const participant = async (client: ApiClient, roles: string[], name: string): Promise<string> => {
    const p = await call<{ eid: string }>(client, 'identity/register', { kycHash: kycHash(`ex-${name}-${run}`), roles });
    await call(a.operator, 'identity/approve', { eid: p.eid });
    await call(a.operator, 'token/release-batch', { pool: 'others', batchId: `ex-${name}-${run}`, payouts: [{ to: p.eid, amount: dec(1000) }] });
    await call(client, 'token/lock-deposit', { account: p.eid, amount: dec(10) });
    await call(client, 'token/mint-decc', { account: p.eid, decAmount: dec(100) });
    return p.eid;
  };
  const genesis = await call<{ genesis: unknown }>(a.operator, 'token/get-genesis');
  if (!genesis.genesis) await call(a.operator, 'token/genesis', {});
  const rate = await call<{ rate?: unknown } | null>(a.operator, 'token/get-rate');
  if (!rate || !('deccPerDec' in rate)) {
    const pool = new ActorPool();
    try {
      await postRate(pool, await enrollOperator(pool), '1');
    } finally {
      pool.close();
    }
  }
  await call(a.operator, 'charging/configure', { feeBps: 1000, minDeposit: '1' });
  const [providerEid, driverEid, fixerEid] = await Promise.all([participant(a.provider, ['service-provider'], 'prov'), participant(a.driver, ['consumer'], 'driver'), participant(a.fixer, ['maintainer'], 'fixer')]);
  const zone = `EX-${run}`.slice(0, 32);
  const pile = await call<{ eid: string }>(a.provider, 'identity/register-device', { ownerEid: providerEid, kind: 'charging-pile', serial: `PILE-EX-${run}` });
  const point = await call<{ id: string }>(a.provider, 'charging/register-point', {
    provider: providerEid, device: pile.eid, chargerId: `EX-${run}`.slice(0, 36), zone, latE6: 31_000_000, lonE6: 121_000_000,
    connectors: [{ connectorId: 1, powerW: 22_000 }, { connectorId: 2, powerW: 7_000 }], pricePerKwh: '300', pricePerHour: '0', reservationFee: '50',
  });
  await call(a.fixer, 'maintenance/register-maintainer', { maintainer: fixerEid, zone, latE6: 31_001_000, lonE6: 121_000_000, charge: '700' });
  // Scan to pay on connector 1: start, two meter readings, stop (4 kWh at 300 per kWh).
  const session = await call<{ id: string }>(a.driver, 'charging/start-instant', { user: driverEid, pointId: point.id, connectorId: 1, maxWh: '10000', maxMinutes: 60 });
  await call(a.provider, 'charging/record-meter', { sessionId: session.id, meterWh: '1000' });
  await call(a.provider, 'charging/record-meter', { sessionId: session.id, meterWh: '3000' });
  await call(a.provider, 'charging/stop-session', { sessionId: session.id, meterStopWh: '5000' });
  // A breakdown on connector 2, repaired and paid.
  const order = await call<{ id: string }>(a.driver, 'maintenance/report', { reporter: driverEid, pointId: point.id, connectorId: 2, description: 'screen dark', photoHash: sha(`photo-${run}`) });
  await call(a.fixer, 'maintenance/accept', { orderId: order.id });
  await call(a.fixer, 'maintenance/complete', { orderId: order.id, evidenceHash: sha(`fixed-${run}`) });
  await call(a.provider, 'maintenance/confirm', { orderId: order.id });
  return { providerEid, pointId: point.id, sessionId: session.id, orderId: order.id };
}
