/**
 * The Consortium page: orgs, hosts, peers and orderers with their ledger
 * heights, each channel's Raft leader and every node's health, from the
 * gateway's `GET /api/v1/consortium` (typed by the generated schema).
 */
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema.generated';
import { ApiFailure } from '../api/client';
import { channelSummary, healthLine, nodeRows, type ChannelCell, type ConsortiumView, type NodeRow } from '../model/consortium';
import { section } from '../ui/async';
import { h, table, type Child } from '../ui/dom';
import type { Ctx } from './context';

async function load(ctx: Ctx): Promise<ConsortiumView> {
  const client = createClient<paths>({ baseUrl: '', headers: { authorization: `Bearer ${ctx.api.apiKey}` } });
  const { data, response } = await client.GET('/api/v1/consortium');
  if (!response.ok || !data) throw new ApiFailure(response.status, `HTTP_${String(response.status)}`, response.statusText);
  return data;
}

function heightCell(c: ChannelCell): Child {
  const behind = c.behind !== null && c.behind > 0 ? h('span', { class: 'muted' }, ` (${String(c.behind)} behind)`) : null;
  const leader = c.leader ? h('strong', { 'data-test': `leader-${c.channel}` }, ' ★ leader') : null;
  return h('div', { 'data-channel': c.channel }, `${c.channel}: ${c.height === null ? '?' : String(c.height)}`, behind, leader);
}

function row(r: NodeRow): Child[] {
  return [
    r.org,
    h('span', { 'data-test': `node-${r.name}` }, r.name),
    r.host,
    r.address,
    h('span', { class: r.health === 'ok' ? 'ok' : 'error', 'data-test': `health-${r.name}`, title: r.detail }, r.health),
    r.metrics === 'ok' ? r.channels.map(heightCell) : h('span', { class: 'muted' }, `metrics ${r.metrics}`),
  ];
}

function render(view: ConsortiumView): HTMLElement {
  const rows = nodeRows(view);
  const headers = ['Org', 'Node', 'Host', 'Address', 'Health', 'Height per channel'];
  return h(
    'div',
    null,
    h('p', { 'data-test': 'health-line' }, `${healthLine(rows)} · observed ${view.observedAt}`),
    h('h3', null, 'Channels'),
    table(['Channel', 'Raft leader', 'Height', 'Members'], channelSummary(view).map((c) => [c.name, c.leader, c.height, c.members]), { 'data-test': 'channels' }),
    h('h3', null, 'Hosts'),
    table(['Host', 'Address'], view.hosts.map((x) => [x.name, x.address]), { 'data-test': 'hosts' }),
    h('h3', null, 'Peers'),
    table(headers, rows.filter((r) => r.kind === 'peer').map(row), { 'data-test': 'peers' }),
    h('h3', null, 'Orderers'),
    table(headers, rows.filter((r) => r.kind === 'orderer').map(row), { 'data-test': 'orderers' }),
  );
}

export function consortiumView(ctx: Ctx): HTMLElement {
  return h('div', null, h('h1', null, 'Consortium'), section(null, async () => render(await load(ctx)), { 'data-test': 'consortium' }));
}
