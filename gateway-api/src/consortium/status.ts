/**
 * The consortium as it is now: every node's health and metrics, read from its
 * operations endpoint, put together with the topology. One probe round is
 * shared by every request for a moment, so callers cannot multiply the fan-out
 * to the nodes.
 */
import { ordererChannels, parseMetrics, peerHeights, type Sample } from './metrics';
import { probe, type OperationsTarget, type ProbeResult } from './probe';
import type { ConsortiumBody, Health, MetricsState, OrdererStatus, PeerStatus } from './schema';
import type { ConsortiumTargets, NodeTarget } from './targets';

export type Prober = (target: OperationsTarget, pathname: '/healthz' | '/metrics') => Promise<ProbeResult>;

interface NodeReading {
  health: Health;
  healthDetail?: string;
  metrics: MetricsState;
  samples: Sample[];
}

function healthOf(result: ProbeResult): { health: Health; healthDetail?: string } {
  if (!result.ok) return { health: 'unreachable', healthDetail: result.error };
  if (result.status === 200) return { health: 'ok' };
  return { health: 'failing', healthDetail: `HTTP ${String(result.status)}: ${result.body.slice(0, 500)}` };
}

/** A node that does not trust the client certificate ends the TLS handshake with an alert (Go: VerifyClientCertIfGiven). */
const REFUSED_CERTIFICATE = /unknown ca|bad certificate|certificate required|certificate unknown/i;

function metricsOf(result: ProbeResult): { metrics: MetricsState; samples: Sample[] } {
  if (!result.ok) return { metrics: REFUSED_CERTIFICATE.test(result.error) ? 'unauthorized' : 'unreachable', samples: [] };
  if (result.status === 401 || result.status === 403) return { metrics: 'unauthorized', samples: [] };
  if (result.status !== 200) return { metrics: 'error', samples: [] };
  return { metrics: 'ok', samples: parseMetrics(result.body) };
}

async function read(node: NodeTarget, prober: Prober): Promise<NodeReading> {
  // /healthz without a client certificate: a node that does not trust it would refuse the handshake, healthy or not.
  const anonymous: OperationsTarget = { address: node.operations.address, caFile: node.operations.caFile };
  const [health, metrics] = await Promise.all([prober(anonymous, '/healthz'), prober(node.operations, '/metrics')]);
  return { ...healthOf(health), ...metricsOf(metrics) };
}

function base(node: NodeTarget, reading: NodeReading): Omit<PeerStatus, 'channels'> {
  const status: Omit<PeerStatus, 'channels'> = { name: node.name, host: node.host, address: node.address, health: reading.health, metrics: reading.metrics };
  if (reading.healthDetail !== undefined) status.healthDetail = reading.healthDetail;
  return status;
}

function peerStatus(node: NodeTarget & { channels: string[] }, reading: NodeReading): PeerStatus {
  const heights = peerHeights(reading.samples);
  return { ...base(node, reading), channels: node.channels.map((channel) => ({ channel, height: heights.get(channel) ?? null })) };
}

function ordererStatus(node: NodeTarget, reading: NodeReading): OrdererStatus {
  return { ...base(node, reading), channels: ordererChannels(reading.samples) };
}

function channelSummary(targets: ConsortiumTargets, orgs: ConsortiumBody['orgs'], orderers: OrdererStatus[]): ConsortiumBody['channels'] {
  return targets.channels.map((channel) => {
    const onOrderers = orderers.flatMap((o) => o.channels.filter((c) => c.channel === channel.name).map((c) => ({ orderer: o.name, ...c })));
    const onPeers = orgs.flatMap((o) => o.peers.flatMap((p) => p.channels.filter((c) => c.channel === channel.name)));
    const heights = [...onOrderers, ...onPeers].map((c) => c.height).filter((h): h is number => h !== null);
    return {
      name: channel.name,
      orgs: channel.orgs,
      leader: onOrderers.find((c) => c.isLeader === true)?.orderer ?? null,
      height: heights.length > 0 ? Math.max(...heights) : null,
    };
  });
}

export async function observeConsortium(targets: ConsortiumTargets, prober: Prober = probe, now: () => Date = () => new Date()): Promise<ConsortiumBody> {
  const orgs = await Promise.all(
    targets.orgs.map(async (org) => ({
      mspId: org.mspId,
      name: org.name,
      description: org.description,
      host: org.host,
      peers: await Promise.all(org.peers.map(async (p) => peerStatus(p, await read(p, prober)))),
    })),
  );
  const nodes = await Promise.all(targets.orderers.nodes.map(async (n) => ordererStatus(n, await read(n, prober))));
  return {
    observedAt: now().toISOString(),
    hosts: targets.hosts,
    orgs,
    orderers: { mspId: targets.orderers.mspId, nodes },
    channels: channelSummary(targets, orgs, nodes),
  };
}

/** One observation in flight or fresh (younger than maxAgeMs) answers every caller. */
export class ConsortiumObserver {
  private latest: { at: number; body: Promise<ConsortiumBody> } | undefined;

  constructor(
    private readonly targets: () => ConsortiumTargets,
    private readonly maxAgeMs = 2000,
    private readonly prober: Prober = probe,
  ) {}

  observe(): Promise<ConsortiumBody> {
    const now = performance.now();
    if (this.latest && now - this.latest.at < this.maxAgeMs) return this.latest.body;
    const body = observeConsortium(this.targets(), this.prober);
    this.latest = { at: now, body };
    body.catch(() => {
      this.latest = undefined;
    });
    return body;
  }
}
