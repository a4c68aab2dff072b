/** A decoded transaction: chaincode, function, arguments, creator, endorsers, validation, event. */
import { prettyJson } from '../model/format';
import { href } from '../model/route';
import { txView, type TxView } from '../model/transaction';
import { code, errorBox, fields, h, link, mono, unavailable, type Child } from '../ui/dom';
import type { Ctx } from './context';
import { deniedView } from './overview';

function summary(v: TxView, channel: string): HTMLElement {
  return fields([
    ['ID', mono(v.id)],
    ['Block', v.block !== undefined ? link(href({ name: 'block', channel, number: v.block }), `#${v.block}`) : '—'],
    ['Time', v.time],
    ['Kind', v.kind],
    ['Chaincode', v.chaincode],
    ['Function', h('span', { 'data-test': 'function' }, v.contract ? `${v.contract}:${v.fn ?? ''}` : (v.fn ?? '—'))],
    ['Creator', h('span', { 'data-test': 'creator' }, `${v.creator.mspId}${v.creator.name ? ` — ${v.creator.name}` : ''}`)],
    ['Endorsers', h('span', { 'data-test': 'endorsers' }, v.endorsers.map((e) => `${e.mspId}${e.name ? ` (${e.name})` : ''}`).join(', ') || '—')],
    ['Validation', h('span', { class: v.validation.valid ? 'ok' : 'bad', 'data-test': 'validation' }, v.validation.code)],
  ]);
}

const none = (): HTMLElement => h('p', { class: 'muted' }, 'none');

/** Arguments, event, chaincode response and read/write set keys, each under its heading. */
function details(v: TxView): Child[] {
  return [
    h('h3', null, 'Arguments'),
    v.args.length ? v.args.map((a) => code(prettyJson(a))) : none(),
    h('h3', null, 'Event'),
    v.event ? h('div', null, h('strong', { 'data-test': 'event' }, v.event.name), code(prettyJson(v.event.payload))) : none(),
    h('h3', null, 'Chaincode response'),
    v.response ? h('div', null, `status ${v.response.status} ${v.response.message}`, code(prettyJson(v.response.payload))) : none(),
    h('h3', null, 'Read/write set keys'),
    v.rwset
      ? v.rwset.map((ns) => fields([[`${ns.namespace} reads`, ns.reads.join('\n')], [`${ns.namespace} writes`, ns.writes.join('\n')]]))
      : unavailable('read/write set keys', 'the gateway\'s DecodedTransaction has no rwset field yet (needs reads/writes per namespace from the ChaincodeAction results)'),
  ];
}

export async function transactionView(ctx: Ctx, channel: string, txId: string): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  if (!ctx.ledger) return errorBox('Transactions are read by regulators and API admins only.');
  const v = txView(await ctx.api.transaction(channel, txId));
  return h('div', { 'data-test': 'tx' }, h('h1', null, 'Transaction'), summary(v, channel), ...details(v));
}
