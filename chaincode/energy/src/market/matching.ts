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
import { project } from './geo';
import type { Side } from './state';
import { OwnerIds, SellerBook } from './seller-book';

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

/** Energy of each meter in this slot owed to earlier commitments: its PPAs first, then its earlier trades in result order. */
class PriorUse {
  private readonly exportUsed: Map<string, bigint>;
  private readonly importUsed: Map<string, bigint>;

  constructor(opts: MatchOptions) {
    this.exportUsed = new Map(opts.ppaExportWh ?? []);
    this.importUsed = new Map(opts.ppaImportWh ?? []);
  }

  /** Records a trade of `q` Wh and returns what each meter owed before it. */
  record(sellerMeter: string, buyerMeter: string, q: bigint): { sellerPriorWh: bigint; buyerPriorWh: bigint } {
    const sellerPriorWh = this.exportUsed.get(sellerMeter) ?? 0n;
    const buyerPriorWh = this.importUsed.get(buyerMeter) ?? 0n;
    this.exportUsed.set(sellerMeter, sellerPriorWh + q);
    this.importUsed.set(buyerMeter, buyerPriorWh + q);
    return { sellerPriorWh, buyerPriorWh };
  }
}

/** Serves one buy order: nearest acceptable seller first, until the buyer is full or none is left. */
function fillBuyer(buyer: BookOrder, book: SellerBook, owners: OwnerIds, prior: PriorUse, trades: TradeDraft[], lonScalePpm: number): void {
  const at = project(buyer.latE6, buyer.lonE6, lonScalePpm);
  const me = owners.of(buyer);
  // Sellers are sorted by ask, so those the buyer accepts are a prefix.
  const end = book.acceptedBy(buyer.limitPrice);
  let want = buyer.quantityWh;
  for (let n = 0; want > 0n; n++) {
    const best = book.nearest(at.x, at.y, end, me);
    if (!best) break;
    const seller = book.sellers[best.index] as BookOrder;
    const q = book.take(best.index, want);
    want -= q;
    trades.push({
      seq: trades.length,
      buyOrderId: buyer.id,
      n,
      sellOrderId: seller.id,
      buyer: buyer.owner,
      seller: seller.owner,
      buyerMeter: buyer.meter,
      sellerMeter: seller.meter,
      buyerMeterSlotMinutes: buyer.meterSlotMinutes,
      sellerMeterSlotMinutes: seller.meterSlotMinutes,
      quantityWh: q,
      price: seller.limitPrice,
      distance2: best.distance2,
      ...prior.record(seller.meter, buyer.meter, q),
    });
  }
}

export function matchBook(orders: readonly BookOrder[], opts: MatchOptions): MatchResult {
  const inBook = orders.filter((o) => isLive(o, opts.gateAt));
  const sellers = inBook.filter((o) => o.side === 'sell').sort(sellerOrder);
  const buyers = inBook.filter((o) => o.side === 'buy').sort(buyerOrder);
  const owners = new OwnerIds();
  const book = new SellerBook(sellers, opts.lonScalePpm, owners);
  const prior = new PriorUse(opts);
  const trades: TradeDraft[] = [];
  for (const buyer of buyers) fillBuyer(buyer, book, owners, prior, trades, opts.lonScalePpm);
  const volumeWh = trades.reduce((v, t) => v + t.quantityWh, 0n);
  const value = trades.reduce((v, t) => v + (t.quantityWh * t.price) / 1000n, 0n);
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
