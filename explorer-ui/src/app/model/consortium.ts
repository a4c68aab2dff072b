/**
 * The Consortium page's rows from the gateway's consortium view: one row per
 * node with its org, host, address, health, and per channel its height and how
 * far it is behind the channel's highest height, marking each channel's Raft
 * leader. Pure, so the rules (what "behind" and "leader" mean) are unit-tested.
 */
import type { components } from '../api/schema.generated';

export type ConsortiumView = components['schemas']['Consortium'];

export interface ChannelCell {
  channel: string;
  height: number | null;
  /** Blocks behind the channel's highest height (0: in step; null: unknown). */
  behind: number | null;
  leader: boolean;
}

export interface NodeRow {
  kind: 'peer' | 'orderer';
  org: string;
  name: string;
  host: string;
  address: string;
  health: 'ok' | 'failing' | 'unreachable';
  detail: string;
  metrics: string;
  channels: ChannelCell[];
}

function cell(view: ConsortiumView, channel: string, height: number | null, leader: boolean): ChannelCell {
  const top = view.channels.find((c) => c.name === channel)?.height ?? null;
  return { channel, height, behind: height === null || top === null ? null : top - height, leader };
}

export function nodeRows(view: ConsortiumView): NodeRow[] {
  const peers = view.orgs.flatMap((org) =>
    org.peers.map((p): NodeRow => ({
      kind: 'peer',
      org: org.mspId,
      name: p.name,
      host: `${p.host.name} (${p.host.address})`,
      address: p.address,
      health: p.health,
      detail: p.healthDetail ?? '',
      metrics: p.metrics,
      channels: p.channels.map((c) => cell(view, c.channel, c.height, false)),
    })),
  );
  const orderers = view.orderers.nodes.map((o): NodeRow => ({
    kind: 'orderer',
    org: view.orderers.mspId,
    name: o.name,
    host: `${o.host.name} (${o.host.address})`,
    address: o.address,
    health: o.health,
    detail: o.healthDetail ?? '',
    metrics: o.metrics,
    channels: o.channels.map((c) => cell(view, c.channel, c.height, c.isLeader === true)),
  }));
  return [...peers, ...orderers];
}

/** One line per channel: who leads it, its height, and how many nodes are healthy. */
export function channelSummary(view: ConsortiumView): { name: string; leader: string; height: string; members: string }[] {
  return view.channels.map((c) => ({
    name: c.name,
    leader: c.leader ?? 'none reported',
    height: c.height === null ? 'unknown' : String(c.height),
    members: c.orgs.join(', '),
  }));
}

/** "3 of 9 nodes unhealthy" or "all 9 nodes healthy". */
export function healthLine(rows: NodeRow[]): string {
  const bad = rows.filter((r) => r.health !== 'ok').length;
  return bad === 0 ? `all ${String(rows.length)} nodes healthy` : `${String(bad)} of ${String(rows.length)} nodes unhealthy`;
}
