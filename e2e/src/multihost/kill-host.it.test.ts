/**
 * kill -9 every process of one host at once (its CA, peer and chaincode
 * server) under a bounded load, then restart them from the host's folder:
 * nothing acknowledged is lost, and the host's peer catches up.
 */
import { expect } from 'chai';
import { loadGatewayConfig } from '@dec/fabric-client';
import { currentModel, hostPids, restartHost, sleep } from '@dec/test-network';
import { orgNamed, waitUntil } from './context';
import { figure, seconds } from './figures';
import { validTxCounts, waitConverged } from './ledger';
import { BeaconLoad } from './load';

describe('multi-host: every process of one host killed', () => {
  it('after kill -9 and restart nothing acknowledged is lost', async () => {
    const { model } = currentModel();
    const config = loadGatewayConfig();
    const bank = orgNamed(model, 'BankMSP');
    const load = new BeaconLoad(config);
    try {
      load.start();
      await waitUntil('the load to commit, bank included', () => load.ackedSince(0, ['BankMSP']) >= 3, 60_000);
      const pids = await hostPids(bank.host);
      expect(pids.length, 'processes on bank-host').to.be.greaterThanOrEqual(3);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      await waitUntil('the others to commit while bank-host is down', () => load.ackedSince(killedAt, ['PlatformMSP', 'GridMSP']) >= 5, 120_000);
      const restarted = await restartHost(model, bank.host);
      figure(`bank-host restarted from its folder (${restarted.join(', ')} healthy)`, `${seconds(Date.now() - killedAt)} after the kill`);
      expect(restarted).to.have.members(['bank-ca', 'bank-peer0', 'bank-energy']);
      await sleep(3000);
      const result = await load.stop();
      const views = await waitConverged(model, 'energy', 180_000);
      const counts = await validTxCounts(orgNamed(config, 'BankMSP'), 'energy', views[0]!.height);
      figure('transactions acknowledged across the kill', `${result.acked.length}, ${result.acked.filter((a) => a.org === 'BankMSP').length} of them by bank's clients`);
      expect(result.acked.filter((a) => counts.get(a.txId) !== 1), 'acknowledged but not on the restarted peer exactly once').to.deep.equal([]);
    } finally {
      await load.stop();
      load.close();
    }
  });
});
