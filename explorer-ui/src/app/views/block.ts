/** One block: header hashes and its transactions, each linking to the decoded detail. */
import { commonName, formatTime, shortHash } from '../model/format';
import { href } from '../model/route';
import { errorBox, fields, h, link, mono } from '../ui/dom';
import type { Ctx } from './context';
import { deniedView } from './overview';

export async function blockView(ctx: Ctx, channel: string, n: number): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  if (!ctx.ledger) return errorBox('Blocks are read by regulators and API admins only.');
  const b = await ctx.api.block(channel, n);
  return h(
    'div',
    { 'data-test': 'block' },
    h('h1', null, `Block #${b.number} of ${channel}`),
    fields([
      ['Transactions', String(b.transactionCount)],
      ['Data hash', mono(b.dataHash)],
      ['Previous hash', mono(b.previousHash)],
    ]),
    h(
      'nav',
      { class: 'pager' },
      n > 0 ? link(href({ name: 'block', channel, number: n - 1 }), `← #${n - 1}`) : null,
      ' · ',
      link(href({ name: 'block', channel, number: n + 1 }), `#${n + 1} →`),
    ),
    h(
      'table',
      { 'data-test': 'block-txs' },
      h('thead', null, h('tr', null, ['Transaction', 'Time', 'Function', 'Creator', 'Validation'].map((x) => h('th', null, x)))),
      h(
        'tbody',
        null,
        b.transactions.map((t) =>
          h(
            'tr',
            { 'data-test': 'tx-row' },
            h('td', null, t.transactionId ? link(href({ name: 'tx', channel, txId: t.transactionId }), shortHash(t.transactionId), { title: t.transactionId }) : '(config)'),
            h('td', null, formatTime(t.timestamp)),
            h('td', null, t.function ?? t.type),
            h('td', null, `${t.creator.mspId}${commonName(t.creator.subject) ? ` (${commonName(t.creator.subject)})` : ''}`),
            h('td', { class: t.validationCode === 'VALID' ? 'ok' : 'bad' }, t.validationCode ?? ''),
          ),
        ),
      ),
    ),
  );
}
