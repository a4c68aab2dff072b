/**
 * Putting the consortium view together from node readings: health states,
 * metrics refused (401) versus unreachable, the Raft leader and the channel
 * height. The readings are canned operations answers; the route against the
 * real network is e2e/src/api/consortium.it.test.ts.
 */
import { expect } from 'chai';
import type { OperationsTarget, ProbeResult } from './probe';
import { ConsortiumObserver, observeConsortium, type Prober } from './status';
import type { ConsortiumTargets } from './targets';

const host = { name: 'localhost', address: '127.0.0.1' };
const node = (name: string, ops: string): { name: string; host: typeof host; address: string; operations: OperationsTarget } => ({
  name,
  host,
  address: `127.0.0.1:${ops}0`,
  operations: { address: `127.0.0.1:${ops}`, caFile: '/ca.pem' },
});
const TARGETS: ConsortiumTargets = {
  hosts: [host],
  orgs: [{ mspId: 'BankMSP', name: 'bank', description: 'bank', host, peers: [{ ...node('peer0.bank', '7212'), channels: ['energy', 'scf'] }] }],
  orderers: { mspId: 'OrdererMSP', nodes: [node('orderer0', '6002'), node('orderer1', '6012')] },
  channels: [
    { name: 'energy', orgs: ['BankMSP'] },
    { name: 'scf', orgs: ['BankMSP'] },
  ],
};

const answers: Record<string, ProbeResult> = {
  '127.0.0.1:7212/healthz': { ok: true, status: 200, body: '{"status":"OK"}' },
  '127.0.0.1:7212/metrics': { ok: true, status: 200, body: 'ledger_blockchain_height{channel="energy"} 10\n' },
  '127.0.0.1:6002/healthz': { ok: true, status: 503, body: '{"status":"Service Unavailable","failed_checks":[{"component":"x"}]}' },
  '127.0.0.1:6002/metrics': { ok: false, error: 'SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:SSL alert number 48' },
  '127.0.0.1:6012/healthz': { ok: true, status: 200, body: '' },
  '127.0.0.1:6012/metrics': { ok: true, status: 200, body: 'consensus_etcdraft_is_leader{channel="energy"} 1\nconsensus_etcdraft_committed_block_number{channel="energy"} 11\n' },
};
const canned: Prober = (target, pathname) => Promise.resolve(answers[`${target.address}${pathname}`] ?? { ok: false, error: 'connect ECONNREFUSED' });

describe('consortium view', () => {
  it('lists each node with its health, its metrics state and per-channel heights; the leader and the highest height per channel', async () => {
    const body = await observeConsortium(TARGETS, canned, () => new Date('2026-01-01T00:00:00Z'));
    expect(body.orgs[0]?.peers[0]).to.deep.include({ health: 'ok', metrics: 'ok', channels: [{ channel: 'energy', height: 10 }, { channel: 'scf', height: null }] });
    expect(body.orderers.nodes[0]).to.deep.include({ health: 'failing', metrics: 'unauthorized', channels: [] });
    expect(body.orderers.nodes[0]?.healthDetail).to.match(/^HTTP 503/);
    expect(body.orderers.nodes[1]?.channels).to.deep.equal([{ channel: 'energy', height: 12, isLeader: true, participation: null, relation: null }]);
    expect(body.channels).to.deep.equal([
      { name: 'energy', orgs: ['BankMSP'], leader: 'orderer1', height: 12 },
      { name: 'scf', orgs: ['BankMSP'], leader: null, height: null },
    ]);
    expect(body.observedAt).to.equal('2026-01-01T00:00:00.000Z');
  });

  it('reads /healthz without the client certificate and /metrics with it', async () => {
    const seen: string[] = [];
    const recording: Prober = (t, p) => {
      seen.push(`${p} ${t.client ? 'with' : 'without'}`);
      return canned(t, p);
    };
    const withClient = { ...TARGETS, orderers: { ...TARGETS.orderers, nodes: [] }, orgs: TARGETS.orgs.map((o) => ({ ...o, peers: o.peers.map((p) => ({ ...p, operations: { ...p.operations, client: { certFile: 'c', keyFile: 'k' } } })) })) };
    await observeConsortium(withClient, recording);
    expect(seen.sort()).to.deep.equal(['/healthz without', '/metrics with']);
  });

  it('lists a node that does not answer as unreachable instead of failing', async () => {
    const silent: Prober = () => Promise.resolve({ ok: false, error: 'no answer in 2000 ms' });
    const body = await observeConsortium(TARGETS, silent);
    expect(body.orgs[0]?.peers[0]).to.deep.include({ health: 'unreachable', healthDetail: 'no answer in 2000 ms', metrics: 'unreachable' });
    expect(body.channels.map((c) => c.leader)).to.deep.equal([null, null]);
  });

  it('answers concurrent callers from one probe round', async () => {
    let probes = 0;
    const counting: Prober = (t, p) => {
      probes += 1;
      return canned(t, p);
    };
    const observer = new ConsortiumObserver(() => TARGETS, 60_000, counting);
    await Promise.all([observer.observe(), observer.observe(), observer.observe()]);
    expect(probes).to.equal(6); // 3 nodes x (/healthz + /metrics), once
  });
});
