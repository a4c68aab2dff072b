/**
 * A receivable's lifecycle: the lease behind it, the part's versions (issue,
 * transfers, splits, pledge, repayment), the financings that pledged it,
 * collections and regulator alerts, merged into one timeline; plus the tree of
 * parts and the raw key history. All from scf evaluations the caller may run.
 */
import { ApiFailure } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { formatInt, formatTime, shortHash } from '../model/format';
import { lifecycle, rootOf, type LifecycleInput } from '../model/receivable';
import { href } from '../model/route';
import { describeError, section } from '../ui/async';
import { fields, formText, h, link, table } from '../ui/dom';
import type { Ctx } from './context';
import { timelineEl } from './history';
import { receivablesList } from './receivables-list';

interface AuditHistory {
  parties: string[];
  current: Record<string, unknown>;
  history: HistoryEntry[];
}

/** A read the caller may not be allowed (alerts: bank officers and regulators): absent, not fatal. */
async function optional<T>(p: Promise<T>, notes: string[], what: string): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    notes.push(`${what}: ${e instanceof ApiFailure ? e.code : describeError(e)}`);
    return undefined;
  }
}

/** The financings that ever pledged this part, from its versions' `pledge`. */
const pledgedFinancings = (audit: AuditHistory): string[] => [
  ...new Set(audit.history.map((v) => (v.value as { pledge?: { financingId?: string } } | undefined)?.pledge?.financingId).filter((f): f is string => !!f)),
];

type FinancingRecord = NonNullable<LifecycleInput['financings']>[number];

/** Everything the lifecycle merges, each read optional; what the caller may not read is listed in `notes`. */
async function lifecycleInput(ctx: Ctx, id: string, audit: AuditHistory, notes: string[]): Promise<{ input: LifecycleInput; tree: unknown }> {
  const root = rootOf(id);
  const [lease, tree, alerts, ...financings] = await Promise.all([
    optional(ctx.api.evaluate<LifecycleInput['lease']>('scf', 'leasing:Get', { leaseId: root }), notes, 'lease'),
    optional(ctx.api.evaluate<unknown>('scf', 'receivables:Tree', { rootId: root }), notes, 'tree'),
    optional(ctx.api.evaluate<NonNullable<LifecycleInput['alerts']>>('scf', 'rules:ListAlerts'), notes, 'regulator alerts'),
    ...pledgedFinancings(audit).map((financingId) => optional(ctx.api.evaluate<{ financing: FinancingRecord }>('scf', 'financing:Get', { financingId }), notes, `financing ${financingId}`)),
  ]);
  const input: LifecycleInput = {
    receivableId: id,
    history: audit.history,
    ...(lease ? { lease } : {}),
    financings: financings.filter((f): f is NonNullable<typeof f> => !!f).map((f) => f.financing),
    ...(alerts ? { alerts } : {}),
  };
  return { input, tree };
}

async function lifecycleSection(ctx: Ctx, id: string): Promise<Node> {
  const notes: string[] = [];
  const audit = await ctx.api.evaluate<AuditHistory>('scf', 'audit:History', { assetType: 'receivable', assetId: id });
  const { input, tree } = await lifecycleInput(ctx, id, audit, notes);
  const events = lifecycle(input);
  const current = audit.current as { status?: string; holder?: string; amount?: string; debtor?: string };
  const parts = Array.isArray(tree) ? tree : ((tree as { parts?: unknown[] } | undefined)?.parts ?? []);
  return h(
    'div',
    { 'data-test': 'receivable' },
    fields([
      ['Status', h('span', { 'data-test': 'status' }, current.status ?? '?')],
      ['Holder', current.holder ?? '?'],
      ['Amount', formatInt(current.amount ?? '?')],
      ['Debtor', current.debtor ?? '?'],
      ['Parties', audit.parties.join(', ')],
    ]),
    h('h3', null, 'Lifecycle'),
    h(
      'ol',
      { class: 'timeline lifecycle', 'data-test': 'lifecycle' },
      events.map((e) =>
        h(
          'li',
          { class: `kind-${e.kind}`, 'data-kind': e.kind },
          h('div', { class: 'when' }, formatTime(e.at), e.txId && /^[0-9a-f]{64}$/.test(e.txId) ? [' · ', link(href({ name: 'tx', channel: 'scf', txId: e.txId }), shortHash(e.txId), { title: e.txId })] : null),
          h('div', { class: 'what' }, h('strong', null, e.title), e.detail ? h('span', { class: 'muted' }, ` — ${e.detail}`) : null),
        ),
      ),
    ),
    parts.length
      ? [
          h('h3', null, 'Parts of the tree'),
          table(
            ['Part', 'Amount', 'Holder', 'Status'],
            (parts as { id: string; amount: string; holder: string; status: string }[]).map((p) => [link(href({ name: 'receivable', id: p.id }), p.id), formatInt(p.amount), p.holder, p.status]),
          ),
        ]
      : null,
    h('h3', null, 'Key history of this part'),
    timelineEl('scf', audit.history),
    notes.length ? h('p', { class: 'muted' }, `Not shown (not allowed or not found): ${notes.join('; ')}`) : null,
  );
}

export function receivableView(ctx: Ctx, id?: string): HTMLElement {
  const title = h('h1', null, id ? `Receivable ${id}` : 'Receivables');
  if (!ctx.channels.includes('scf')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel scf.`));
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Receivable ID ', h('input', { name: 'id', value: id ?? '', placeholder: 'L1 or L1.2', required: true })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'receivable', id: formText(form, 'id').trim() });
  });
  return h('div', null, title, form, id ? section(null, () => lifecycleSection(ctx, id)) : ctx.ledger ? receivablesList(ctx) : null);
}
