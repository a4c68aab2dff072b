/**
 * A bounded load through the multi-host network: a small pool of clients,
 * each an org admin submitting `network:Beacon` (a blind write of one new key)
 * through its own org's peer, one at a time. A retry resends the same endorsed
 * transaction (same ID), so one acknowledged submit is one transaction ID. It
 * records what each client saw: every transaction acknowledged as committed,
 * and the failures.
 */
import * as grpc from '@grpc/grpc-js';
import { openGateway, orgAdminIdentity, peerClient, submitTransaction, type Gateway } from '@dec/fabric-client';
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';

export interface Acked {
  txId: string;
  note: string;
  org: string;
  at: number;
  latencyMs: number;
}

export interface LoadResult {
  acked: Acked[];
  failures: number;
  elapsedMs: number;
}

interface Worker {
  org: GatewayOrg;
  client: grpc.Client;
  gateway: Gateway;
}

export class BeaconLoad {
  readonly acked: Acked[] = [];
  failures = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly workers: Worker[];
  private startedAt = 0;
  private seq = 0;

  constructor(config: GatewayNetworkConfig, clientsPerOrg = 1, private readonly channel = 'energy', private readonly chaincode = 'energy') {
    this.workers = config.orgs.flatMap((org) =>
      Array.from({ length: clientsPerOrg }, () => {
        const peer = org.peers[0];
        if (!peer) throw new Error(`${org.mspId} has no peer`);
        const client = peerClient(peer);
        return { org, client, gateway: openGateway(client, orgAdminIdentity(org)) };
      }),
    );
  }

  start(): void {
    this.running = true;
    this.startedAt = Date.now();
    this.loops = this.workers.map((w) => this.loop(w));
  }

  /** Stops submitting and waits for the submits in flight; returns everything since start(). */
  async stop(): Promise<LoadResult> {
    this.running = false;
    await Promise.all(this.loops);
    return { acked: [...this.acked], failures: this.failures, elapsedMs: Date.now() - this.startedAt };
  }

  /** Acknowledged since `since` (ms epoch), optionally only from some orgs. */
  ackedSince(since: number, orgs?: string[]): number {
    return this.acked.filter((a) => a.at >= since && (orgs === undefined || orgs.includes(a.org))).length;
  }

  close(): void {
    for (const w of this.workers) {
      w.gateway.close();
      w.client.close();
    }
  }

  private async loop(w: Worker): Promise<void> {
    const contract = w.gateway.getNetwork(this.channel).getContract(this.chaincode);
    while (this.running) {
      const note = `mh-${process.pid}-${String(this.seq++)}`;
      const t0 = Date.now();
      try {
        const out = await submitTransaction(contract, 'network:Beacon', { arguments: [JSON.stringify({ note })] }, { attempts: 4, delayMs: 1000 });
        if (out.status.successful) this.acked.push({ txId: out.transactionId, note, org: w.org.mspId, at: Date.now(), latencyMs: Date.now() - t0 });
        else this.failures++;
      } catch {
        this.failures++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}

/** Throughput and latency percentiles of a run. */
export function summarize(r: LoadResult): string {
  const lat = r.acked.map((a) => a.latencyMs).sort((a, b) => a - b);
  const pct = (p: number): number => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0;
  return `${(r.acked.length / (r.elapsedMs / 1000)).toFixed(1)} tx/s (${r.acked.length} committed in ${(r.elapsedMs / 1000).toFixed(1)} s, ${r.failures} failed), latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`;
}
