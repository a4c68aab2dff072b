/**
 * Matching of one slot in one zone: pure, deterministic, repeatable by any peer.
 *
 * Algorithm (price–distance ranking, pay-as-ask):
 *   1. Orders that are cancelled, or expire at or before the gate closure, take no part.
 *   2. Buy orders are served one at a time in priority order: higher limit price
 *      first, then earlier priority time (posting, or last amendment), then order ID.
 *   3. A buy order takes energy from the sell orders it accepts (ask ≤ its limit,
 *      another owner, something left) nearest first: smallest squared distance,
 *      then lower ask, then earlier priority time, then order ID; each trade is
 *      min(what the buyer still wants, what the seller still has) — partial fills
 *      on both sides — until the buyer is full or no acceptable seller is left.
 *   4. The trade price is the seller's ask (≤ the buyer's limit, so the buyer's
 *      escrow always covers it).
 *
 * Why not a uniform-price double auction: the white paper's micro-grid consumes
 * "the clean energy in the network nearby firstly", and a uniform price makes the
 * pairing irrelevant to everyone's money, so distance could not matter. Ranking
 * by distance within what a buyer accepts keeps energy local, pay-as-ask lets
 * every trade carry its own price, and buyer priority by limit price gives
 * those who value the energy most first choice of the nearest sellers.
 *
 * Every trade either fills its buyer or exhausts its seller, so a slot with B
 * buyers and S sellers yields at most B + S trades. Cost: each trade scans the
 * acceptable sellers once, O((B + S) · S) integer comparisons.
 *
 * The result also carries, per trade, how much energy of each meter in this
 * slot is owed to earlier commitments (the meter's PPAs first, then its earlier
 * trades in result order): settlement allocates metered energy in that order,
 * so each trade can be settled on its own.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@dec/chaincode-kit/core';
import { AXIS_CLAMP, project } from './geo';
import type { Side } from './market-state';

export interface BookOrder {
  id: string;
  side: Side;
  owner: string;
  meter: string;
  meterSlotMinutes: number;
  quantityWh: bigint;
  limitPrice: bigint;
  latE6: number;
  lonE6: number;
  priorityAt: string;
  expiresAt?: string;
  status: 'open' | 'cancelled' | 'settled';
}

export interface MatchOptions {
  /** Gate closure time (ISO): orders expiring at or before it are out. */
  gateAt: string;
  lonScalePpm: number;
  /** Energy per meter already contracted by PPAs in this slot (seller meters: export; buyer meters: import). */
  ppaExportWh?: ReadonlyMap<string, bigint>;
  ppaImportWh?: ReadonlyMap<string, bigint>;
}

export interface TradeDraft {
  seq: number;
  buyOrderId: string;
  n: number;
  sellOrderId: string;
  buyer: string;
  seller: string;
  buyerMeter: string;
  sellerMeter: string;
  buyerMeterSlotMinutes: number;
  sellerMeterSlotMinutes: number;
  quantityWh: bigint;
  price: bigint;
  distance2: number;
  sellerPriorWh: bigint;
  buyerPriorWh: bigint;
}

export interface MatchResult {
  trades: TradeDraft[];
  buyOrders: number;
  sellOrders: number;
  volumeWh: bigint;
  value: bigint;
  /** SHA-256 (hex) of the canonical trade list. */
  hash: string;
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export function isLive(o: BookOrder, gateAt: string): boolean {
  if (o.status !== 'open') return false;
  return o.expiresAt === undefined || Date.parse(o.expiresAt) > Date.parse(gateAt);
}

/** Buyers: limit price desc, priority time asc, ID asc. */
export function buyerOrder(a: BookOrder, b: BookOrder): number {
  return cmpBig(b.limitPrice, a.limitPrice) || cmpStr(a.priorityAt, b.priorityAt) || cmpStr(a.id, b.id);
}

/** Sellers before distance: ask asc, priority time asc, ID asc (the tie-break after distance). */
export function sellerOrder(a: BookOrder, b: BookOrder): number {
  return cmpBig(a.limitPrice, b.limitPrice) || cmpStr(a.priorityAt, b.priorityAt) || cmpStr(a.id, b.id);
}

export function matchBook(orders: readonly BookOrder[], opts: MatchOptions): MatchResult {
  const inBook = orders.filter((o) => isLive(o, opts.gateAt));
  const sellers = inBook.filter((o) => o.side === 'sell').sort(sellerOrder);
  const buyers = inBook.filter((o) => o.side === 'buy').sort(buyerOrder);
  const xs = new Float64Array(sellers.length);
  const ys = new Float64Array(sellers.length);
  sellers.forEach((s, i) => {
    const p = project(s.latE6, s.lonE6, opts.lonScalePpm);
    xs[i] = p.x;
    ys[i] = p.y;
  });
  const ownerIds = new Map<string, number>();
  const ownerOf = (o: BookOrder): number => {
    let id = ownerIds.get(o.owner);
    if (id === undefined) ownerIds.set(o.owner, (id = ownerIds.size));
    return id;
  };
  const sellerOwner = Int32Array.from(sellers, ownerOf);
  const remaining = sellers.map((s) => s.quantityWh);
  const alive = new Uint8Array(sellers.length).fill(1);
  // Indices of sellers with energy left, ascending (= ask order); exhausted ones are swept out now and then.
  let live: number[] = sellers.map((_, i) => i);
  let dead = 0;

  const exportUsed = new Map<string, bigint>(opts.ppaExportWh ?? []);
  const importUsed = new Map<string, bigint>(opts.ppaImportWh ?? []);
  const trades: TradeDraft[] = [];
  let volumeWh = 0n;
  let value = 0n;

  for (const buyer of buyers) {
    let want = buyer.quantityWh;
    const at = project(buyer.latE6, buyer.lonE6, opts.lonScalePpm);
    const ax = at.x;
    const ay = at.y;
    const me = ownerOf(buyer);
    // Sellers are sorted by ask, so those the buyer accepts are a prefix.
    let lo = 0;
    let hi = sellers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sellers[mid] as BookOrder).limitPrice <= buyer.limitPrice) lo = mid + 1;
      else hi = mid;
    }
    const end = lo;
    let n = 0;
    while (want > 0n) {
      // Nearest by the integer distance of geo.ts (inlined); ties keep the lower index = lower ask, earlier, lower ID.
      let best = -1;
      let bestD = 0;
      for (let k = 0; k < live.length; k++) {
        const i = live[k] as number;
        if (i >= end) break;
        if (alive[i] === 0 || sellerOwner[i] === me) continue;
        const dx = Math.min(Math.abs(ax - (xs[i] as number)), AXIS_CLAMP);
        const dy = Math.min(Math.abs(ay - (ys[i] as number)), AXIS_CLAMP);
        const d = dx * dx + dy * dy;
        if (best < 0 || d < bestD) {
          best = i;
          bestD = d;
        }
      }
      if (best < 0) break;
      const seller = sellers[best] as BookOrder;
      const left = remaining[best] as bigint;
      const q = want < left ? want : left;
      remaining[best] = left - q;
      if (left - q === 0n) {
        alive[best] = 0;
        if (++dead > 32 && dead * 4 > live.length) {
          live = live.filter((i) => alive[i] === 1);
          dead = 0;
        }
      }
      want -= q;
      const sellerPriorWh = exportUsed.get(seller.meter) ?? 0n;
      const buyerPriorWh = importUsed.get(buyer.meter) ?? 0n;
      exportUsed.set(seller.meter, sellerPriorWh + q);
      importUsed.set(buyer.meter, buyerPriorWh + q);
      trades.push({
        seq: trades.length,
        buyOrderId: buyer.id,
        n: n++,
        sellOrderId: seller.id,
        buyer: buyer.owner,
        seller: seller.owner,
        buyerMeter: buyer.meter,
        sellerMeter: seller.meter,
        buyerMeterSlotMinutes: buyer.meterSlotMinutes,
        sellerMeterSlotMinutes: seller.meterSlotMinutes,
        quantityWh: q,
        price: seller.limitPrice,
        distance2: bestD,
        sellerPriorWh,
        buyerPriorWh,
      });
      volumeWh += q;
      value += (q * seller.limitPrice) / 1000n;
    }
  }
  return { trades, buyOrders: buyers.length, sellOrders: sellers.length, volumeWh, value, hash: resultHash(trades) };
}

export function resultHash(trades: readonly TradeDraft[]): string {
  const h = createHash('sha256');
  for (const t of trades) {
    h.update(canonicalJson({ ...t, quantityWh: t.quantityWh.toString(), price: t.price.toString(), sellerPriorWh: t.sellerPriorWh.toString(), buyerPriorWh: t.buyerPriorWh.toString() }));
    h.update('\n');
  }
  return h.digest('hex');
}
