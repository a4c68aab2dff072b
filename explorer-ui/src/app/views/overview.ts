/**
 * Channels overview: per channel the height, member orgs, chaincodes with
 * versions, how far the gateway's index is, and the channel's dashboard
 * (activity per minute, latest blocks and transactions, peers' heights).
 */
import { formatInt, shortHash } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { fields, h, link, mono } from '../ui/dom';
import type { Ctx } from './context';
import { dashboard } from './dashboard';

async function chaincodeVersions(ctx: Ctx, channel: string): Promise<Node> {
  const info = await ctx.api.evaluate<{ chaincode: string; version: string }>(channel, 'network:Info');
  return h('span', { 'data-test': 'chaincode' }, `${info.chaincode} ${info.version}`);
}

/** The ledger's own figures (a peer query): drawn when they come, never holding up the dashboard. */
async function ledgerFields(ctx: Ctx, channel: string): Promise<Node> {
  const [info, index] = await Promise.all([ctx.api.channelInfo(channel), ctx.api.indexStatus(channel)]);
  const behind = Number(info.height) - Number(index.indexedHeight);
  return fields([
      ['Height', h('span', { 'data-test': 'height' }, formatInt(info.height))],
      ['Current block hash', mono(shortHash(info.currentBlockHash, 12), info.currentBlockHash)],
      ['Member orgs', info.orgs.join(', ')],
      ['Chaincodes', info.chaincodes.join(', ')],
      ['Gateway index', h('span', { 'data-test': 'index-status' }, behind > 0 ? `${formatInt(index.indexedHeight)} blocks indexed, ${String(behind)} to go` : 'up to date', index.lastError ? h('span', { class: 'bad' }, ` (${index.lastError})`) : null)],
    ]);
}

/** The dashboard's requests go out before the ledger's and the chaincode's (a browser opens few connections at once). */
function ledgerCard(ctx: Ctx, channel: string): HTMLElement {
  const board = dashboard(ctx, channel);
  return h('div', null, section(null, () => ledgerFields(ctx, channel), { class: 'plain' }), board, h('p', null, link(href({ name: 'blocks', channel }), 'Browse blocks →')));
}

export function channelCard(ctx: Ctx, channel: string): HTMLElement {
  const ledger = ctx.ledger ? ledgerCard(ctx, channel) : h('p', { class: 'notice' }, 'Blocks and transactions are read by regulators and API admins only (the gateway\'s ledger endpoints).');
  return h(
    'section',
    { class: 'card channel', 'data-test': `channel-${channel}` },
    h('h2', null, link(href({ name: 'channel', channel }), `Channel ${channel}`)),
    fields([['Chaincode', section(null, () => chaincodeVersions(ctx, channel), { class: 'inline' })]]),
    ledger,
  );
}

export function overviewView(ctx: Ctx): HTMLElement {
  return h('div', null, h('h1', null, 'Channels'), ctx.channels.length === 0 ? h('p', null, 'Your org is on no channel this gateway serves.') : ctx.channels.map((c) => channelCard(ctx, c)));
}

export async function channelView(ctx: Ctx, channel: string): Promise<HTMLElement> {
  if (!ctx.channels.includes(channel)) return deniedView(ctx, channel);
  return h('div', null, channelCard(ctx, channel));
}

/** A channel the caller's org is not on: say so plainly, show nothing of it. */
export async function deniedView(ctx: Ctx, channel: string): Promise<HTMLElement> {
  const status = await ctx.api.channelStatus(channel);
  return h(
    'div',
    { class: 'notice error', 'data-test': 'denied' },
    h('h2', null, `No access to channel ${channel}`),
    status === 404 ? `The gateway serves no channel ${channel}.` : `${ctx.me.mspId} is not a member of channel ${channel}; the gateway refuses its data (HTTP ${status}).`,
  );
}
