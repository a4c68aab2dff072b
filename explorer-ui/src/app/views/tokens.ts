/**
 * Tokens on channel energy: DEC allocation (chart), DECC minted/burned (and,
 * for the regulator and operator, over time, largest holders, movements:
 * token-lists.ts), and
 * for one account its balances and journal, paged with the chaincode's bookmark.
 */
import { donut } from '../charts/donut';
import { formatAsset, formatTime, formatUnits } from '../model/format';
import { href } from '../model/route';
import { decSlices, type TokenSupply } from '../model/supply';
import { section } from '../ui/async';
import { objectTable } from '../ui/generic';
import { fields, formText, h } from '../ui/dom';
import type { Ctx } from './context';
import { tokenLists } from './token-lists';

async function supplySection(ctx: Ctx): Promise<Node> {
  const supply = await ctx.api.evaluate<TokenSupply>('energy', 'token:Supply');
  const slices = decSlices(supply);
  return h(
    'div',
    { class: 'side-by-side' },
    donut(slices.map((s) => ({ label: s.label, bps: s.bps, note: formatAsset(s.amount, 'DEC') })), `DEC allocation of ${formatAsset(supply.DEC.total, 'DEC')}`),
    fields([
      ['DEC total', formatAsset(supply.DEC.total, 'DEC')],
      ['DEC circulating', formatAsset(supply.DEC.circulating, 'DEC')],
      ['DECC supply', formatAsset(supply.DECC.total, 'DECC')],
      ['DECC minted / burned', `${formatUnits(supply.DECC.minted, 2)} / ${formatUnits(supply.DECC.burned, 2)}`],
      ['DECC reward pool', formatAsset(supply.DECC.rewardPool, 'DECC')],
      ['Fees collected', Object.entries(supply.fees).map(([a, v]) => formatAsset(v, a)).join(', ')],
    ]),
  );
}

interface Balance {
  balance: string;
  consolidated: string;
  pending: string;
  pendingCredits: number;
}
interface JournalPage {
  items: Record<string, unknown>[];
  bookmark: string;
}

async function accountSection(ctx: Ctx, account: string): Promise<Node> {
  const balance = (asset: string): Promise<Balance> => ctx.api.evaluate<Balance>('energy', 'token:Balance', { account, asset });
  const [dec, decc] = await Promise.all([balance('DEC'), balance('DECC')]);
  const journal = h('div', null);
  const more = h('button', { type: 'button' }, 'Older entries');
  let bookmark = '';
  const loadPage = async (asset: string) => {
    const page = await ctx.api.evaluate<JournalPage>('energy', 'token:History', { account, asset, pageSize: 20, ...(bookmark ? { bookmark } : {}) });
    bookmark = page.bookmark;
    journal.append(
      objectTable(
        page.items.map((i) => ({
          ...i,
          ...(typeof i.at === 'string' ? { at: formatTime(i.at) } : {}),
          ...(typeof i.amount === 'string' && typeof i.asset === 'string' ? { amount: formatAsset(i.amount, i.asset) } : {}),
        })),
      ),
    );
    more.hidden = !page.bookmark;
  };
  more.addEventListener('click', () => void loadPage('DEC'));
  await loadPage('DEC');
  return h(
    'div',
    { 'data-test': 'account' },
    fields([
      ['DEC', `${formatAsset(dec.balance, 'DEC')} (consolidated ${formatUnits(dec.consolidated, 18)}, pending ${formatUnits(dec.pending, 18)} in ${dec.pendingCredits} credits)`],
      ['DECC', `${formatAsset(decc.balance, 'DECC')} (pending ${formatUnits(decc.pending, 2)})`],
    ]),
    h('h4', null, 'DEC journal'),
    journal,
    more,
  );
}

export function tokensView(ctx: Ctx, account?: string): HTMLElement {
  if (!ctx.channels.includes('energy')) return h('p', null, 'Tokens live on channel energy, which your org is not on.');
  const form = h('form', { class: 'inline-form' }, h('label', null, 'Account ', h('input', { name: 'account', value: account ?? '', placeholder: 'eid:p:… or sys:fees' })), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'tokens', account: formText(form, 'account').trim() });
  });
  return h(
    'div',
    null,
    h('h1', null, 'Tokens'),
    section('Supply and allocation', () => supplySection(ctx), { 'data-test': 'supply' }),
    tokenLists(ctx),
    h('section', { class: 'card' }, h('h3', null, 'Balances and history'), form, account ? section(account, () => accountSection(ctx, account)) : null),
  );
}
