/**
 * Charging sessions settled per second, beside a baseline of the same number
 * of blind writes (`network:Beacon`, two per session: a session is two
 * transactions, start and settle) by the same callers, at the same
 * concurrency, in the same run. Each worker is a driver with its own
 * connector (points of up to 16 connectors, one provider), so a worker
 * never races itself; every settlement credits the same provider and fee
 * account, which is what must not serialise. The stop is endorsed by the
 * provider's org, which may see the start a block later: it retries on
 * NOT_FOUND, and that wait is part of a session's latency.
 */
import { createParticipants, dec, enrollOperator, ensureGenesis, inBatches, kycHash, postRate, runId, untilFound, type Actor, type ActorPool, type Participant } from '@dec/e2e';
import { runLoad, type LoadResult, type TxOutcome } from './load';

export interface ChargingBenchOptions {
  concurrencies: number[];
  sessionsPerLevel: (concurrency: number) => number;
  log: (line: string) => void;
}

const CONNECTORS_PER_POINT = 16;

async function submitCode(actor: Actor, fn: string, input: unknown): Promise<TxOutcome & { result?: unknown }> {
  const tx = await actor.contract('energy').newProposal(fn, { arguments: [JSON.stringify(input)] }).endorse();
  const submitted = await tx.submit();
  const code = (await submitted.getStatus()).code;
  return { code, result: code === 0 ? JSON.parse(Buffer.from(submitted.getResult()).toString('utf8')) : undefined };
}

/** A service provider with `workers` connectors over as many points as needed; returns each worker's point and connector. */
async function providerWithConnectors(pool: ActorPool, operator: Actor, tag: string, workers: number): Promise<{ provider: Actor; slots: { pointId: string; connectorId: number }[] }> {
  const provider = await pool.enroll('SupplierMSP', `bench-cg-prov${tag}`, {});
  const p = await provider.submit<{ eid: string }>('energy', 'identity:Register', { kycHash: kycHash(provider.enrollmentId), roles: ['service-provider'] });
  await operator.submit('energy', 'identity:Approve', { eid: p.eid });
  await operator.submit('energy', 'token:ReleaseBatch', { pool: 'others', batchId: `cg-prov-${tag}`, payouts: [{ to: p.eid, amount: dec(100) }] });
  await provider.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(10) });
  const slots: { pointId: string; connectorId: number }[] = [];
  for (let n = 0; slots.length < workers; n++) {
    const count = Math.min(CONNECTORS_PER_POINT, workers - slots.length);
    const pile = await provider.submit<{ eid: string }>('energy', 'identity:RegisterDevice', { ownerEid: p.eid, kind: 'charging-pile', serial: `BENCH-${tag}-${n}` });
    const point = await provider.submit<{ id: string }>('energy', 'charging:RegisterPoint', {
      provider: p.eid, device: pile.eid, chargerId: `BENCH-${tag}-${n}`, zone: `BENCH-CG-${tag}`, latE6: 0, lonE6: 0,
      connectors: Array.from({ length: count }, (_, i) => ({ connectorId: i + 1, powerW: 22_000 })), pricePerKwh: '300', pricePerHour: '60', reservationFee: '0',
    });
    for (let i = 0; i < count; i++) slots.push({ pointId: point.id, connectorId: i + 1 });
  }
  return { provider, slots };
}

export async function chargingBench(pool: ActorPool, options: ChargingBenchOptions): Promise<LoadResult[]> {
  const tag = runId();
  const operator = await enrollOperator(pool);
  await ensureGenesis(operator);
  const rate = await operator.evaluate<{ deccPerDec?: string } | null>('energy', 'token:GetRate');
  if (!rate?.deccPerDec) await postRate(pool, operator, '2');
  await operator.submit('energy', 'charging:Configure', { feeBps: 1000, minDeposit: '1' });
  const workers = Math.max(...options.concurrencies);
  options.log(`charging: setting up ${workers} drivers (deposits, DECC) and a provider with ${workers} connectors ...`);
  const { provider, slots } = await providerWithConnectors(pool, operator, tag, workers);
  const drivers = await createParticipants(pool, operator, workers, { name: `cg${tag}-`, fundWholeDec: 1_000 });
  await inBatches(drivers, 25, async (d: Participant) => {
    await d.actor.submit('energy', 'token:LockDeposit', { account: d.eid, amount: dec(10) });
    await d.actor.submit('energy', 'token:MintDecc', { account: d.eid, decAmount: dec(100) });
  });

  /** One session: the driver starts at once (scan to pay), the provider's service stops it with 5 kWh: the stop settles from the hold. */
  const session = async (w: number, seq: number): Promise<TxOutcome> => {
    const driver = drivers[w]!;
    const slot = slots[w]!;
    const started = await submitCode(driver.actor, 'charging:StartInstant', { user: driver.eid, pointId: slot.pointId, connectorId: slot.connectorId, maxWh: '10000', maxMinutes: 60 });
    if (started.code !== 0) return started;
    const id = (started.result as { id: string }).id;
    // The provider's peers may be a block behind the driver's: the stop retries while the session is not found there (counted in its latency).
    return untilFound(() => submitCode(provider, 'charging:StopSession', { sessionId: id, meterStopWh: String(5000 + seq) }));
  };
  const rows: LoadResult[] = [];
  for (const c of options.concurrencies) {
    const total = options.sessionsPerLevel(c);
    options.log(`charging, concurrency ${c}: ${total} baseline pairs of writes, then ${total} sessions started and settled ...`);
    rows.push(await runLoad('baseline 2 x network:Beacon', c, total, async (w, seq) => {
      const first = await submitCode(drivers[w]!.actor, 'network:Beacon', { note: `cg${seq}a` });
      return first.code !== 0 ? first : submitCode(provider, 'network:Beacon', { note: `cg${seq}b` });
    }));
    rows.push(await runLoad('charging session (StartInstant + StopSession settles)', c, total, session));
  }
  return rows;
}

/** Sessions settled per second against the baseline's pairs of writes per second. */
export function formatCharging(rows: LoadResult[]): string[] {
  const out: string[] = [];
  for (const row of rows.filter((r) => !r.name.startsWith('baseline'))) {
    const base = rows.find((r) => r.name.startsWith('baseline') && r.concurrency === row.concurrency);
    if (base) out.push(`concurrency ${row.concurrency}: ${row.tps.toFixed(2)} sessions settled/s vs ${base.tps.toFixed(2)} baseline write pairs/s (${((100 * row.tps) / base.tps).toFixed(0)}%), ${row.mvccConflicts} MVCC conflicts`);
  }
  return out;
}
