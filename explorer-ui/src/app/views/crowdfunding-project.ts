/**
 * A crowdfunding project's page (issue 16, white paper 4.1.3): progress to
 * the target on a Chart.js chart (the raise funder by funder against the
 * target line), the funders (certificates), each budget line against what was
 * drawn (a second chart and the drawdown list with evidence), and the
 * dividends paid per period and asset. Without an ID: the projects, newest
 * key order first page, each linking here.
 */
import { chart } from '../charts/chart';
import { budgetPoints, decNumber, progressPercent, raisePoints, totalPaid, type CertificateRecord, type DrawdownRecord, type PeriodRecord, type ProjectRecord } from '../model/crowdfunding';
import { formatAsset, formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { fields, formText, h, link, table } from '../ui/dom';
import type { Ctx } from './context';

interface Page<T> { items: T[]; bookmark: string }

const dec = (a: string): string => formatAsset(a, 'DEC');
const txLink = (txId: string): Node | string => (/^[0-9a-f]{64}$/.test(txId) ? link(href({ name: 'tx', channel: 'energy', txId }), shortHash(txId)) : txId);

async function projectList(ctx: Ctx): Promise<Node> {
  const page = await ctx.api.evaluate<Page<ProjectRecord>>('energy', 'crowdfunding:ListProjects', { pageSize: 50 });
  if (page.items.length === 0) return h('p', { class: 'muted' }, 'No project yet.');
  return table(
    ['Project', 'Title', 'Status', 'Raised', 'Target', 'Progress', 'Deadline'],
    page.items.map((p) => [link(href({ name: 'project', id: p.id }), p.id, { 'data-test': 'project-link' }), p.title, p.status, dec(p.raised), dec(p.target), `${progressPercent(p)} %`, formatTime(p.deadline)]),
    { 'data-test': 'projects' },
  );
}

function charts(ctx: Ctx, p: ProjectRecord, certs: CertificateRecord[]): Node[] {
  const raise = raisePoints(certs);
  const target = decNumber(p.target);
  const bars = budgetPoints(p.budget);
  const leave = (fn: () => void): void => { ctx.onLeave(fn); };
  return [
    chart({
      title: `Progress to target: ${progressPercent(p)} % (${dec(p.raised)} of ${dec(p.target)})`,
      xTitle: 'funders (certificate order)',
      yTitle: 'DEC raised',
      xLabel: (x) => (Number.isInteger(x) ? String(x) : ''),
      testId: 'progress-chart',
      series: [
        { name: 'raised', color: '#2a7de1', points: raise, stepped: true, fill: true },
        { name: 'target', color: '#c0392b', points: [{ x: 0, y: target }, { x: Math.max(1, raise.length - 1), y: target }] },
      ],
    }, leave),
    chart({
      title: 'Budget lines and drawdowns (DEC)',
      xTitle: 'purpose',
      yTitle: 'DEC',
      xLabel: (x) => (Number.isInteger(x) ? (p.budget[x]?.purpose ?? '') : ''),
      testId: 'budget-chart',
      series: [
        { name: 'budget', color: '#8a8f98', points: bars.budget, kind: 'bar' },
        { name: 'drawn', color: '#27ae60', points: bars.drawn, kind: 'bar' },
      ],
    }, leave),
  ];
}

async function projectSection(ctx: Ctx, id: string): Promise<Node> {
  const [p, certs, draws, decPeriods, deccPeriods] = await Promise.all([
    ctx.api.evaluate<ProjectRecord>('energy', 'crowdfunding:GetProject', { projectId: id }),
    ctx.api.evaluate<Page<CertificateRecord>>('energy', 'crowdfunding:Certificates', { projectId: id, pageSize: 100 }),
    ctx.api.evaluate<Page<DrawdownRecord>>('energy', 'crowdfunding:Drawdowns', { projectId: id, pageSize: 100 }),
    ctx.api.evaluate<Page<PeriodRecord>>('energy', 'crowdfunding:Periods', { projectId: id, asset: 'DEC', pageSize: 100 }),
    ctx.api.evaluate<Page<PeriodRecord>>('energy', 'crowdfunding:Periods', { projectId: id, asset: 'DECC', pageSize: 100 }),
  ]);
  const periods = [...decPeriods.items, ...deccPeriods.items];
  return h(
    'div',
    { 'data-test': 'project' },
    fields([
      ['Title', p.title],
      ['Status', h('span', { 'data-test': 'project-status' }, p.status)],
      ['Fundraiser', link(href({ name: 'holder', eid: p.fundraiser }), p.fundraiser)],
      ['Raised', h('span', { 'data-test': 'project-raised' }, `${dec(p.raised)} of ${dec(p.target)} (${progressPercent(p)} %)`)],
      ['Funders', String(p.funders)],
      ['Deadline', formatTime(p.deadline)],
      ['Dividend policy', `${String(p.dividend.shareBps / 100)} % of revenue every ${String(p.dividend.periodMinutes)} min`],
      ['Revenue accrued', `${dec(p.revenue.DEC)} · ${formatAsset(p.revenue.DECC, 'DECC')}`],
      ['Dividends paid', h('span', { 'data-test': 'dividends-paid' }, `${dec(p.dividendsPaid.DEC)} · ${formatAsset(p.dividendsPaid.DECC, 'DECC')}`)],
      ['Held now', p.balances ? `escrow ${dec(p.balances.escrow)}; revenue ${dec(p.balances.revenue.DEC)} · ${formatAsset(p.balances.revenue.DECC, 'DECC')}` : '—'],
    ]),
    charts(ctx, p, certs.items),
    h('h3', null, 'Funders (earning-right certificates)'),
    table(['Certificate', 'Holder', 'Units (DEC subscribed)', 'Issued'], certs.items.map((c) => [c.id, link(href({ name: 'holder', eid: c.holder }), c.holder), dec(c.units), formatTime(c.issuedAt)]), { 'data-test': 'funders' }),
    h('h3', null, 'Drawdowns against the budget'),
    table(['Purpose', 'Budget', 'Drawn'], p.budget.map((b) => [b.purpose, dec(b.amount), dec(b.drawn)]), { 'data-test': 'budget' }),
    table(['When', 'Purpose', 'Amount', 'Evidence', 'Note', 'Transaction'], draws.items.map((d) => [formatTime(d.at), d.purpose, dec(d.amount), shortHash(d.evidenceHash), d.note ?? '', txLink(d.txId)]), { 'data-test': 'drawdowns' }),
    h('h3', null, `Dividends paid: ${dec(totalPaid(decPeriods.items))} · ${formatAsset(totalPaid(deccPeriods.items), 'DECC')}`),
    table(['Asset', 'Period', 'Pool', "Fundraiser's share", 'Paid', 'Carried', 'Status', 'Declared'], periods.map((x) => [x.asset, String(x.period), formatAsset(x.pool, x.asset), formatAsset(x.ownerShare, x.asset), formatAsset(x.paid, x.asset), formatAsset(x.dust, x.asset), x.status, formatTime(x.declaredAt)]), { 'data-test': 'periods' }),
  );
}

export function projectView(ctx: Ctx, id?: string): HTMLElement {
  const title = h('h1', null, id ? `Crowdfunding project ${id}` : 'Crowdfunding');
  if (!ctx.channels.includes('energy')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel energy.`));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Project ID ', h('input', { name: 'id', value: id ?? '', placeholder: 'proj:…', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'project', id: formText(form, 'id').trim() });
  });
  return h('div', null, title, form, id ? section(null, () => projectSection(ctx, id)) : section('Projects', () => projectList(ctx)));
}
