/**
 * The explorer's Governance page in headless Chromium against the real network
 * (beside elections.it.test.ts, so that it runs after it, on the same network): a
 * member opens it from the navigation and sees the seated committee and its
 * term, the elections with their results, and the proposal rounds with each
 * proposal's tally and the 10 % rule applied. Screenshot:
 * test-results/screenshots/explorer-governance.png.
 */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer } from '@dec/explorer-ui';
import { startApi } from '@dec/gateway-api';
import { REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot } from '../explorer/browser';

const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('explorer Governance page in headless Chromium (real network, gateway API)', function () {
  let page: Page;
  const stops: (() => Promise<void> | void)[] = [];

  before(async function () {
    this.timeout(300_000);
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: EXPLORER_DIR, stdio: 'inherit' });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-governance-ui-'));
    stops.push(() => { rmSync(dataDir, { recursive: true, force: true }); });
    const api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });
    stops.push(() => api.close());
    const explorer = await startExplorer({ root: BUNDLE_DIR, apiUrl: api.url, port: 0 });
    stops.push(() => explorer.close());
    const chromium = await launchChromium();
    stops.push(() => chromium.close());
    page = chromium.page;
    page.setDefaultTimeout(30_000);
    await page.goto(`${explorer.url}/#/`);
    await page.locator('[data-test=api-key]').fill(api.adminKeys.SupplierMSP ?? '');
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
  });

  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('shows the committee and its term, elections and results, and rounds with the 10 % rule applied', async function () {
    this.timeout(60_000);
    await page.locator('[data-test=nav-governance]').click();
    await page.locator('[data-test=gov-committee]').waitFor();
    expect(await page.locator('[data-test=gov-committee]').innerText()).to.match(/Term \d+ \((election|bootstrap)\)/);
    await page.locator('[data-test=gov-elections]').waitFor();
    expect(await page.locator('[data-test=gov-elections]').innerText()).to.contain('seated');
    await page.locator('[data-test=gov-rounds]').waitFor();
    const rounds = await page.locator('[data-test=gov-rounds]').innerText();
    expect(rounds).to.contain('approved (needs for > against × 1.1)');
    expect(rounds).to.contain('440 for / 400 against: not approved');
    expect(rounds).to.contain('(winner)');
    await screenshot(page, SHOTS, 'explorer-governance');
  });
});
