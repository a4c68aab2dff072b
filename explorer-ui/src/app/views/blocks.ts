/**
 * The block list of a channel: one page of the gateway's block index, newest
 * first, anchored at a block number. The first view is one read of the index
 * (its overview: height held and the head page; or the status and the page
 * asked in parallel for an older page): no peer is asked before it shows.
 * The ledger's own height follows; blocks the index does not hold yet (it is
 * catching up after a start or a rebuild) are then read from the ledger and
 * merged in. On the head page, blocks committed while it is open arrive over
 * the gateway's block event stream and go on top.
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

/** The index's height and the rows it holds of the page from `from` (the head page when absent): one read at the head. */
async function indexedPage(ctx: Ctx, channel: string, from: number | undefined): Promise<{ height: number; rows: BlockRow[] }> {
  if (from === undefined) {
    const o = await ctx.api.indexOverview(channel, { blocks: PAGE_SIZE, transactions: 0, minutes: 0 });
    return { height: Number(o.indexedHeight), rows: o.blocks.map(rowOfIndexed) };
  }
  const [status, page] = await Promise.all([ctx.api.indexStatus(channel), ctx.api.indexBlocks(channel, from + 1, PAGE_SIZE)]);
  return { height: Number(status.indexedHeight), rows: page.items.map(rowOfIndexed) };
}

/**
 * After the first view: the ledger's height and, when the index is behind it,
 * the blocks of the page (at that height) the index does not hold, read from the ledger.
 */
async function ledgerCatchUp(ctx: Ctx, channel: string, indexedHeight: number, rows: BlockRow[], from: number | undefined): Promise<{ height: number; numbers: number[]; read: BlockRow[] }> {
  const height = Number((await ctx.api.channelInfo(channel)).height);
  const numbers = blockPage(height, from).numbers;
  if (height <= indexedHeight) return { height, numbers, read: [] };
  const held = new Set(rows.map((r) => r.number));
  const missing = numbers.filter((n) => !held.has(n));
  return { height, numbers, read: (await Promise.all(missing.map((n) => ctx.api.block(channel, n)))).map(rowOfBlock) };
}

export async function blocksView(ctx: Ctx, channel: string, from: number | undefined): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  if (!ctx.ledger) return errorBox('Blocks are read by regulators and API admins only.');
  const started = performance.now();
  const indexed = await indexedPage(ctx, channel, from);
  const page = blockPage(indexed.height, from);
  let rows = indexed.rows.filter((r) => page.numbers.includes(r.number));
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

  const ledgerNote = h('p', { class: 'muted', 'data-test': 'ledger-height' }, 'Ledger height: asking a peer…');
  ledgerCatchUp(ctx, channel, indexed.height, rows, from).then(
    (caught) => {
      const behind = caught.height - indexed.height;
      ledgerNote.textContent = behind > 0 ? `Ledger height ${String(caught.height)}: the index is ${String(behind)} blocks behind; the page's missing blocks were read from the ledger.` : `Ledger height ${String(caught.height)}: the index is up to date.`;
      if (caught.read.length === 0) return;
      const merged = [...rows.filter((r) => !caught.read.some((x) => x.number === r.number)), ...caught.read].sort((a, b) => b.number - a.number);
      rows = from === undefined ? merged.slice(0, PAGE_SIZE) : merged.filter((r) => caught.numbers.includes(r.number));
      tbody.replaceChildren(...rows.map((r) => rowEl(channel, r)));
    },
    (e: unknown) => { ledgerNote.textContent = `Ledger height unknown: ${e instanceof Error ? e.message : String(e)}`; },
  );

  return h(
    'div',
    null,
    h('h1', null, `Blocks of ${channel} `, status),
    h('p', { class: 'muted', 'data-test': 'page-timing' }, `Indexed height ${String(indexed.height)}; page of ${page.numbers.length} blocks (${page.numbers[0] ?? '-'}…${page.numbers[page.numbers.length - 1] ?? '-'}) loaded in ${ms} ms from the gateway's index.`),
    ledgerNote,
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
