/**
 * The store's orders (issue 16, white paper 4.1.4) from the gateway's index
 * (current value of each `st.order` key): product, buyer, seller, amount,
 * status, a project's purpose when a crowdfunding project paid, paged, with
 * a status filter and CSV export like every list page.
 */
import type { IndexedState } from '../api/types';
import { formatAsset, formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { h, link, mono, type Child } from '../ui/dom';
import { pagedList } from '../ui/paged-list';
import type { Ctx } from './context';

const STATUSES = ['paid', 'shipped', 'completed', 'cancelled', 'refunded'];
const PATH = '/api/v1/index/energy/state/st.order';

interface OrderValue { id: string; productId: string; buyer: string; seller: string; quantity: number; asset: string; amount: string; status: string; projectId?: string; purpose?: string; createdAt: string; stars?: number }

function cells(item: IndexedState): Child[] {
  const o = item.value as OrderValue;
  return [
    h('span', { 'data-test': 'order-id' }, o.id),
    mono(shortHash(o.productId), o.productId),
    mono(shortHash(o.buyer), o.buyer),
    mono(shortHash(o.seller), o.seller),
    String(o.quantity),
    formatAsset(o.amount, o.asset),
    h('span', { 'data-test': 'order-status' }, o.status),
    o.projectId ? link(href({ name: 'project', id: o.projectId }), `${o.purpose ?? ''} (project)`) : '—',
    o.stars === undefined ? '—' : `${String(o.stars)} ★`,
    formatTime(o.createdAt),
    link(href({ name: 'tx', channel: 'energy', txId: item.transactionId }), `#${item.blockNumber}`),
  ];
}

export function storeOrdersView(ctx: Ctx, initial?: string): HTMLElement {
  const title = h('h1', null, 'Store orders');
  if (!ctx.channels.includes('energy')) return h('div', null, title, h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel energy.`));
  const holder = h('div', null);
  const status = h('select', { name: 'status', 'data-test': 'filter-status' }, h('option', { value: '' }, 'any status'), STATUSES.map((s) => h('option', { value: s, ...(s === initial ? { selected: true } : {}) }, s)));
  const form = h('form', null, h('label', null, 'Status ', status), h('button', { type: 'submit' }, 'Filter'));
  const show = (): void => {
    const query = status.value ? { status: status.value } : {};
    holder.replaceChildren(
      pagedList('Orders (newest change first)', {
        api: ctx.api,
        path: PATH,
        query,
        load: (before) => ctx.api.indexState('energy', 'st.order', { ...query, limit: '20', ...(before ? { before } : {}) }),
        headers: ['Order', 'Product', 'Buyer', 'Seller', 'Qty', 'Amount', 'Status', 'Paid by project', 'Rating', 'Created', 'Last change'],
        cells,
        testId: 'store-orders',
        fileName: 'store-orders',
        tools: form,
        empty: 'No order matches.',
      }),
    );
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  show();
  return h('div', null, title, holder);
}
