/**
 * The Meters landing: every meter from the gateway's index (`meter.meter`),
 * by zone (through the `meter.zone` index when a zone is chosen) and status,
 * with its last accepted reading (`meter.cursor`) and its anomaly count;
 * paged and exportable as CSV. A row opens the meter's energy chart.
 */
import type { IndexedState } from '../api/types';
import { whToKwh } from '../model/market';
import { href } from '../model/route';
import { h, link, mono, type Child } from '../ui/dom';
import { pagedList, type ListPage } from '../ui/paged-list';
import type { Ctx } from './context';

interface MeterValue { eid: string; ownerEid: string; zone: string; status: string; ratedPowerW: number; slotMinutes: number }
interface CursorValue { ts: string; importWh: string; exportWh: string; accepted: number }
interface MeterRow { meter: MeterValue; cursor?: CursorValue; anomalies: number; more: boolean }

async function rowOf(ctx: Ctx, meter: MeterValue): Promise<MeterRow> {
  const [cursor, anomalies] = await Promise.all([
    ctx.api.indexState('energy', 'meter.cursor', { first: meter.eid, limit: '1' }),
    ctx.api.indexState('energy', 'meter.anomaly', { first: meter.eid, limit: '20' }),
  ]);
  return { meter, cursor: cursor.items[0]?.value as CursorValue | undefined, anomalies: anomalies.items.length, more: anomalies.next !== undefined };
}

async function meterPage(ctx: Ctx, zone: string, status: string, before: string | undefined): Promise<ListPage<MeterRow>> {
  const page = { limit: '20', ...(before ? { before } : {}) };
  let meters: IndexedState[];
  let next: string | undefined;
  if (zone) {
    const inZone = await ctx.api.indexState('energy', 'meter.zone', { first: zone, ...page });
    const found = await Promise.all(inZone.items.map((z) => ctx.api.indexState('energy', 'meter.meter', { first: z.key.split('~')[1] ?? '', limit: '1' })));
    meters = found.flatMap((f) => f.items).filter((m) => !status || (m.value as MeterValue).status === status);
    next = inZone.next;
  } else {
    const all = await ctx.api.indexState('energy', 'meter.meter', { ...(status ? { status } : {}), ...page });
    meters = all.items;
    next = all.next;
  }
  const items = await Promise.all(meters.map((m) => rowOf(ctx, m.value as MeterValue)));
  return { items, ...(next ? { next } : {}) };
}

function cells(r: MeterRow): Child[] {
  const m = r.meter;
  return [
    link(href({ name: 'meters', meter: m.eid }), m.eid, { 'data-test': 'meter-link' }),
    m.zone,
    m.status,
    mono(`${m.ownerEid.slice(0, 14)}…`, m.ownerEid),
    String(m.ratedPowerW / 1000),
    r.cursor ? r.cursor.ts.slice(0, 19).replace('T', ' ') : '—',
    r.cursor ? whToKwh(r.cursor.importWh) : '—',
    r.cursor ? whToKwh(r.cursor.exportWh) : '—',
    r.anomalies > 0 ? h('span', { class: 'bad' }, `${String(r.anomalies)}${r.more ? '+' : ''}`) : '0',
  ];
}

export function metersLanding(ctx: Ctx): HTMLElement {
  const holder = h('div', null);
  const zone = h('input', { name: 'zone', placeholder: 'zone (all)', 'data-test': 'filter-zone' });
  const status = h('select', { name: 'status', 'data-test': 'filter-meter-status' }, h('option', { value: '' }, 'any status'), ['registered', 'certified', 'decommissioned'].map((s) => h('option', { value: s }, s)));
  const form = h('form', null, h('label', null, 'Zone ', zone), h('label', null, 'Status ', status), h('button', { type: 'submit' }, 'Filter'));
  const show = (): void => {
    const z = zone.value.trim();
    holder.replaceChildren(
      pagedList<MeterRow>('Meters', {
        api: ctx.api,
        path: z ? '/api/v1/index/energy/state/meter.zone' : '/api/v1/index/energy/state/meter.meter',
        query: z ? { first: z } : status.value ? { status: status.value } : {},
        load: (before) => meterPage(ctx, z, status.value, before),
        headers: ['Meter', 'Zone', 'Status', 'Owner', 'Rated (kW)', 'Last reading (UTC)', 'Import total (kWh)', 'Export total (kWh)', 'Anomalies'],
        cells,
        rowAttrs: (r): Record<string, string> => (r.anomalies > 0 ? { class: 'anomalous' } : {}),
        testId: 'meters',
        fileName: z ? `energy-meters-${z}` : 'energy-meters',
        tools: form,
        empty: 'No meter registered (in this zone).',
      }),
    );
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  show();
  return holder;
}
