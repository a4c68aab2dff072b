/**
 * One slot's market: its order book as a depth chart (cumulative bids and
 * asks by limit price, Chart.js), the open orders, and the trades matching
 * made (energy `market:OrderBook`, `market:Trades`, `market:Clearing`).
 */
import { chart } from '../charts/chart';
import { depthCurves, type BookOrder } from '../model/depth';
import { whToKwh } from '../model/market';
import { section } from '../ui/async';
import { fields, h, mono, table, unavailable } from '../ui/dom';
import { itemsOf } from '../ui/generic';
import type { Ctx } from './context';

const eid = (x: string): HTMLElement => mono(`${x.slice(0, 16)}…`, x);

interface TradeRow { seq: number; seller: string; buyer: string; quantityWh: string; price: string; status: string; settlement?: { deliveredWh: string; paid: string } }

async function depth(ctx: Ctx, slot: string, zone: string): Promise<Node> {
  const orders = itemsOf(await ctx.api.evaluate('energy', 'market:OrderBook', { slot, zone, pageSize: 100 })) as (BookOrder & { id?: string; owner?: string })[];
  const { bids, asks } = depthCurves(orders);
  const book = table(
    ['Side', 'Limit price (DECC base units / kWh)', 'Quantity (kWh)', 'Owner', 'Status'],
    orders.map((o) => [o.side, o.limitPrice, whToKwh(o.quantityWh), o.owner ?? '', o.status ?? '']),
    { 'data-test': 'orders' },
  );
  return h(
    'div',
    null,
    bids.length + asks.length > 0
      ? chart(
          {
            title: `Order book depth of ${zone}, slot ${slot}`,
            xTitle: 'limit price (DECC base units / kWh)',
            yTitle: 'cumulative quantity (kWh)',
            xLabel: (x) => String(x),
            series: [
              { name: 'bids (buy at this price or more)', color: '#17a589', points: bids, stepped: 'after', fill: true },
              { name: 'asks (sell at this price or less)', color: '#c0392b', points: asks, stepped: 'before', fill: true },
            ],
            testId: 'depth-chart',
          },
          (fn) => { ctx.onLeave(fn); },
        )
      : h('p', { class: 'muted', 'data-test': 'depth-empty' }, 'No open orders in this slot.'),
    h('h4', null, `Orders (${String(orders.length)})`),
    book,
  );
}

async function trades(ctx: Ctx, slot: string, zone: string): Promise<Node> {
  const [rows, clearing] = await Promise.all([
    ctx.api.evaluate('energy', 'market:Trades', { slot, zone, pageSize: 100 }).then((r) => itemsOf(r) as TradeRow[]),
    ctx.api.evaluate<Record<string, unknown> | null>('energy', 'market:Clearing', { slot, zone }).catch(() => null),
  ]);
  return h(
    'div',
    null,
    clearing ? fields(Object.entries(clearing).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, String(v)])) : h('p', { class: 'muted' }, 'Not cleared yet.'),
    table(
      ['#', 'Seller', 'Buyer', 'Quantity (kWh)', 'Price (DECC base units / kWh)', 'Status', 'Delivered (kWh)', 'Paid (DECC base units)'],
      [...rows].sort((a, b) => a.seq - b.seq).map((t) => [t.seq, eid(t.seller), eid(t.buyer), whToKwh(t.quantityWh), t.price, t.status, t.settlement ? whToKwh(t.settlement.deliveredWh) : '—', t.settlement?.paid ?? '—']),
      { 'data-test': 'trades' },
    ),
    rows.length === 0 ? h('p', { class: 'muted' }, 'No trades (matching has not run, or nothing crossed).') : null,
  );
}

export function slotSections(ctx: Ctx, slot: string, zone: string): HTMLElement[] {
  return [
    section('Order book', () => depth(ctx, slot, zone), { 'data-test': 'order-book' }),
    section('Clearing and trades', async () => (ctx.api.offers('energy', 'market:Trades') ? trades(ctx, slot, zone) : unavailable('trades', 'needs POST /api/v1/energy/market/trades')), { 'data-test': 'slot-trades' }),
  ];
}
