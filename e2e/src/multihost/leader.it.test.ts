/**
 * Cut off the Raft leader's host under a bounded load: another orderer is
 * elected (read from the orderers' `consensus_etcdraft_is_leader` metric), and
 * every transaction a client saw as committed is on the ledger afterwards,
 * exactly once.
 */
import { expect } from 'chai';
import { loadGatewayConfig } from '@dec/fabric-client';
import { currentModel, setHostLink, sleep } from '@dec/test-network';
import { orgNamed, waitUntil } from './context';
import { figure, seconds } from './figures';
import { leaderAmong, validTxCounts, waitConverged } from './ledger';
import { BeaconLoad } from './load';

describe('multi-host: the Raft leader cut off', () => {
  it('a new leader is elected; every acknowledged transaction is on the ledger once', async () => {
    const { model } = currentModel();
    const config = loadGatewayConfig();
    const nodes = model.ordererOrg.nodes;
    const load = new BeaconLoad(config);
    try {
      load.start();
      await waitUntil('the load to commit', () => load.acked.length >= 5, 60_000);
      let leader = await leaderAmong(model, nodes, 'energy');
      await waitUntil('a Raft leader', async () => (leader = await leaderAmong(model, nodes, 'energy')) !== undefined, 30_000);
      const old = leader!;
      const cutAt = Date.now();
      await setHostLink(old.host, false);
      let elected = old;
      try {
        const rest = nodes.filter((n) => n.id !== old.id);
        await waitUntil('a new leader among the other orderers', async () => {
          const found = await leaderAmong(model, rest, 'energy');
          if (found) elected = found;
          return found !== undefined;
        }, 120_000);
        figure(`leader election after cutting off ${old.id} (${old.host.name})`, `${seconds(Date.now() - cutAt)}, new leader ${elected.id}`);
        const electedAt = Date.now();
        await waitUntil('commits under the new leader', () => load.ackedSince(electedAt) >= 10, 120_000);
      } finally {
        await setHostLink(old.host, true);
      }
      expect(elected.id).not.to.equal(old.id);
      await sleep(2000);
      const result = await load.stop();
      const views = await waitConverged(model, 'energy', 180_000);
      const counts = await validTxCounts(orgNamed(config, 'PlatformMSP'), 'energy', views[0]!.height);
      figure('transactions acknowledged across the leader change', `${result.acked.length} (${result.failures} client failures)`);
      expect(result.acked.filter((a) => counts.get(a.txId) !== 1), 'acknowledged but not on the ledger exactly once').to.deep.equal([]);
      expect(new Set(result.acked.map((a) => a.txId)).size).to.equal(result.acked.length);
    } finally {
      await load.stop();
      load.close();
    }
  });
});
