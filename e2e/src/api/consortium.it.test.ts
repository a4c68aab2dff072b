/**
 * GET /api/v1/consortium against the real network: the topology's orgs, hosts,
 * peers and orderers, each node's health from its operations /healthz, and its
 * ledger heights and Raft role from its /metrics (read with the node's org
 * admin TLS client certificate, which the node must trust in its operations
 * clientRootCAs).
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadTopology } from '@dec/network';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { ApiClient } from '../fixtures/api-client';

interface ChannelHeight { channel: string; height: number | null }
interface NodeView { name: string; address: string; host: { name: string; address: string }; health: string; healthDetail?: string; metrics: string; channels: (ChannelHeight & { isLeader?: boolean | null })[] }
interface ConsortiumView {
  observedAt: string;
  hosts: { name: string; address: string }[];
  orgs: { mspId: string; peers: NodeView[] }[];
  orderers: { mspId: string; nodes: NodeView[] };
  channels: { name: string; orgs: string[]; leader: string | null; height: number | null }[];
}

describe('gateway API: the consortium view (real network)', function () {
  this.timeout(60_000);
  const topology = loadTopology();
  let api: RunningApi | undefined;
  let dataDir: string;
  let anon: ApiClient;
  let member: ApiClient;
  let regulatorAdmin: ApiClient;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dec-consortium-'));
    api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });
    anon = new ApiClient(api.url);
    member = anon.as(api.adminKeys.GridMSP);
    regulatorAdmin = anon.as(api.adminKeys.RegulatorMSP);
  });

  after(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a caller without an API key, and one with a key it does not know', async () => {
    expect((await anon.get('/api/v1/consortium')).status).to.equal(401);
    expect((await anon.as('dec_not-a-key').get('/api/v1/consortium')).status).to.equal(401);
  });

  it("lists the topology's orgs, hosts, peers and orderers, every node healthy", async () => {
    const res = await member.get<ConsortiumView>('/api/v1/consortium');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const view = res.body;
    expect(view.orgs.map((o) => o.mspId)).to.deep.equal(topology.orgs.map((o) => o.mspId));
    view.orgs.forEach((org, i) => {
      expect(org.peers).to.have.length(topology.orgs[i]?.peers ?? -1);
    });
    expect(view.orderers.nodes).to.have.length(topology.orderer.nodes);
    expect(view.channels.map((c) => c.name)).to.deep.equal(topology.channels.map((c) => c.name));
    const nodes = [...view.orgs.flatMap((o) => o.peers), ...view.orderers.nodes];
    for (const node of nodes) {
      expect(node.health, `${node.name}: ${node.healthDetail ?? ''}`).to.equal('ok');
      expect(node.address).to.match(/^[0-9.]+:\d+$/);
      expect(view.hosts.map((h) => h.name)).to.include(node.host.name);
    }
  });

  it('reports each peer\'s ledger height per channel and the one Raft leader per channel, as the ledger shows them', async () => {
    const before = await regulatorAdmin.get<{ height: string }>('/api/v1/ledger/energy');
    expect(before.status, JSON.stringify(before.body)).to.equal(200);
    const view = (await member.get<ConsortiumView>('/api/v1/consortium')).body;
    const nodes = [...view.orgs.flatMap((o) => o.peers), ...view.orderers.nodes];
    for (const node of nodes) {
      expect(node.metrics, `${node.name}'s /metrics: the node must trust its org admin's TLS CA for operations clients (CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES / ORDERER_OPERATIONS_TLS_CLIENTROOTCAS)`).to.equal('ok');
    }
    for (const org of view.orgs) {
      for (const peer of org.peers) {
        const expected = topology.channels.filter((c) => c.orgs.includes(org.mspId)).map((c) => c.name);
        expect(peer.channels.map((c) => c.channel)).to.deep.equal(expected);
        for (const c of peer.channels) expect(c.height, `${peer.name} on ${c.channel}`).to.be.a('number').greaterThan(0);
      }
    }
    for (const channel of view.channels) {
      const leaders = view.orderers.nodes.filter((n) => n.channels.some((c) => c.channel === channel.name && c.isLeader === true)).map((n) => n.name);
      expect(leaders, `Raft leaders of ${channel.name}`).to.have.length(1);
      expect(channel.leader).to.equal(leaders[0]);
    }
    const energy = view.channels.find((c) => c.name === 'energy');
    expect(energy?.height).to.be.at.least(Number(before.body.height));
  });
});
