/**
 * A channel's dashboard, for readers of the ledger: blocks and transactions
 * per minute over the last hour (Chart.js), the latest blocks and
 * transactions, and the consortium's peers on the channel with their ledger
 * heights. The chart and both lists come from ONE read of the gateway's index
 * (its overview route: no peer is asked), so they show before the slower
 * peer probe answers; peers come from the consortium view, asked once for
 * every channel on the page.
 */
import type { Api } from '../api/client';
import type { Consortium, IndexedBlock, IndexedTransaction, IndexOverview } from '../api/types';
import { chart } from '../charts/chart';
import { activityPoints } from '../model/activity';
import { nodeRows } from '../model/consortium';
import { formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { h, link, mono, table, type Child } from '../ui/dom';
import type { Ctx } from './context';

function activityChart(ctx: Ctx, channel: string, activity: IndexOverview): Node {
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

function latest(channel: string, overview: IndexOverview): Node {
  return h(
    'div',
    { class: 'grid2' },
    h('div', null, h('h4', null, 'Latest blocks'), table(['Block', 'Tx', 'Validation', 'Time'], overview.blocks.map((b) => blockCells(channel, b)), { 'data-test': `latest-blocks-${channel}` })),
    h('div', null, h('h4', null, 'Latest transactions'), table(['Tx', 'Function', 'Org', 'Block', 'Validation'], overview.transactions.map((t) => txCells(channel, t)), { 'data-test': `latest-txs-${channel}` })),
  );
}

/** The consortium probe asks every peer: one request serves all channel cards drawn within a few seconds. */
const probes = new WeakMap<Api, { at: number; answer: Promise<Consortium> }>();
function consortiumOnce(api: Api): Promise<Consortium> {
  const kept = probes.get(api);
  if (kept && Date.now() - kept.at < 5000) return kept.answer;
  const answer = api.consortium();
  probes.set(api, { at: Date.now(), answer });
  return answer;
}

async function peers(ctx: Ctx, channel: string): Promise<Node> {
  const rows = nodeRows(await consortiumOnce(ctx.api)).filter((r) => r.kind === 'peer' && r.channels.some((c) => c.channel === channel));
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

/** The dashboard sections of one channel: the overview is asked first, so it never queues behind the peer probe. */
export function dashboard(ctx: Ctx, channel: string): HTMLElement[] {
  const overview = ctx.api.indexOverview(channel, { blocks: 6, transactions: 8, minutes: 60 });
  return [
    section('Activity', async () => activityChart(ctx, channel, await overview)),
    section(null, async () => latest(channel, await overview)),
    section('Peers and their ledger heights', () => peers(ctx, channel)),
  ];
}
