/**
 * Key history of any world-state key (composite key: object type plus
 * attributes) as a timeline, through the gateway's regulator endpoint
 * (`network:KeyHistory`, evaluate only).
 */
import { prettyJson, formatTime, shortHash, valueText } from '../model/format';
import { timeline, type TimelineEntry } from '../model/history';
import { href } from '../model/route';
import { section } from '../ui/async';
import { code, errorBox, formText, h, link } from '../ui/dom';
import type { HistoryEntry } from '../api/types';
import type { Ctx } from './context';
import { deniedView } from './overview';

function changeText(c: { field: string; from?: unknown; to?: unknown }): string {
  const show = (v: unknown) => (v === undefined ? '∅' : valueText(v));
  return `${c.field}: ${show(c.from)} → ${show(c.to)}`;
}

/** A vertical timeline; each entry links to the transaction that wrote it. */
export function timelineEl(channel: string, history: HistoryEntry[]): HTMLElement {
  const entries: TimelineEntry[] = timeline(history);
  if (entries.length === 0) return h('p', { class: 'muted' }, 'No committed versions.');
  return h(
    'ol',
    { class: 'timeline', 'data-test': 'timeline' },
    entries.map((e) =>
      h(
        'li',
        { class: e.isDelete ? 'deleted' : e.created ? 'created' : 'changed' },
        h('div', { class: 'when' }, formatTime(e.timestamp), ' · ', link(href({ name: 'tx', channel, txId: e.txId }), shortHash(e.txId), { title: e.txId })),
        h('div', { class: 'what' }, e.isDelete ? 'deleted' : e.created ? 'created' : e.changes.length === 0 ? 'rewritten unchanged' : h('ul', null, e.changes.map((c) => h('li', null, changeText(c))))),
        e.created && e.value !== undefined ? h('details', null, h('summary', null, 'value'), code(prettyJson(e.value))) : null,
      ),
    ),
  );
}

export async function historyView(ctx: Ctx, channel: string, objectType?: string, attributes?: string): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  const form = h(
    'form',
    { class: 'inline-form', 'data-test': 'history-form' },
    h('label', null, 'Object type ', h('input', { name: 'objectType', value: objectType ?? '', placeholder: 'lease, receivable, token.balance…', required: true })),
    h('label', null, 'Attributes ', h('input', { name: 'attributes', value: attributes ?? '', placeholder: 'comma-separated, e.g. L1 or L1,L1.2', required: true })),
    h('button', { type: 'submit' }, 'Show history'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'history', channel, objectType: formText(form, 'objectType'), attributes: formText(form, 'attributes') });
  });
  const result =
    !objectType || !attributes
      ? null
      : !ctx.ledger
        ? errorBox('Key history is read by regulators and API admins only.')
        : section(`${objectType} ${attributes}`, async () => timelineEl(channel, (await ctx.api.keyHistory(channel, objectType, attributes.split(','))).history));
  return h('div', null, h('h1', null, `Key history on ${channel}`), form, result);
}
