/**
 * A service provider's earnings over time (Chart.js): running totals of what
 * its settled charging sessions paid it (after the platform fee) and of what
 * its paid repairs cost it, from the gateway's index. The index filters by
 * status, not by provider, so this reads up to 1,000 settled sessions and
 * 1,000 paid orders (newest first) and keeps the provider's: a bound stated
 * on the page, never a silent cut.
 */
import type { IndexedState } from '../api/types';
import { chart } from '../charts/chart';
import { providerEarnings, type OrderValue, type SessionValue } from '../model/charging';
import { formatAsset, formatTime } from '../model/format';
import { section } from '../ui/async';
import { errorBox, fields, h, table } from '../ui/dom';
import { sessionLink } from './charging';
import type { Ctx } from './context';

const PAGES = 10;

async function all(ctx: Ctx, objectType: 'charging.ses' | 'maint.ord', status: string): Promise<{ values: unknown[]; complete: boolean }> {
  const values: unknown[] = [];
  let before: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const page: { items: IndexedState[]; next?: string } = await ctx.api.indexState('energy', objectType, { status, limit: '100', ...(before ? { before } : {}) });
    values.push(...page.items.map((x) => x.value));
    before = page.next;
    if (!before) return { values, complete: true };
  }
  return { values, complete: false };
}

async function earnings(ctx: Ctx, provider: string): Promise<Node> {
  const [sessions, orders] = await Promise.all([all(ctx, 'charging.ses', 'settled'), all(ctx, 'maint.ord', 'paid')]);
  const e = providerEarnings(provider, sessions.values as SessionValue[], orders.values as OrderValue[]);
  const mine = (sessions.values as SessionValue[]).filter((s) => s.provider === provider).sort((a, b) => (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? ''));
  const summary = fields([
    ['Settled sessions', h('span', { 'data-test': 'earning-sessions' }, String(e.sessions))],
    ['Earned (after platform fee)', h('span', { 'data-test': 'earned' }, formatAsset(e.totalEarned.toString(), 'DECC'))],
    ['Repairs paid', `${String(e.repairs)} (${formatAsset(e.totalMaintenance.toString(), 'DECC')})`],
    ['Net', formatAsset((e.totalEarned - e.totalMaintenance).toString(), 'DECC')],
  ]);
  const bound = sessions.complete && orders.complete ? null : h('p', { class: 'notice' }, `Only the newest ${String(PAGES * 100)} settled sessions and paid orders of the network were read.`);
  const graph = e.sessions + e.repairs === 0
    ? h('p', { class: 'muted', 'data-test': 'earnings-empty' }, 'No settled session or paid repair for this provider yet.')
    : chart(
        {
          title: `Earnings of ${provider} over time (running totals)`,
          xTitle: 'time (UTC)',
          yTitle: 'DECC',
          xLabel: (x) => new Date(x).toISOString().slice(0, 16).replace('T', ' '),
          series: [
            { name: 'earned from sessions', color: '#17a589', points: e.earned, stepped: 'before' },
            { name: 'paid for repairs', color: '#c0392b', points: e.maintenance, stepped: 'before' },
          ],
          testId: 'earnings-chart',
        },
        (fn) => { ctx.onLeave(fn); },
      );
  return h(
    'div',
    null,
    summary,
    bound,
    graph,
    h('h4', null, 'Settled sessions'),
    table(['Session', 'Stopped', 'Energy (Wh)', 'Cost', 'Provider paid', 'Platform fee'], mine.slice(0, 50).map((s) => [sessionLink(s.id), formatTime(s.stoppedAt), s.energyWh ?? '—', s.cost ?? '—', s.providerPaid ?? '—', s.platformFee ?? '—']), { 'data-test': 'earning-rows' }),
  );
}

export function chargingEarningsView(ctx: Ctx, provider: string): HTMLElement {
  if (!ctx.channels.includes('energy') || !ctx.ledger) return errorBox('Earnings are read from the gateway\'s index of channel energy: regulators and API admins only.');
  return h('div', { 'data-test': 'charging-earnings' }, h('h1', null, `Earnings of ${provider}`), section(null, () => earnings(ctx, provider), { 'data-test': 'earnings' }));
}
