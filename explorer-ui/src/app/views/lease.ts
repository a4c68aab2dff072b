/**
 * A lease's income and rent across both channels: the rent schedule due, the
 * rent collected on scf (energy income relayed and verified, or typed), and the
 * energy assignment's paid figure read on `energy`, on one chart and in one
 * table; the arrears as `collection:Get` derives them now.
 */
import { ApiFailure } from '../api/client';
import { chart } from '../charts/chart';
import { formatInt, shortHash } from '../model/format';
import { incomeRows, notYetRecorded, rentCollected, rentDue, type IncomeLink, type LeaseRecord } from '../model/lease-income';
import { href } from '../model/route';
import { section } from '../ui/async';
import { fields, formText, h, link, table } from '../ui/dom';
import type { Ctx } from './context';

interface CollectionView {
  link: IncomeLink | null;
  arrears: { status: string; overdue: string; overdueInstalments: number; oldestDueDate?: string; daysLate: number };
}

const day = (x: number): string => new Date(x).toISOString().slice(0, 10);

/** The assignment's paid figure on energy, if the caller's org is on energy (else undefined). */
async function energyPaid(ctx: Ctx, link: IncomeLink | null): Promise<string | undefined> {
  if (!link || !ctx.channels.includes('energy')) return undefined;
  try {
    return (await ctx.api.evaluate<{ paid: string }>('energy', 'market:GetAssignment', { assignmentId: link.assignmentId })).paid;
  } catch (e) {
    if (e instanceof ApiFailure) return undefined;
    throw e;
  }
}

async function leaseSection(ctx: Ctx, id: string): Promise<Node> {
  const [lease, collection] = await Promise.all([
    ctx.api.evaluate<LeaseRecord>('scf', 'leasing:Get', { leaseId: id }),
    ctx.api.evaluate<CollectionView>('scf', 'collection:Get', { leaseId: id }),
  ]);
  const paid = await energyPaid(ctx, collection.link);
  const rows = incomeRows(lease, collection.link, paid, new Date().toISOString());
  const a = collection.arrears;
  return h(
    'div',
    { 'data-test': 'lease' },
    fields([
      ['Status', h('span', { 'data-test': 'lease-status' }, lease.status)],
      ['Project company', link(href({ name: 'credit', subject: lease.projectCompany }), lease.projectCompany)],
      ['Rent collected', formatInt(lease.collected)],
      ['Arrears', h('span', { 'data-test': 'arrears' }, a.overdueInstalments ? `${formatInt(a.overdue)} overdue (${String(a.overdueInstalments)} instalment(s), ${String(a.daysLate)} days late since ${a.oldestDueDate ?? '?'})` : 'none')],
      ['Energy income', collection.link ? `${collection.link.assignmentId}: ${paid ?? '(energy not readable)'} paid on energy, ${collection.link.synced} recorded on scf${notYetRecorded(collection.link, paid) > 0n ? ` (${String(notYetRecorded(collection.link, paid))} not yet relayed)` : ''}` : 'not linked'],
    ]),
    chart(
      {
        title: `Lease ${id}: rent due and rent collected (cumulative, base units)`,
        xTitle: 'date (UTC)',
        yTitle: 'base units',
        xLabel: day,
        testId: 'lease-chart',
        series: [
          { name: 'rent due', color: '#8a8f98', points: rentDue(lease), stepped: true },
          { name: 'rent collected', color: '#2a7de1', points: rentCollected(lease), stepped: true },
        ],
      },
      (fn) => { ctx.onLeave(fn); },
    ),
    h('h3', null, 'Income and rent timeline (both channels)'),
    table(
      ['When', 'Channel', 'What', 'Amount', 'Transaction'],
      rows.map((r) => [r.at.slice(0, 19).replace('T', ' '), r.channel, r.what, formatInt(r.amount), r.txId && /^[0-9a-f]{64}$/.test(r.txId) ? link(href({ name: 'tx', channel: r.channel, txId: r.txId }), shortHash(r.txId)) : '']),
      { 'data-test': 'income-rows' },
    ),
  );
}

export function leaseView(ctx: Ctx, id?: string): HTMLElement {
  const title = h('h1', null, id ? `Lease ${id}` : 'Leases');
  if (!ctx.channels.includes('scf')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel scf.`));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Lease ID ', h('input', { name: 'id', value: id ?? '', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'lease', id: formText(form, 'id').trim() });
  });
  return h('div', null, title, form, id ? section(null, () => leaseSection(ctx, id)) : null);
}
