/**
 * The Charging landing (issue 15): charge points with their connectors'
 * states, charging sessions and maintenance orders, each a paged list from
 * the gateway's index (current value of each `charging.point`, `charging.ses`,
 * `maint.ord` key) with a status filter and CSV export. A session opens its
 * timeline, a provider its earnings. Readers of the index only (regulators
 * and API admins): the index routes refuse everyone else.
 */
import type { IndexedState } from '../api/types';
import type { OrderValue, SessionValue } from '../model/charging';
import { formatTime } from '../model/format';
import { href } from '../model/route';
import { errorBox, h, link, type Child } from '../ui/dom';
import { pagedList } from '../ui/paged-list';
import type { Ctx } from './context';

interface PointValue { id: string; provider: string; chargerId: string; zone: string; connectors: { connectorId: number; powerW: number }[]; pricePerKwh: string; reservationFee: string; registeredAt: string }
interface ConnectorValue { pointId: string; connectorId: number; state: string; sessionId?: string }

const INDEX = '/api/v1/index/energy/state';
const txLink = (item: IndexedState): Child => link(href({ name: 'tx', channel: 'energy', txId: item.transactionId }), `#${item.blockNumber}`);
export const providerLink = (eid: string): Child => link(href({ name: 'charging', page: 'providers', id: eid }), eid, { 'data-test': 'provider-link' });
export const sessionLink = (id: string): Child => link(href({ name: 'charging', page: 'sessions', id }), id, { 'data-test': 'session-link' });

/** A filter form (one select) that redraws its list on submit. */
function filtered(options: string[], testId: string, draw: (status: string) => HTMLElement): HTMLElement {
  const holder = h('div', null);
  const select = h('select', { name: 'status', 'data-test': `${testId}-filter` }, h('option', { value: '' }, 'any status'), options.map((s) => h('option', { value: s }, s)));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Status ', select), h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    holder.replaceChildren(draw(select.value));
  });
  holder.replaceChildren(draw(''));
  return h('div', null, form, holder);
}

/** The connectors of one page of points, one index read per point (a point has at most 16). */
async function connectorsOf(ctx: Ctx, points: IndexedState[]): Promise<Map<string, ConnectorValue[]>> {
  const pages = await Promise.all(points.map((p) => ctx.api.indexState('energy', 'charging.connector', { first: (p.value as PointValue).id, limit: '16' })));
  return new Map(points.map((p, i) => [(p.value as PointValue).id, (pages[i]?.items ?? []).map((c) => c.value as ConnectorValue)]));
}

function pointsList(ctx: Ctx): HTMLElement {
  let states = new Map<string, ConnectorValue[]>();
  return pagedList<IndexedState>('Service points', {
    api: ctx.api,
    path: `${INDEX}/charging.point`,
    query: {},
    load: async (before) => {
      const page = await ctx.api.indexState('energy', 'charging.point', { limit: '20', ...(before ? { before } : {}) });
      states = new Map([...states, ...(await connectorsOf(ctx, page.items))]);
      return page;
    },
    headers: ['Point', 'Provider', 'Zone', 'Charger', 'Connectors (power, state)', 'Price / kWh', 'Reservation fee', 'Registered', 'Last change'],
    cells: (item) => {
      const p = item.value as PointValue;
      const connectors = states.get(p.id) ?? [];
      return [
        p.id,
        providerLink(p.provider),
        p.zone,
        p.chargerId,
        h('span', { 'data-test': 'connector-states' }, p.connectors.map((c) => `#${String(c.connectorId)} ${String(c.powerW / 1000)} kW ${connectors.find((x) => x.connectorId === c.connectorId)?.state ?? '?'}`).join('; ')),
        p.pricePerKwh,
        p.reservationFee,
        formatTime(p.registeredAt),
        txLink(item),
      ];
    },
    testId: 'points',
    fileName: 'energy-charge-points',
    empty: 'No charge point is listed yet.',
  });
}

function sessionsList(ctx: Ctx, status: string): HTMLElement {
  const query = status ? { status } : {};
  return pagedList<IndexedState>(null, {
    api: ctx.api,
    path: `${INDEX}/charging.ses`,
    query,
    load: (before) => ctx.api.indexState('energy', 'charging.ses', { ...query, limit: '20', ...(before ? { before } : {}) }),
    headers: ['Session', 'User', 'Provider', 'Point / connector', 'Mode', 'Status', 'Started', 'Energy (Wh)', 'Cost', 'Last change'],
    cells: (item) => {
      const s = item.value as SessionValue;
      return [sessionLink(s.id), s.user, providerLink(s.provider), `${s.pointId} #${String(s.connectorId)}`, s.mode, h('span', { 'data-test': 'session-status' }, s.status), formatTime(s.startedAt), s.energyWh ?? '—', s.cost ?? '—', txLink(item)];
    },
    testId: 'sessions',
    fileName: 'energy-charging-sessions',
    empty: 'No session matches.',
  });
}

function ordersList(ctx: Ctx, status: string): HTMLElement {
  const query = status ? { status } : {};
  return pagedList<IndexedState>(null, {
    api: ctx.api,
    path: `${INDEX}/maint.ord`,
    query,
    load: (before) => ctx.api.indexState('energy', 'maint.ord', { ...query, limit: '20', ...(before ? { before } : {}) }),
    headers: ['Order', 'Point / connector', 'Provider', 'Maintainer', 'Status', 'Charge', 'Reported', 'Paid', 'History'],
    cells: (item) => {
      const o = item.value as OrderValue;
      return [
        o.id,
        `${o.pointId} #${String(o.connectorId)}`,
        providerLink(o.provider),
        o.maintainer ?? '—',
        h('span', { 'data-test': 'order-status' }, o.status),
        o.charge ?? '—',
        formatTime(o.reportedAt),
        o.paidAt ? `${formatTime(o.paidAt)} (${o.paidHow ?? ''})` : '—',
        link(href({ name: 'history', channel: 'energy', objectType: 'maint.ord', attributes: o.id }), 'versions', { 'data-test': 'order-history' }),
      ];
    },
    testId: 'orders',
    fileName: 'energy-maintenance-orders',
    empty: 'No order matches.',
  });
}

function providerForm(): HTMLElement {
  const input = h('input', { name: 'provider', placeholder: 'provider eID', 'data-test': 'provider-eid' });
  const form = h('form', { class: 'inline-form' }, input, h('button', { type: 'submit' }, 'Earnings'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (input.value.trim()) location.hash = href({ name: 'charging', page: 'providers', id: input.value.trim() });
  });
  return form;
}

export function chargingView(ctx: Ctx): HTMLElement {
  if (!ctx.channels.includes('energy') || !ctx.ledger) return errorBox('The charging lists are read from the gateway\'s index of channel energy: regulators and API admins only.');
  return h(
    'div',
    { 'data-test': 'charging' },
    h('h1', null, 'Charging'),
    h('section', { class: 'card' }, h('h3', null, 'A provider\'s earnings'), providerForm()),
    pointsList(ctx),
    h('section', { class: 'card', 'data-test': 'sessions-card' }, h('h3', null, 'Charging sessions'), filtered(['active', 'settled'], 'sessions', (s) => sessionsList(ctx, s))),
    h('section', { class: 'card', 'data-test': 'orders-card' }, h('h3', null, 'Maintenance orders'), filtered(['unassigned', 'dispatched', 'accepted', 'completed', 'paid'], 'orders', (s) => ordersList(ctx, s))),
  );
}
