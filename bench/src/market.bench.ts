/**
 * The micro-grid market (energy chaincode, `market` contract) on the real network:
 *
 *   1. orders posted per second at each concurrency level: each worker is its
 *      own participant (own certified meter, own deposit) posting into one
 *      zone; even workers sell, odd workers buy (escrowing DECC); each level
 *      posts into its own far-future slot (never matched);
 *   2. one slot of `matchOrders` orders (default 1,000) posted at the highest
 *      level into a slot a minute or two ahead (1-minute slots, no gate, no
 *      grace), then Match in pages (each page recomputes the frozen book and
 *      writes up to `pageSize` trades) timed from the first page to the last;
 *   3. Settle of that slot in pages of buy orders, as buy orders and trades per
 *      second. No meter sends data here, so every seller counts as silent: no
 *      DECC moves, every escrow is released, and each trade's (small) penalty is
 *      slashed from the seller's deposit to the buyer (a deposit write per trade).
 *
 * The baseline (network:Beacon, same callers, same concurrency) comes from the
 * token-transfer benchmark of the same run.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createParticipants, dec, enrollOperator, ensureGenesis, inBatches, postRate, runId, type Actor, type ActorPool, type Participant } from '@dec/e2e';
import { runLoad, type LoadResult } from './load';

export interface MarketBenchOptions {
  concurrencies: number[];
  ordersPerLevel: (concurrency: number) => number;
  matchOrders: number;
  pageSize: number;
  log: (line: string) => void;
}

export interface PagedRun {
  name: string;
  items: number;
  pages: number;
  seconds: number;
  perSecond: number;
  pageMs: number[];
}

export interface MarketBenchResult {
  orders: LoadResult[];
  /** The matched slot's orders being posted (also the last row of `orders`). */
  post?: LoadResult;
  match?: PagedRun & { orders: number; trades: number };
  settle?: PagedRun & { buyOrders: number; trades: number };
}

const MINUTE = 60_000;
const sleepUntil = async (ms: number) => {
  const wait = ms + 1_500 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
};

interface Trader extends Participant {
  meter: string;
  side: 'sell' | 'buy';
  latE6: number;
  lonE6: number;
}

/** Submits pages until the chaincode says done; returns the per-page latencies and the last result. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape the chaincode function returns
async function paged<T extends { done: boolean }>(actor: Actor, fn: string, input: Record<string, unknown>): Promise<{ pageMs: number[]; last: T; seconds: number }> {
  const pageMs: number[] = [];
  const t0 = Date.now();
  for (;;) {
    const p0 = Date.now();
    const last = await actor.submit<T>('energy', fn, input);
    pageMs.push(Date.now() - p0);
    if (last.done) return { pageMs, last, seconds: (Date.now() - t0) / 1000 };
  }
}

export async function marketBench(pool: ActorPool, options: MarketBenchOptions): Promise<MarketBenchResult> {
  const tag = runId();
  const zone = `BENCH-${tag}`;
  const operator = await enrollOperator(pool);
  await ensureGenesis(operator);
  const grid = await pool.enroll('GridMSP', 'bench-grid', { role: 'operator' });
  const workers = Math.max(2, ...options.concurrencies);
  options.log(`market: setting up ${workers} traders (participants, meters certified by the grid operator, deposits, DECC) in zone ${zone} ...`);
  await operator.submit('energy', 'market:ConfigureZone', { zone, slotMinutes: 1, gateMinutes: 0, graceMinutes: 0, minDeposit: dec(1), feeBps: 100, toleranceBps: 500, penaltyPerKwh: '1000000' });
  await postRate(pool, operator, '2');
  const people = await createParticipants(pool, operator, workers, { name: `mkt${tag}-`, fundWholeDec: 1_000 });
  const traders = await inBatches(people, 25, async (p, i): Promise<Trader> => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const device = await p.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', { ownerEid: p.eid, kind: 'meter', serial: `BENCH-${tag}-${i}`, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    await p.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone, ratedPowerW: 1_000_000, slotMinutes: 1 });
    await p.actor.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(10) });
    const side = i % 2 === 0 ? 'sell' : 'buy';
    if (side === 'buy') await p.actor.submit('energy', 'token:MintDecc', { account: p.eid, decAmount: dec(200), expectedRate: '2' });
    // Scattered over ~10 km around one point.
    return { ...p, meter: device.eid, side, latE6: 52_000_000 + ((i * 7919) % 90_000), lonE6: 13_000_000 + ((i * 104_729) % 140_000) };
  });
  await inBatches(traders, 25, (t) => grid.submit('energy', 'metering:CertifyMeter', { meter: t.meter }));

  const post = async (t: Trader, slot: string, seq: number) => {
    const input = {
      eid: t.eid,
      side: t.side,
      meter: t.meter,
      zone,
      slot,
      quantityWh: String(200 + ((seq * 379) % 1_800)),
      limitPrice: String(t.side === 'sell' ? 80 + ((seq * 13) % 50) : 100 + ((seq * 17) % 60)),
      latE6: t.latE6,
      lonE6: t.lonE6,
    };
    const tx = await t.actor.contract('energy').newProposal('market:PostOrder', { arguments: [JSON.stringify(input)] }).endorse();
    return { code: (await (await tx.submit()).getStatus()).code };
  };
  // Worker w of a level with c workers uses trader w (c ≤ workers), so sellers and buyers alternate.
  const result: MarketBenchResult = { orders: [] };
  const farBase = Math.ceil((Date.now() + 120 * MINUTE) / MINUTE) * MINUTE;
  for (const [li, c] of options.concurrencies.entries()) {
    const total = options.ordersPerLevel(c);
    const slot = new Date(farBase + li * MINUTE).toISOString();
    options.log(`market: concurrency ${c}: ${total} orders into slot ${slot} ...`);
    result.orders.push(await runLoad('market:PostOrder', c, total, (w, seq) => post(traders[w]!, slot, seq)));
  }

  // One slot of `matchOrders` orders, posted at the highest level, matched and settled.
  const c = Math.max(...options.concurrencies);
  const lastTps = result.orders[result.orders.length - 1]?.tps ?? 5;
  const postSeconds = options.matchOrders / Math.max(1, lastTps);
  const startMs = Math.ceil((Date.now() + 1.5 * postSeconds * 1000 + 20_000) / MINUTE) * MINUTE;
  const slot = new Date(startMs).toISOString();
  options.log(`market: ${options.matchOrders} orders into slot ${slot} at concurrency ${c} (expected ~${postSeconds.toFixed(0)} s) ...`);
  const posted = await runLoad(`market:PostOrder (slot of ${options.matchOrders})`, c, options.matchOrders, (w, seq) => post(traders[w]!, slot, 1_000_000 + seq));
  result.orders.push(posted);
  result.post = posted;
  if (posted.committed === 0) return result;
  options.log(`market: waiting for the gate (${slot}), then Match in pages of ${options.pageSize} trades ...`);
  await sleepUntil(startMs);
  const m = await paged<{ done: boolean; clearing: { trades: number; buyOrders: number; sellOrders: number } }>(grid, 'market:Match', { slot, zone, pageSize: options.pageSize });
  result.match = { name: 'market:Match', orders: posted.committed, trades: m.last.clearing.trades, items: m.last.clearing.trades, pages: m.pageMs.length, seconds: m.seconds, perSecond: m.last.clearing.trades / m.seconds, pageMs: m.pageMs };
  options.log(`market: matched ${posted.committed} orders into ${m.last.clearing.trades} trades in ${m.pageMs.length} pages, ${m.seconds.toFixed(1)} s; waiting for the slot end to settle ...`);
  await sleepUntil(startMs + MINUTE);
  const s = await paged<{ done: boolean; clearing: { settledBuyOrders: number } }>(grid, 'market:Settle', { slot, zone, pageSize: options.pageSize });
  const buyOrders = s.last.clearing.settledBuyOrders;
  result.settle = { name: 'market:Settle', buyOrders, trades: m.last.clearing.trades, items: buyOrders, pages: s.pageMs.length, seconds: s.seconds, perSecond: buyOrders / s.seconds, pageMs: s.pageMs };
  return result;
}

/** A market slot lasts 15 minutes in production zones: the three phases of one slot must fit in it. */
const SLOT_BUDGET_SECONDS = 15 * 60;

export function formatMarket(r: MarketBenchResult): string {
  const lines: string[] = [];
  if (r.post && r.match && r.settle) {
    const total = r.post.seconds + r.match.seconds + r.settle.seconds;
    lines.push(
      `slot of ${r.post.committed} orders: posted in ${r.post.seconds.toFixed(0)} s (${r.post.tps.toFixed(1)} orders/s at ${r.post.concurrency} clients), ` +
        `matched in ${r.match.seconds.toFixed(0)} s, settled in ${r.settle.seconds.toFixed(0)} s: ${total.toFixed(0)} s of work, ` +
        `${total <= SLOT_BUDGET_SECONDS ? 'fits' : 'does NOT fit'} a 15-minute slot (${((100 * total) / SLOT_BUDGET_SECONDS).toFixed(0)}%)`,
    );
  }
  if (r.match) {
    lines.push(
      `market:Match   ${r.match.orders} orders -> ${r.match.trades} trades: ${r.match.seconds.toFixed(1)} s in ${r.match.pages} pages (${r.match.pageMs.map((ms) => `${ms} ms`).join(', ')}), ${r.match.perSecond.toFixed(0)} trades/s`,
    );
  }
  if (r.settle) {
    lines.push(
      `market:Settle  ${r.settle.buyOrders} buy orders / ${r.settle.trades} trades: ${r.settle.seconds.toFixed(1)} s in ${r.settle.pages} pages (${r.settle.pageMs.map((ms) => `${ms} ms`).join(', ')}), ${r.settle.perSecond.toFixed(0)} buy orders/s, ${(r.settle.trades / r.settle.seconds).toFixed(0)} trades/s`,
    );
  }
  return lines.join('\n');
}
