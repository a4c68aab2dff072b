/**
 * The Receivables landing: every receivable of channel scf from the gateway's
 * index (current value of each `receivable` key), with status, holder and
 * financing, filterable by status and by lease (root), paged, exportable as
 * CSV. Each row opens the receivable's lifecycle page.
 */
import type { IndexedState } from '../api/types';
import { formatInt, formatTime } from '../model/format';
import { href } from '../model/route';
import { h, link, type Child } from '../ui/dom';
import { pagedList } from '../ui/paged-list';
import type { Ctx } from './context';

const STATUSES = ['active', 'split', 'financed', 'repaid'];
const PATH = '/api/v1/index/scf/state/receivable';

interface ReceivableValue { id: string; rootId: string; amount: string; holder: string; debtor: string; status: string; pledge?: { financingId: string; bank: string; releasedAt?: string }; updatedAt?: string }

const financing = (v: ReceivableValue): Child => (v.pledge ? `${v.pledge.bank} · ${v.pledge.financingId}${v.pledge.releasedAt ? ' (released)' : ''}` : '—');

function cells(item: IndexedState): Child[] {
  const v = item.value as ReceivableValue;
  return [
    link(href({ name: 'receivable', id: v.id }), v.id, { 'data-test': 'receivable-link' }),
    v.rootId,
    formatInt(v.amount),
    v.holder,
    v.debtor,
    h('span', { 'data-test': 'receivable-status' }, v.status),
    financing(v),
    formatTime(v.updatedAt ?? item.time ?? undefined),
    link(href({ name: 'tx', channel: 'scf', txId: item.transactionId }), `#${item.blockNumber}`),
  ];
}

export function receivablesList(ctx: Ctx): HTMLElement {
  const holder = h('div', null);
  const status = h('select', { name: 'status', 'data-test': 'filter-status' }, h('option', { value: '' }, 'any status'), STATUSES.map((s) => h('option', { value: s }, s)));
  const root = h('input', { name: 'root', placeholder: 'lease ID', 'data-test': 'filter-root' });
  const form = h('form', null, h('label', null, 'Status ', status), h('label', null, 'Lease ', root), h('button', { type: 'submit' }, 'Filter'));
  const show = (): void => {
    const query = { ...(status.value ? { status: status.value } : {}), ...(root.value.trim() ? { first: root.value.trim() } : {}) };
    holder.replaceChildren(
      pagedList('All receivables', {
        api: ctx.api,
        path: PATH,
        query,
        load: (before) => ctx.api.indexState('scf', 'receivable', { ...query, limit: '20', ...(before ? { before } : {}) }),
        headers: ['Receivable', 'Lease', 'Amount', 'Holder', 'Debtor', 'Status', 'Financing', 'Updated', 'Last change'],
        cells,
        testId: 'receivables',
        fileName: 'scf-receivables',
        tools: form,
        empty: 'No receivable matches.',
      }),
    );
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  show();
  return holder;
}
