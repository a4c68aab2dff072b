/**
 * A channel's dashboard, for readers of the ledger: blocks and transactions
 * per minute over the last hour (Chart.js), the latest blocks and
 * transactions, and the consortium's peers on the channel with their ledger
 * heights. Lists come from the gateway's index (one read per list), peers
 * from its consortium view: no block is read to draw this page.
 */
import type { IndexedBlock, IndexedTransaction } from '../api/types';
import { chart } from '../charts/chart';
import { activityPoints } from '../model/activity';
import { nodeRows } from '../model/consortium';
import { formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { h, link, mono, table, type Child } from '../ui/dom';
import type { Ctx } from './context';

async function activityChart(ctx: Ctx, channel: string): Promise<Node> {
  const activity = await ctx.api.indexActivity(channel, 60);
  const points = activityPoints(activity, Date.now());
  return chart(
    {
      title: `Blocks and transactions per minute on ${channel}, last hour (UTC)`,
      xTitle: 'time (UTC)',
      yTitle: 'count per minute',
      series: [
        { name: 'transactions / min', color: '#2f6fdf', points: points.transactions },
        { name: 'blocks / min', color: '#17a589', points: points.blocks },
      ],
      testId: `activity-${channel}`,
    },
    (fn) => { ctx.onLeave(fn); },
  );
}

export const blockCells = (channel: string, b: IndexedBlock): Child[] => [
  link(href({ name: 'block', channel, number: Number(b.number) }), `#${b.number}`),
  b.transactionCount,
  b.invalidCount > 0 ? h('span', { class: 'bad' }, `${String(b.invalidCount)} invalid`) : 'valid',
  formatTime(b.time ?? undefined),
];

export const txCells = (channel: string, t: IndexedTransaction): Child[] => [
  link(href({ name: 'tx', channel, txId: t.transactionId }), mono(shortHash(t.transactionId, 10), t.transactionId)),
  t.function ?? t.type,
  t.creatorMspId,
  `#${t.blockNumber}`,
  t.validationCode === 'VALID' ? 'valid' : h('span', { class: 'bad' }, t.validationCode ?? '—'),
];

async function latest(ctx: Ctx, channel: string): Promise<Node> {
  const [blocks, txs] = await Promise.all([ctx.api.indexBlocks(channel, undefined, 6), ctx.api.indexTransactions(channel, { limit: '8' })]);
  return h(
    'div',
    { class: 'grid2' },
    h('div', null, h('h4', null, 'Latest blocks'), table(['Block', 'Tx', 'Validation', 'Time'], blocks.items.map((b) => blockCells(channel, b)), { 'data-test': `latest-blocks-${channel}` })),
    h('div', null, h('h4', null, 'Latest transactions'), table(['Tx', 'Function', 'Org', 'Block', 'Validation'], txs.items.map((t) => txCells(channel, t)), { 'data-test': `latest-txs-${channel}` })),
  );
}

async function peers(ctx: Ctx, channel: string): Promise<Node> {
  const rows = nodeRows(await ctx.api.consortium()).filter((r) => r.kind === 'peer' && r.channels.some((c) => c.channel === channel));
  return table(
    ['Org', 'Peer', 'Address', 'Height', 'Health'],
    rows.map((r) => {
      const cell = r.channels.find((c) => c.channel === channel);
      const behind = cell?.behind ? h('span', { class: 'muted' }, ` (${String(cell.behind)} behind)`) : null;
      return [r.org, r.name, mono(r.address), h('span', { 'data-test': 'peer-height' }, cell?.height === null || cell === undefined ? '?' : String(cell.height), behind), h('span', { class: r.health === 'ok' ? undefined : 'bad' }, r.health)];
    }),
    { 'data-test': `peers-${channel}` },
  );
}

/** The dashboard sections of one channel. */
export function dashboard(ctx: Ctx, channel: string): HTMLElement[] {
  return [
    section('Activity', () => activityChart(ctx, channel)),
    section(null, () => latest(ctx, channel)),
    section('Peers and their ledger heights', () => peers(ctx, channel)),
  ];
}
