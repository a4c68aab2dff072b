/**
 * The explorer's charging pages in headless Chromium on the real network
 * (issue 15 item 7), on activity made here through REST
 * (charging-scenario.ts): the service points with their connectors' states,
 * the sessions list and a session's timeline (start, meter readings, stop and
 * settlement), the maintenance orders with a status filter, a provider's
 * earnings chart, and a CSV export. Screenshots:
 * test-results/screenshots/charging-*.png.
 */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer, type RunningExplorer } from '@dec/explorer-ui';
import { REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import { launchChromium, screenshot } from './browser';
import { chargingActivity, type ChargingWorld } from './charging-scenario';

const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const shot = (page: Page, name: string) => screenshot(page, SHOTS, `charging-${name}`);

describe('explorer charging pages in headless Chromium (real network, issue 15)', function () {
  this.timeout(6 * 60_000);
  const stops: (() => Promise<void> | void)[] = [];
  let w: ApiWorld;
  let explorer: RunningExplorer;
  let page: Page;
  let made: ChargingWorld;

  before(async () => {
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: EXPLORER_DIR, stdio: 'inherit' });
    w = await startApiWorld();
    stops.push(() => w.close());
    const [operator, provider, driver, fixer] = await Promise.all([
      w.newUser('PlatformMSP', 'exc-op', { role: 'operator' }),
      w.newUser('SupplierMSP', 'exc-prov'),
      w.newUser('BankMSP', 'exc-driver'),
      w.newUser('LessorMSP', 'exc-fixer'),
    ]);
    made = await chargingActivity({ operator, provider, driver, fixer }, w.run);
    // The gateway's index follows the block stream: wait until it holds the chain's height.
    const height = Number((await w.regulator.get<{ height: string }>('/api/v1/ledger/energy')).body.height);
    for (let i = 0; i < 480; i++) {
      if (Number((await w.regulator.get<{ indexedHeight: string }>('/api/v1/index/energy')).body.indexedHeight) >= height) break;
      await sleep(250);
    }
    explorer = await startExplorer({ root: BUNDLE_DIR, apiUrl: w.api.url, port: 0 });
    stops.push(() => explorer.close());
    const chromium = await launchChromium();
    stops.push(() => chromium.close());
    page = chromium.page;
    page.setDefaultTimeout(30_000);
    await page.goto(`${explorer.url}/#/`);
    await page.locator('[data-test=api-key]').fill(w.regulator.key!);
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
  });

  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('lists the service points with their connectors\' states, paged, and exports them as CSV', async () => {
    await page.locator('[data-test=nav-charging]').click();
    const row = page.locator('[data-test=points-row]', { hasText: made.pointId });
    await row.waitFor();
    expect(await row.locator('[data-test=connector-states]').textContent()).to.match(/#1 22 kW available/).and.match(/#2 7 kW available/);
    await shot(page, '01-points');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=points-list] [data-test=csv-export]').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).to.contain('key').and.contain('value.provider');
    expect(csv).to.contain(made.pointId);
  });

  it('opens a session\'s timeline from the sessions list: start, meter readings, stop and settlement', async () => {
    await page.goto(`${explorer.url}/#/charging`);
    await page.locator('[data-test=sessions-filter]').selectOption('settled');
    await page.locator('[data-test=sessions-card] button[type=submit]').click();
    await page.locator(`[data-test=sessions-row] [data-test=session-link]:text-is("${made.sessionId}")`).click();
    await page.locator('[data-test=session-timeline] tbody tr').first().waitFor();
    const steps = await page.locator('[data-test=session-timeline] tbody tr td:nth-child(2)').allTextContents();
    expect(steps).to.deep.equal(['started (instant)', 'meter reading', 'meter reading', 'stopped and settled']);
    expect(await page.locator('[data-test=session-status]').textContent()).to.equal('settled');
    // 4 kWh at 300 per kWh: cost 1200, the platform keeps 10 %.
    expect(await page.locator('[data-test=session-timeline]').textContent()).to.contain('cost 1200, provider paid 1080, platform fee 120');
    await shot(page, '02-session-timeline');
  });

  it('lists maintenance orders filtered by status', async () => {
    await page.goto(`${explorer.url}/#/charging`);
    await page.locator('[data-test=orders-filter]').selectOption('paid');
    await page.locator('[data-test=orders-card] button[type=submit]').click();
    const row = page.locator('[data-test=orders-row]', { hasText: made.orderId });
    await row.waitFor();
    const statuses = await page.locator('[data-test=order-status]').allTextContents();
    expect(statuses.length).to.be.greaterThan(0);
    expect(new Set(statuses)).to.deep.equal(new Set(['paid']));
    await shot(page, '03-orders');
  });

  it('shows a provider\'s earnings over time as a chart', async () => {
    await page.goto(`${explorer.url}/#/charging/providers/${encodeURIComponent(made.providerEid)}`);
    await page.locator('[data-test=earnings-chart][data-ready=true]').waitFor();
    expect(await page.locator('[data-test=earning-sessions]').textContent()).to.equal('1');
    expect(await page.locator('[data-test=earned]').textContent()).to.equal('10.80 DECC');
    expect(await page.locator('[data-test=earning-rows] tbody tr').count()).to.equal(1);
    await shot(page, '04-earnings');
  });
});
