/**
 * The Market page's landing: the zones, the latest slots (recent and
 * upcoming) with status, volume and average clearing price, and each zone's
 * clearing price over time, all from the gateway's index of channel energy
 * (its `market.zone` and `market.clearing` writes). A slot row opens that
 * slot's order book and clearing.
 */
import type { IndexedState } from '../api/types';
import { chart } from '../charts/chart';
import { averagePrice, isClearing, pricePoints, whToKwh, type ClearingValue } from '../model/market';
import { href } from '../model/route';
import { section } from '../ui/async';
import { csvButton } from '../ui/csv-export';
import { h, link, table } from '../ui/dom';
import type { Ctx } from './context';

const COLORS = ['#2f6fdf', '#17a589', '#d35400', '#8e44ad', '#c0392b'];

function slotRow(c: ClearingValue, item: IndexedState): (string | Node)[] {
  const price = averagePrice(c);
  return [
    link(href({ name: 'market', slot: c.slot, zone: c.zone }), c.slot),
    c.zone,
    c.status,
    whToKwh(c.volumeWh),
    price === null ? '—' : price.toString(),
    String(c.trades),
    link(href({ name: 'tx', channel: 'energy', txId: item.transactionId }), `#${item.blockNumber}`),
  ];
}

async function overview(ctx: Ctx): Promise<Node> {
  const [zones, clearings] = await Promise.all([ctx.api.indexState('energy', 'market.zone', { limit: '100' }), ctx.api.indexState('energy', 'market.clearing', { limit: '100' })]);
  const rows = clearings.items.filter((i) => isClearing(i.value));
  const values = rows.map((i) => i.value as ClearingValue);
  const zoneNames = zones.items.map((z) => z.key);
  const series = zoneNames.slice(0, COLORS.length).map((zone, i) => ({ name: zone, color: COLORS[i] ?? '#555', points: pricePoints(values, zone) }));
  return h(
    'div',
    null,
    h('h3', null, 'Zones'),
    table(['Zone', 'Since block'], zones.items.map((z) => [z.key, `#${z.blockNumber}`]), { 'data-test': 'zones' }),
    h('h3', null, 'Latest slots'),
    csvButton(ctx.api.apiKey, '/api/v1/index/energy/state/market.clearing', () => ({ limit: '100' }), 'energy-market-clearings'),
    table(['Slot', 'Zone', 'Status', 'Volume (kWh)', 'Avg price (DECC base units / kWh)', 'Trades', 'Last change'], rows.map((i) => slotRow(i.value as ClearingValue, i)), { 'data-test': 'slots' }),
    series.some((s) => s.points.length > 0)
      ? chart({ title: 'Average clearing price per slot and zone', xTitle: 'slot start (UTC)', yTitle: 'DECC base units / kWh', series, testId: 'price-chart' }, (fn) => { ctx.onLeave(fn); })
      : h('p', { class: 'muted' }, 'No slot has cleared with volume yet.'),
  );
}

export function marketOverview(ctx: Ctx): HTMLElement {
  return section('What is trading', () => overview(ctx), { 'data-test': 'market-overview' });
}
