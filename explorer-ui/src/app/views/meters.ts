/**
 * The Meters page: the list of meters from the index (meters-landing.ts), and
 * one meter's interval energy over a chosen range as a Chart.js chart (import
 * and export per slot, anomalous slots marked), its anomalies (rows
 * highlighted) and its record (energy `metering:*`).
 */
import { chart } from '../charts/chart';
import { formatTime } from '../model/format';
import { meterSeries, type AnomalyRow, type IntervalRow } from '../model/meter-energy';
import { href } from '../model/route';
import { section } from '../ui/async';
import { code, formText, h, table, unavailable } from '../ui/dom';
import { itemsOf } from '../ui/generic';
import type { Ctx } from './context';
import { metersLanding } from './meters-landing';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function meterSection(ctx: Ctx, meter: string, from?: string, to?: string): Promise<Node> {
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const [record, intervals, anomalies] = await Promise.all([
    ctx.api.evaluate('energy', 'metering:GetMeter', { meter }),
    ctx.api.evaluate('energy', 'metering:Intervals', { meter, ...range, pageSize: 96 }),
    ctx.api.evaluate('energy', 'metering:Anomalies', { meter, pageSize: 100 }),
  ]);
  const rows = itemsOf(intervals) as IntervalRow[];
  const anomalyRows = itemsOf(anomalies) as (AnomalyRow & { reason?: string; seq?: number })[];
  const series = meterSeries(rows, anomalyRows);
  const first = rows[0]?.slotStart;
  const last = rows[rows.length - 1]?.slotStart;
  return h(
    'div',
    null,
    rows.length
      ? chart(
          {
            title: `Interval energy of ${meter} per slot, ${first ?? ''} to ${last ?? ''} (${String(rows.length)} slots)`,
            xTitle: 'slot start (UTC)',
            yTitle: 'energy per slot (kWh)',
            xLabel: (x) => new Date(x).toISOString().slice(5, 16).replace('T', ' '),
            series: [
              { name: 'import (kWh)', color: '#2f6fdf', points: series.imports, kind: 'bar' },
              { name: 'export (kWh)', color: '#17a589', points: series.exports, kind: 'bar' },
              ...(series.anomalies.length ? [{ name: 'anomaly in slot', color: '#c0392b', points: series.anomalies, marksOnly: true }] : []),
            ],
            testId: 'meter-chart',
          },
          (fn) => { ctx.onLeave(fn); },
        )
      : h('p', { class: 'muted', 'data-test': 'meter-chart-empty' }, 'No interval energy in this range.'),
    h('h4', null, `Anomalies (${String(anomalyRows.length)})`),
    anomalyRows.length
      ? table(
          ['Kind', 'Reading time', 'Recorded', 'Reason', 'Detail'],
          anomalyRows.map((a) => [a.kind, formatTime(a.ts), formatTime(a.at), a.reason ?? '', a.detail ?? '']),
          { 'data-test': 'anomalies', class: 'anomalies' },
        )
      : h('p', { class: 'muted' }, 'None.'),
    h('details', null, h('summary', null, 'Meter record'), code(JSON.stringify(record, null, 2))),
  );
}

function rangeForm(meter: string, from?: string, to?: string): HTMLFormElement {
  const form = h(
    'form',
    { class: 'inline-form', 'data-test': 'range-form' },
    h('label', null, 'From ', h('input', { name: 'from', value: from ?? '', placeholder: '2026-01-01T00:00:00.000Z' })),
    h('label', null, 'To ', h('input', { name: 'to', value: to ?? '', placeholder: '2026-01-02T00:00:00.000Z' })),
    h('button', { type: 'submit' }, 'Show range'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const pick = (name: string): string | undefined => (ISO.test(formText(form, name).trim()) ? formText(form, name).trim() : undefined);
    location.hash = href({ name: 'meters', meter, ...(pick('from') ? { from: pick('from') } : {}), ...(pick('to') ? { to: pick('to') } : {}) });
  });
  return form;
}

export function metersView(ctx: Ctx, meter?: string, from?: string, to?: string): HTMLElement {
  const title = h('h1', null, 'Meters');
  if (!ctx.channels.includes('energy')) return h('div', null, title, h('p', null, 'Meters live on channel energy, which your org is not on.'));
  if (!ctx.api.offers('energy', 'metering:Intervals')) return h('div', null, title, unavailable('interval energy', 'needs POST /api/v1/energy/metering/intervals {meter, from?, to?, pageSize?, bookmark?}'));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Meter eID ', h('input', { name: 'meter', value: meter ?? '', placeholder: 'eid:d:…', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'meters', meter: formText(form, 'meter').trim() });
  });
  if (meter) return h('div', null, title, form, rangeForm(meter, from, to), section(meter, () => meterSection(ctx, meter, from, to), { 'data-test': 'meter' }));
  return h('div', null, title, ctx.ledger ? metersLanding(ctx) : null, form);
}
