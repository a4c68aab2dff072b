/** The frame around every page: who is signed in, navigation for what they may see, the search box. */
import { describeIdentity } from '../model/access';
import { href } from '../model/route';
import { h, link } from '../ui/dom';
import type { Ctx } from './context';

export function layout(ctx: Ctx, onSignOut: () => void): { root: HTMLElement; main: HTMLElement } {
  const search = h('input', { name: 'q', placeholder: 'block, tx ID, eID, asset ID', 'data-test': 'search' });
  const searchForm = h('form', { class: 'search' }, search);
  searchForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'search', q: search.value.trim() });
  });
  const energy = ctx.channels.includes('energy');
  const scf = ctx.channels.includes('scf');
  const nav = h(
    'nav',
    { class: 'side', 'data-test': 'nav' },
    link(href({ name: 'home' }), 'Channels'),
    link(href({ name: 'consortium' }), 'Consortium', { 'data-test': 'nav-consortium' }),
    energy ? link(href({ name: 'governance' }), 'Governance', { 'data-test': 'nav-governance' }) : null,
    ctx.channels.map((c) => (ctx.ledger ? link(href({ name: 'blocks', channel: c }), `Blocks · ${c}`, { 'data-test': `nav-blocks-${c}` }) : null)),
    ctx.channels.map((c) => (ctx.ledger ? link(href({ name: 'history', channel: c }), `Key history · ${c}`) : null)),
    energy ? [link(href({ name: 'tokens' }), 'Tokens'), link(href({ name: 'market' }), 'Market'), link(href({ name: 'meters' }), 'Meters')] : null,
    energy ? [link(href({ name: 'project' }), 'Crowdfunding', { 'data-test': 'nav-projects' }), link(href({ name: 'holder' }), 'Certificates', { 'data-test': 'nav-certificates' }), link(href({ name: 'storeOrders' }), 'Store orders', { 'data-test': 'nav-store-orders' })] : null,
    energy && ctx.ledger ? link(href({ name: 'charging' }), 'Charging', { 'data-test': 'nav-charging' }) : null,
    scf ? [link(href({ name: 'receivable' }), 'Receivables'), link(href({ name: 'alerts' }), 'Alerts')] : null,
    scf ? [link(href({ name: 'lease' }), 'Leases', { 'data-test': 'nav-leases' }), link(href({ name: 'credit' }), 'Credit', { 'data-test': 'nav-credit' })] : null,
  );
  const signOut = h('button', { type: 'button', class: 'link', 'data-test': 'signout' }, 'Sign out');
  signOut.addEventListener('click', onSignOut);
  const main = h('main', { 'data-test': 'main' });
  const root = h(
    'div',
    { class: 'app' },
    h('header', null, h('a', { href: '#/', class: 'brand' }, 'DEC explorer'), searchForm, h('span', { class: 'who', 'data-test': 'who' }, describeIdentity(ctx.me)), signOut),
    h('div', { class: 'body' }, nav, main),
  );
  return { root, main };
}
