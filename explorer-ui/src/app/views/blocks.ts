/**
 * The block list of a channel: one page of the gateway's block index, newest
 * first, anchored at a block number (one request, however long the chain).
 * On the head page, blocks committed while it is open arrive over the
 * gateway's block event stream and go on top.
 */
import { streamBlocks } from '../api/streams';
import { blockPage, mergeLive, PAGE_SIZE, rowOfBlock, rowOfIndexed, rowOfSummary, type BlockRow } from '../model/blocks';
import { formatTime } from '../model/format';
import { href } from '../model/route';
import { csvButton } from '../ui/csv-export';
import { errorBox, h, link } from '../ui/dom';
import type { Ctx } from './context';
import { deniedView } from './overview';

function rowEl(channel: string, r: BlockRow, fresh = false): HTMLElement {
  return h(
    'tr',
    { 'data-test': 'block-row', 'data-number': r.number, class: fresh ? 'fresh' : undefined },
    h('td', null, link(href({ name: 'block', channel, number: r.number }), `#${r.number}`)),
    h('td', null, r.transactionCount),
    h('td', null, formatTime(r.time)),
    h('td', null, r.functions.join(', ') || '—'),
    h('td', null, r.creators.join(', ')),
    h('td', { class: r.invalid > 0 ? 'bad' : undefined }, r.invalid > 0 ? `${r.invalid} invalid` : 'valid'),
  );
}

/**
 * The rows of a page from the index; blocks the index does not hold yet (it
 * is catching up after a start or a rebuild) are read from the ledger.
 */
async function pageRows(ctx: Ctx, channel: string, numbers: number[]): Promise<BlockRow[]> {
  const top = numbers[0];
  if (top === undefined) return [];
  const indexed = (await ctx.api.indexBlocks(channel, top + 1, numbers.length)).items.map(rowOfIndexed);
  const held = new Set(indexed.map((r) => r.number));
  const missing = numbers.filter((n) => !held.has(n));
  const read = (await Promise.all(missing.map((n) => ctx.api.block(channel, n)))).map(rowOfBlock);
  return [...indexed, ...read].sort((a, b) => b.number - a.number);
}

export async function blocksView(ctx: Ctx, channel: string, from: number | undefined): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  if (!ctx.ledger) return errorBox('Blocks are read by regulators and API admins only.');
  const started = performance.now();
  const info = await ctx.api.channelInfo(channel);
  const page = blockPage(Number(info.height), from);
  let rows = await pageRows(ctx, channel, page.numbers);
  const ms = Math.round(performance.now() - started);

  const tbody = h('tbody', null, rows.map((r) => rowEl(channel, r)));
  const status = h('span', { class: 'live', 'data-test': 'live-status' }, page.atHead ? 'connecting…' : 'paused (older page)');
  const pager = h(
    'nav',
    { class: 'pager' },
    page.atHead ? h('span', { class: 'muted' }, 'Newest') : link(href({ name: 'blocks', channel, ...(page.newer !== undefined ? { from: page.newer } : {}) }), '← Newer', { 'data-test': 'newer' }),
    ' · ',
    page.older !== undefined ? link(href({ name: 'blocks', channel, from: page.older }), 'Older →', { 'data-test': 'older' }) : h('span', { class: 'muted' }, 'Genesis'),
  );

  if (page.atHead) {
    const stream = streamBlocks(
      ctx.api.apiKey,
      channel,
      (summary) => {
        // The stream carries no time: the commit is "now" as far as this page knows.
        rows = mergeLive(rows, rowOfSummary(summary, new Date().toISOString()), PAGE_SIZE);
        tbody.replaceChildren(...rows.map((r) => rowEl(channel, r, r.number === Number(summary.number))));
      },
      (state, message) => {
        status.textContent = state === 'live' ? '● live' : state === 'reconnecting' ? 'reconnecting…' : `stream error: ${message ?? ''}`;
        status.className = `live ${state}`;
      },
    );
    ctx.onLeave(() => { stream.close(); });
  }

  return h(
    'div',
    null,
    h('h1', null, `Blocks of ${channel} `, status),
    h('p', { class: 'muted', 'data-test': 'page-timing' }, `Height ${info.height}; page of ${page.numbers.length} blocks (${page.numbers[0] ?? '-'}…${page.numbers[page.numbers.length - 1] ?? '-'}) loaded in ${ms} ms from the gateway's index.`),
    h(
      'table',
      { 'data-test': 'blocks' },
      h('thead', null, h('tr', null, ['Block', 'Tx', 'Time (newest tx)', 'Functions', 'Creators', 'Validation'].map((x) => h('th', null, x)))),
      tbody,
    ),
    pager,
    csvButton(ctx.api.apiKey, `/api/v1/index/${channel}/blocks`, () => ({ limit: String(PAGE_SIZE), ...(page.numbers[0] !== undefined ? { before: String(page.numbers[0] + 1) } : {}) }), `${channel}-blocks`),
  );
}
