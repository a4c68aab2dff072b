/**
 * A party's credit breakdown (scf `credit:Get`): the score, each input's count
 * and points under the stated method, and the last facts with the channel,
 * transaction and key that prove each. A bank sees the score only while the
 * party has asked it for financing; everyone else is refused by the chaincode.
 */
import { formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { fields, formText, h, link, table } from '../ui/dom';
import type { Ctx } from './context';

interface CreditView {
  subject: string;
  access: 'full' | 'score';
  method: string;
  score: number;
  facts?: Record<string, number>;
  contributions?: Record<string, number>;
  recent?: { kind: string; channel: string; txId: string; key: string; at: string }[];
  updatedAt: string;
}

async function creditSection(ctx: Ctx, subject: string): Promise<Node> {
  const c = await ctx.api.evaluate<CreditView>('scf', 'credit:Get', { subject });
  const points = c.contributions ?? {};
  return h(
    'div',
    { 'data-test': 'credit' },
    fields([
      ['Score', h('strong', { 'data-test': 'score' }, String(c.score))],
      ['Method', c.method],
      ['What you see', c.access === 'full' ? 'the breakdown (regulator or the party itself)' : 'the score only (a bank asked for financing)'],
      ['Updated', c.updatedAt ? formatTime(c.updatedAt) : 'no facts yet'],
    ]),
    c.facts
      ? [
          h('h3', null, 'Inputs'),
          table(['Input', 'Count', 'Points'], Object.keys(points).map((k) => [k, String(k === 'ratings' ? `${String(c.facts?.ratings ?? 0)} (Σ ${String(c.facts?.ratingSum ?? 0)} stars)` : (c.facts?.[k] ?? 0)), String(points[k])]), { 'data-test': 'credit-inputs' }),
          h('h3', null, 'Facts (newest first)'),
          table(
            ['When', 'Fact', 'Channel', 'Key', 'Transaction'],
            (c.recent ?? []).map((f) => [formatTime(f.at), f.kind, f.channel, f.key, /^[0-9a-f]{64}$/.test(f.txId) ? link(href({ name: 'tx', channel: f.channel, txId: f.txId }), shortHash(f.txId)) : f.txId]),
            { 'data-test': 'credit-facts' },
          ),
        ]
      : null,
  );
}

export function creditView(ctx: Ctx, subject?: string): HTMLElement {
  const title = h('h1', null, subject ? `Credit of ${subject}` : 'Credit');
  if (!ctx.channels.includes('scf')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel scf.`));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Party ', h('input', { name: 'subject', value: subject ?? '', placeholder: 'LessorMSP:company', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'credit', subject: formText(form, 'subject').trim() });
  });
  return h('div', null, title, form, subject ? section(null, () => creditSection(ctx, subject)) : null);
}
