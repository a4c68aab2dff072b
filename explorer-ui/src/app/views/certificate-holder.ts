/**
 * A certificate holder's view (issue 16): the earning-right certificates an
 * eID holds across projects, each with its units, its share of the project's
 * raise (what its dividends are proportional to), the project's status and
 * the dividends the project has paid so far.
 */
import { holdingShareBps, type CertificateRecord, type ProjectRecord } from '../model/crowdfunding';
import { formatAsset, formatTime } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { formText, h, link, table } from '../ui/dom';
import type { Ctx } from './context';

interface Page<T> { items: T[]; bookmark: string }

async function holdings(ctx: Ctx, eid: string): Promise<Node> {
  const certs = await ctx.api.evaluate<Page<CertificateRecord>>('energy', 'crowdfunding:HolderCertificates', { holder: eid, pageSize: 100 });
  if (certs.items.length === 0) return h('p', { class: 'muted', 'data-test': 'no-certificates' }, 'This eID holds no certificate.');
  const ids = [...new Set(certs.items.map((c) => c.projectId))];
  const projects = new Map((await Promise.all(ids.map((projectId) => ctx.api.evaluate<ProjectRecord>('energy', 'crowdfunding:GetProject', { projectId })))).map((p) => [p.id, p]));
  return table(
    ['Certificate', 'Project', 'Units', 'Share of raise', 'Project status', 'Dividends paid by the project', 'Issued'],
    certs.items.map((c) => {
      const p = projects.get(c.projectId);
      return [
        c.id,
        link(href({ name: 'project', id: c.projectId }), p?.title ?? c.projectId),
        formatAsset(c.units, 'DEC'),
        p ? `${(holdingShareBps(c.units, p.raised) / 100).toFixed(2)} %` : '—',
        p?.status ?? '—',
        p ? `${formatAsset(p.dividendsPaid.DEC, 'DEC')} · ${formatAsset(p.dividendsPaid.DECC, 'DECC')}` : '—',
        formatTime(c.issuedAt),
      ];
    }),
    { 'data-test': 'holder-certificates' },
  );
}

export function holderView(ctx: Ctx, eid?: string): HTMLElement {
  const title = h('h1', null, eid ? `Certificates of ${eid}` : 'Certificates');
  if (!ctx.channels.includes('energy')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel energy.`));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Holder eID ', h('input', { name: 'eid', value: eid ?? '', placeholder: 'eid:p:…', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'holder', eid: formText(form, 'eid').trim() });
  });
  return h('div', null, title, form, eid ? section(null, () => holdings(ctx, eid)) : null);
}
