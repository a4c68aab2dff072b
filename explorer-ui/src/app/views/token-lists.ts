/**
 * The Tokens page's lists for the regulator and the platform operator: the
 * largest DEC/DECC holders and the latest movements, from the gateway's index
 * (routes /index/{channel}/tokens/*, which refuse everyone else: the same rule
 * is mirrored here only so others are not offered lists that would fail), and
 * DECC minted and burned over time (Chart.js) from the indexed supply records.
 */
import type { Identity, TokenHolder, TokenMovement } from '../api/types';
import { chart } from '../charts/chart';
import { formatAsset, formatTime } from '../model/format';
import { issuanceSeries, type SupplyWrite } from '../model/issuance';
import { href } from '../model/route';
import { section } from '../ui/async';
import { h, link, type Child } from '../ui/dom';
import { pagedList } from '../ui/paged-list';
import type { Ctx } from './context';

/** Mirrors gateway-api routes/token-index.ts TOKEN_READERS. */
const READERS: Record<string, string> = { RegulatorMSP: 'regulator', PlatformMSP: 'operator' };
export const mayReadTokenLists = (me: Identity): boolean => READERS[me.mspId] !== undefined && (me.apiRole === 'admin' || me.attributes.role === READERS[me.mspId]);

const txLink = (txId: string, block: string): Child => link(href({ name: 'tx', channel: 'energy', txId }), `#${block}`);
const account = (a: string): Child => link(href({ name: 'tokens', account: a }), a);

function holders(ctx: Ctx, asset: 'DEC' | 'DECC'): HTMLElement {
  return pagedList<TokenHolder>(`Largest ${asset} holders`, {
    api: ctx.api,
    path: '/api/v1/index/energy/tokens/holders',
    query: { asset },
    load: (before) => ctx.api.tokenHolders('energy', { asset, limit: '10', ...(before ? { before } : {}) }),
    headers: ['Account', 'Balance', 'Last change'],
    cells: (x) => [account(x.account), formatAsset(x.balance, asset), txLink(x.transactionId, x.blockNumber)],
    testId: `holders-${asset}`,
    fileName: `energy-${asset}-holders`,
  });
}

function movements(ctx: Ctx): HTMLElement {
  return pagedList<TokenMovement>('Latest movements', {
    api: ctx.api,
    path: '/api/v1/index/energy/tokens/movements',
    query: {},
    load: (before) => ctx.api.tokenMovements('energy', { limit: '15', ...(before ? { before } : {}) }),
    headers: ['Time', 'From', 'To', 'Amount', 'Operation', 'Transaction'],
    cells: (m) => [formatTime(m.time ?? undefined), account(m.account), m.counterparties.length ? m.counterparties.join(', ') : '—', formatAsset(m.amount, m.asset), m.op, txLink(m.transactionId, m.blockNumber)],
    testId: 'movements',
    fileName: 'energy-token-movements',
  });
}

/** Up to 500 supply records, newest pages first (the chart shows their running totals). */
async function issuance(ctx: Ctx): Promise<Node> {
  const writes: SupplyWrite[] = [];
  let before: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await ctx.api.indexState('energy', 'token.supply', { first: 'DECC', history: 'true', limit: '100', ...(before ? { before } : {}) });
    writes.push(...page.items);
    before = page.next;
    if (!before) break;
  }
  const series = issuanceSeries(writes, 'DECC', 2);
  if (series.minted.length === 0) return h('p', { class: 'muted', 'data-test': 'issuance-empty' }, 'No DECC minted or burned yet.');
  return chart(
    {
      title: 'DECC minted and burned over time (running totals)',
      xTitle: 'time (UTC)',
      yTitle: 'DECC',
      xLabel: (x) => new Date(x).toISOString().slice(0, 16).replace('T', ' '),
      series: [
        { name: 'minted', color: '#17a589', points: series.minted, stepped: 'before' },
        { name: 'burned', color: '#c0392b', points: series.burned, stepped: 'before' },
      ],
      testId: 'issuance-chart',
    },
    (fn) => { ctx.onLeave(fn); },
  );
}

export function tokenLists(ctx: Ctx): HTMLElement[] {
  const lists = mayReadTokenLists(ctx.me) ? [holders(ctx, 'DEC'), holders(ctx, 'DECC'), movements(ctx)] : [];
  return [...(ctx.ledger ? [section('DECC minted and burned', () => issuance(ctx), { 'data-test': 'issuance' })] : []), ...lists];
}
