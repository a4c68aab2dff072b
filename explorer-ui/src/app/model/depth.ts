/**
 * A slot's order book as depth curves: for each limit price, the cumulative
 * quantity buyers would take at that price or higher (bids) and sellers would
 * give at that price or lower (asks), in kWh. Sums are bigint Wh; only open
 * orders count. Points are ordered by price for the chart's x axis.
 */
export interface BookOrder { side: string; limitPrice: string; quantityWh: string; status?: string }
export interface DepthPoint { x: number; y: number }

const isOrder = (v: unknown): v is BookOrder =>
  typeof v === 'object' && v !== null && typeof (v as BookOrder).side === 'string' && typeof (v as BookOrder).limitPrice === 'string' && typeof (v as BookOrder).quantityWh === 'string';

/** Quantity per price of one side, in Wh. */
function perPrice(orders: BookOrder[], side: string): Map<bigint, bigint> {
  const out = new Map<bigint, bigint>();
  for (const o of orders) if (o.side === side && o.status !== 'cancelled') out.set(BigInt(o.limitPrice), (out.get(BigInt(o.limitPrice)) ?? 0n) + BigInt(o.quantityWh));
  return out;
}

/** Running sums over prices in the given order, as kWh points sorted by price ascending. */
function cumulative(levels: Map<bigint, bigint>, descending: boolean): DepthPoint[] {
  const prices = [...levels.keys()].sort((a, b) => (a === b ? 0 : (a < b) !== descending ? -1 : 1));
  let sum = 0n;
  const points = prices.map((p) => {
    sum += levels.get(p) ?? 0n;
    return { x: Number(p), y: Number(sum) / 1000 };
  });
  return descending ? points.reverse() : points;
}

export function depthCurves(items: unknown[]): { bids: DepthPoint[]; asks: DepthPoint[] } {
  const orders = items.filter(isOrder);
  return { bids: cumulative(perPrice(orders, 'buy'), true), asks: cumulative(perPrice(orders, 'sell'), false) };
}
