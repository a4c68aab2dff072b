/**
 * Reads the few Fabric operations metrics the consortium view needs from the
 * Prometheus text format: a peer's ledger height per channel, an orderer's Raft
 * role, committed block and participation per channel. A parser of its own
 * (the format is line-based and small) so the gateway needs no scraping library.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescapeLabel(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** Every sample line; comments, blank and malformed lines are skipped. */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line.trim());
    if (!match?.[1] || match[3] === undefined) continue;
    const value = Number(match[3]);
    if (Number.isNaN(value)) continue;
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL)) if (key !== undefined && raw !== undefined) labels[key] = unescapeLabel(raw);
    samples.push({ name: match[1], labels, value });
  }
  return samples;
}

/** The value of `name` per channel label (the last sample wins, as Prometheus exposes one per channel). */
export function perChannel(samples: Sample[], name: string): Map<string, number> {
  const byChannel = new Map<string, number>();
  for (const s of samples) if (s.name === name && s.labels.channel !== undefined) byChannel.set(s.labels.channel, s.value);
  return byChannel;
}

/** `ledger_blockchain_height`: the number of blocks the peer holds on each channel. */
export function peerHeights(samples: Sample[]): Map<string, number> {
  return perChannel(samples, 'ledger_blockchain_height');
}

export type Participation = 'inactive' | 'active' | 'onboarding' | 'failed';
const PARTICIPATION: Record<number, Participation> = { 0: 'inactive', 1: 'active', 2: 'onboarding', 3: 'failed' };
const RELATION: Record<number, 'consenter' | 'follower'> = { 1: 'consenter', 2: 'follower' };

export interface OrdererChannelMetrics {
  channel: string;
  /** Blocks held: the committed block number + 1 (null when the orderer reports no block yet). */
  height: number | null;
  isLeader: boolean | null;
  participation: Participation | null;
  relation: 'consenter' | 'follower' | null;
}

/** Per channel: etcdraft leadership and committed block, channel participation status and relation. */
export function ordererChannels(samples: Sample[]): OrdererChannelMetrics[] {
  const leader = perChannel(samples, 'consensus_etcdraft_is_leader');
  const committed = perChannel(samples, 'consensus_etcdraft_committed_block_number');
  const status = perChannel(samples, 'participation_status');
  const relation = perChannel(samples, 'participation_consensus_relation');
  const channels = [...new Set([...leader.keys(), ...committed.keys(), ...status.keys()])].sort();
  return channels.map((channel) => {
    const block = committed.get(channel);
    const isLeader = leader.get(channel);
    return {
      channel,
      height: block === undefined ? null : block + 1,
      isLeader: isLeader === undefined ? null : isLeader === 1,
      participation: PARTICIPATION[status.get(channel) ?? -1] ?? null,
      relation: RELATION[relation.get(channel) ?? -1] ?? null,
    };
  });
}
