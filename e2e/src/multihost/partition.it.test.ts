/**
 * Cut one org's host off the network (its link down) under a bounded load:
 * the other orgs keep committing; when the link is back, its peer catches up
 * to the same height and the same last block hash as every other peer, and
 * holds every transaction the clients saw committed.
 */
import { expect } from 'chai';
import { loadGatewayConfig } from '@dec/fabric-client';
import { currentModel, setHostLink, sleep } from '@dec/test-network';
import { figure, seconds } from './figures';
import { validTxCounts, waitConverged } from './ledger';
import { BeaconLoad } from './load';
import { orgNamed, waitUntil } from './context';

describe('multi-host: one org host cut off', () => {
  it('the others keep committing; back, its peer catches up to the same height, hash and transactions', async () => {
    const { model } = currentModel();
    const config = loadGatewayConfig();
    const grid = orgNamed(model, 'GridMSP');
    const others = ['PlatformMSP', 'BankMSP'];
    const load = new BeaconLoad(config);
    try {
      load.start();
      await waitUntil('the load to commit', () => load.acked.length >= 5, 60_000);
      const cutAt = Date.now();
      await setHostLink(grid.host, false);
      try {
        await waitUntil('the other orgs to commit 10 transactions while grid is cut off', () => load.ackedSince(cutAt, others) >= 10, 120_000);
      } finally {
        await setHostLink(grid.host, true);
      }
      const backAt = Date.now();
      figure('committed by the other orgs while grid-host was cut off', `${load.ackedSince(cutAt, others)} in ${seconds(backAt - cutAt)}`);
      await sleep(3000);
      const result = await load.stop();
      const views = await waitConverged(model, 'energy', 180_000);
      figure('catch-up of grid-host after the link came back (to the same height and block hash)', `${seconds(Date.now() - backAt)} (load stopped 3 s after; height ${views[0]?.height})`);
      expect(new Set(views.map((v) => v.height)).size).to.equal(1);
      expect(new Set(views.map((v) => v.currentBlockHash)).size).to.equal(1);
      const onGrid = await validTxCounts(orgNamed(config, 'GridMSP'), 'energy', views[0]!.height);
      const missing = result.acked.filter((a) => onGrid.get(a.txId) !== 1);
      expect(missing, 'acknowledged transactions not exactly once on the cut-off peer').to.deep.equal([]);
    } finally {
      await load.stop();
      load.close();
    }
  });
});
