/** A meter: its record and interval energy per slot as a chart (energy `metering:*`). */
import { bars } from '../charts/bars';
import { href } from '../model/route';
import { intervalSeries } from '../model/supply';
import { section } from '../ui/async';
import { itemsOf, objectTable } from '../ui/generic';
import { code, formText, h, unavailable } from '../ui/dom';
import type { Ctx } from './context';

async function meterSection(ctx: Ctx, meter: string): Promise<Node> {
  const [record, intervals, anomalies] = await Promise.all([
    ctx.api.evaluate('energy', 'metering:GetMeter', { meter }),
    ctx.api.evaluate('energy', 'metering:Intervals', { meter, pageSize: 96 }),
    ctx.api.evaluate('energy', 'metering:Anomalies', { meter, pageSize: 20 }),
  ]);
  const points = intervalSeries(itemsOf(intervals) as { slotStart: string; importWh: string; exportWh: string }[]);
  return h(
    'div',
    null,
    points.length
      ? bars(
          points.map((p) => p.slot.slice(11, 16)),
          [
            { name: 'import kWh', color: '#2f6fdf', values: points.map((p) => p.importKwh) },
            { name: 'export kWh', color: '#17a589', values: points.map((p) => p.exportKwh) },
          ],
          `Interval energy of ${meter} (first ${points.length} slots)`,
          ' kWh',
        )
      : h('p', { class: 'muted' }, 'No interval energy yet.'),
    h('h4', null, 'Anomalies'),
    objectTable(itemsOf(anomalies)),
    h('details', null, h('summary', null, 'Meter record'), code(JSON.stringify(record, null, 2))),
  );
}

export function metersView(ctx: Ctx, meter?: string): HTMLElement {
  const title = h('h1', null, 'Meters');
  if (!ctx.channels.includes('energy')) return h('div', null, title, h('p', null, 'Meters live on channel energy, which your org is not on.'));
  if (!ctx.api.offers('energy', 'metering:Intervals')) return h('div', null, title, unavailable('interval energy', 'needs POST /api/v1/energy/metering/intervals {meter, from?, to?, pageSize?, bookmark?}'));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Meter eID ', h('input', { name: 'meter', value: meter ?? '', placeholder: 'eid:d:…', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'meters', meter: formText(form, 'meter').trim() });
  });
  return h('div', null, title, form, meter ? section(meter, () => meterSection(ctx, meter)) : null);
}
