/**
 * The explorer's Consortium page in headless Chromium against the real network
 * (the gateway API started here, the explorer's static server in front): an
 * org admin opens it from the navigation and sees every org's peers and every
 * orderer with health, ledger heights per channel and each channel's Raft
 * leader. Screenshot: test-results/screenshots/explorer-consortium.png.
 */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer } from '@dec/explorer-ui';
import { startApi } from '@dec/gateway-api';
import { loadTopology, REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';

const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('explorer Consortium page in headless Chromium (real network, gateway API)', function () {
  const topology = loadTopology();
  let page: Page;
  let url: string;
  let memberKey: string;
  const stops: (() => Promise<void> | void)[] = [];

  before(async function () {
    this.timeout(300_000);
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: EXPLORER_DIR, stdio: 'inherit' });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-consortium-ui-'));
    stops.push(() => { rmSync(dataDir, { recursive: true, force: true }); });
    const api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });
    stops.push(() => api.close());
    const explorer = await startExplorer({ root: BUNDLE_DIR, apiUrl: api.url, port: 0 });
    stops.push(() => explorer.close());
    url = explorer.url;
    memberKey = api.adminKeys.SupplierMSP ?? '';
    const chromium = await launchChromium();
    stops.push(() => chromium.close());
    page = chromium.page;
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}/#/`);
    await page.locator('[data-test=api-key]').fill(memberKey);
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
  });

  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('opens from the navigation and lists every peer and orderer of the topology, each healthy', async function () {
    this.timeout(60_000);
    await page.locator('[data-test=nav-consortium]').click();
    await page.locator('[data-test=peers]').waitFor();
    const peers = topology.orgs.flatMap((o) => Array.from({ length: o.peers }, (_, p) => `peer${String(p)}.${o.name}.${topology.domain}`));
    const orderers = Array.from({ length: topology.orderer.nodes }, (_, j) => `orderer${String(j)}.${topology.orderer.name}.${topology.domain}`);
    for (const name of [...peers, ...orderers]) {
      expect(await page.locator(`[data-test="health-${name}"]`).textContent(), name).to.equal('ok');
    }
    expect(await page.locator('[data-test=health-line]').textContent()).to.contain(`all ${String(peers.length + orderers.length)} nodes healthy`);
    expect(await page.locator('[data-test=channels] tbody tr').count()).to.equal(topology.channels.length);
    await screenshot(page, SHOTS, 'explorer-consortium');
  });

  it("shows each peer's ledger height per channel and one Raft leader per channel", async function () {
    this.timeout(60_000);
    await page.goto(`${url}/#/consortium`);
    await page.locator('[data-test=peers]').waitFor();
    const refused = await page.locator('[data-test=peers] >> text=/metrics (unauthorized|unreachable|error)/').count();
    expect(refused, 'peers whose /metrics the gateway cannot read (operations clientRootCAs)').to.equal(0);
    for (const channel of topology.channels) {
      expect(await page.locator(`[data-test=orderers] [data-test="leader-${channel.name}"]`).count(), `leaders of ${channel.name}`).to.equal(1);
      const heights = await page.locator(`[data-test=peers] [data-channel="${channel.name}"]`).allTextContents();
      expect(heights).to.have.length(channel.orgs.length);
      for (const text of heights) expect(Number(/: (\d+)/.exec(text)?.[1] ?? 0), text).to.be.greaterThan(0);
    }
    await screenshot(page, SHOTS, 'explorer-consortium-heights');
  });
});
