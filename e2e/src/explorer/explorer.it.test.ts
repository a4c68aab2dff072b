/**
 * The explorer in a real headless Chromium against the real network: the
 * gateway API (started here, as its own integration tests do) and the
 * explorer's static server in front of it. A regulator signs in, watches a
 * block commit live after a DEC transfer, opens its decoded transaction,
 * searches a receivable and reads its lifecycle; a platform-operator login
 * never gets to channel scf. Screenshots of the main pages go to
 * test-results/screenshots/explorer-*.png.
 */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer, type RunningExplorer } from '@dec/explorer-ui';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { ApiClient } from '../fixtures/api-client';
import { launchChromium, screenshot } from './browser';
import { newUser, receivableWithHistory, runId, tokenParties, transfer, type TokenParties } from './scenario';

/** The explorer's own vite (a dev dependency of explorer-ui), run in its folder. */
const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const shot = (page: Page, name: string) => screenshot(page, SHOTS, `explorer-${name}`);

describe('explorer UI in headless Chromium (real network, gateway API)', function () {
  const run = runId();
  let api: RunningApi;
  let explorer: RunningExplorer;
  let page: Page;
  /** How to stop what before() started, in the order it started them. */
  const stops: (() => Promise<void> | void)[] = [];
  let regulatorKey: string;
  let platformKey: string;
  let parties: TokenParties | undefined;
  let makeParties: () => Promise<TokenParties>;
  let receivableId: string;

  async function signIn(key: string): Promise<void> {
    await page.goto(`${explorer.url}/#/`);
    await page.locator('[data-test=api-key]').fill(key);
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
  }

  async function signOut(): Promise<void> {
    await page.locator('[data-test=signout]').click();
    await page.locator('[data-test=signin]').waitFor();
  }

  before(async function () {
    this.timeout(300_000);
    // Build the bundle from the current source, so the test never runs a stale dist/.
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: EXPLORER_DIR, stdio: 'inherit' });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-explorer-gateway-'));
    stops.push(() => { rmSync(dataDir, { recursive: true, force: true }); });
    api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });
    stops.push(() => api.close());
    explorer = await startExplorer({ root: BUNDLE_DIR, apiUrl: api.url, port: 0 });
    stops.push(() => explorer.close());
    const anon = new ApiClient(api.url);
    const admin = (msp: string) => anon.as(api.adminKeys[msp]);
    platformKey = api.adminKeys.PlatformMSP!;
    const [regulator, operator, payer, payee, projectCompany, lessorOfficer] = await Promise.all([
      newUser(admin('RegulatorMSP'), `ui-regulator-${run}`, { role: 'regulator' }),
      newUser(admin('PlatformMSP'), `ui-operator-${run}`, { role: 'operator' }),
      newUser(admin('BankMSP'), `ui-payer-${run}`),
      newUser(admin('SupplierMSP'), `ui-payee-${run}`),
      newUser(admin('LessorMSP'), `ui-pc-${run}`, { role: 'project-company', eid: `pc-${run}` }),
      newUser(admin('LessorMSP'), `ui-lessor-${run}`, { role: 'lessor-officer' }),
    ]);
    regulatorKey = regulator.key!;
    // Token parties are made by the transfer test itself: energy and scf activity fail independently.
    makeParties = () => tokenParties(operator, payer, payee, run);
    receivableId = await receivableWithHistory(projectCompany, lessorOfficer, `sup-${run}`, run);
    const chromium = await launchChromium();
    stops.push(() => chromium.close());
    page = chromium.page;
    page.setDefaultTimeout(30_000);
  });

  // Newest first: the browser, the explorer, the gateway, then its data folder; only what before() got to start.
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('signs a regulator in with an API key and shows both channels with height, orgs and chaincode versions', async () => {
    await page.goto(`${explorer.url}/`);
    await page.locator('[data-test=signin]').waitFor();
    await shot(page, '01-signin');
    await signIn(regulatorKey);
    expect(await page.locator('[data-test=who]').textContent()).to.contain('RegulatorMSP').and.contain('regulator');
    for (const channel of ['energy', 'scf']) {
      const card = page.locator(`[data-test=channel-${channel}]`);
      await card.locator('[data-test=height]').waitFor();
      expect(Number((await card.locator('[data-test=height]').textContent())!.replace(/,/g, ''))).to.be.greaterThan(0);
      expect(await card.locator('[data-test=chaincode]').textContent()).to.match(new RegExp(`^${channel} \\S+`));
      await card.locator(`[data-test=activity-${channel}][data-ready=true]`).waitFor();
      // The dashboard: latest blocks and transactions from the gateway's index, every peer of the channel with a height.
      await card.locator(`[data-test=latest-blocks-${channel}] tbody tr`).first().waitFor();
      await card.locator(`[data-test=latest-txs-${channel}] tbody tr`).first().waitFor();
      const heights = await card.locator(`[data-test=peers-${channel}] [data-test=peer-height]`).allTextContents();
      expect(heights.length, `peers of ${channel}`).to.be.at.least(channel === 'energy' ? 6 : 4);
      for (const height of heights) expect(height).to.match(/^\d+/);
      expect(await card.locator('[data-test=unavailable]').count()).to.equal(0);
    }
    await shot(page, '02-channels');
  });

  it('shows a new block live after a DEC transfer, and its transaction decoded: function, creator, endorsers', async () => {
    parties = await makeParties();
    await page.goto(`${explorer.url}/#/c/energy/blocks`);
    await page.locator('[data-test=block-row]').first().waitFor();
    await page.locator('[data-test=live-status]', { hasText: 'live' }).waitFor();
    expect(await page.locator('[data-test=block-row]').count()).to.equal(10);
    const sent = await transfer(parties, 5);
    expect(sent.validationCode).to.equal('VALID');
    const row = page.locator(`[data-test=block-row][data-number="${sent.blockNumber}"]`);
    await row.waitFor();
    expect(await row.textContent()).to.contain('token:Transfer');
    await shot(page, '03-blocks-live');

    await row.locator('a').click();
    await page.locator('[data-test=block-txs]').waitFor();
    await shot(page, '04-block');
    await page.locator(`a[href="#/c/energy/tx/${sent.transactionId}"]`).click();
    await page.locator('[data-test=tx]').waitFor();
    expect(await page.locator('[data-test=function]').textContent()).to.equal('token:Transfer');
    expect(await page.locator('[data-test=creator]').textContent()).to.match(/^BankMSP — ui-payer-/);
    expect(await page.locator('[data-test=validation]').textContent()).to.equal('VALID');
    expect((await page.locator('[data-test=endorsers]').textContent())!.split(', ').length).to.be.at.least(2);
    expect(await page.locator('main').textContent()).to.contain(parties.payeeEid);
    await shot(page, '05-transaction');
  });

  it('pages to older blocks without reading the whole chain', async () => {
    await page.goto(`${explorer.url}/#/c/energy/blocks`);
    const top = Number(await page.locator('[data-test=block-row]').first().getAttribute('data-number'));
    await page.locator('[data-test=older]').click();
    await page.locator(`[data-test=block-row][data-number="${top - 10}"]`).waitFor();
    expect(await page.locator('[data-test=block-row]').count()).to.equal(Math.min(10, top - 9));
    expect(await page.locator('[data-test=live-status]').textContent()).to.contain('paused');
    // Reported, not asserted (timings vary on a shared machine): how long the page's block reads took.
    console.log(`      ${await page.locator('[data-test=page-timing]').textContent()}`);
  });

  it('searches a receivable and shows its lifecycle as a timeline', async () => {
    await page.goto(`${explorer.url}/#/`);
    await page.locator('[data-test=search]').fill(receivableId);
    await page.locator('[data-test=search]').press('Enter');
    await page.locator('[data-test=search-hit]').first().waitFor();
    await page.getByText(`Receivable ${receivableId}: lifecycle`).click();
    const steps = page.locator('[data-test=lifecycle] > li');
    await steps.first().waitFor();
    const kinds = await Promise.all((await steps.all()).map((step) => step.getAttribute('data-kind')));
    expect(kinds).to.include.members(['lease', 'issue', 'split', 'collection']);
    expect(kinds.indexOf('issue')).to.be.lessThan(kinds.indexOf('split'));
    expect(await page.locator('[data-test=status]').textContent()).to.equal('split');
    await page.locator('[data-test=timeline]').waitFor();
    await shot(page, '06-receivable');
  });

  it('shows the domain pages: token supply chart, key history, alerts, meters and market', async () => {
    await page.goto(`${explorer.url}/#/tokens/${encodeURIComponent(parties?.payerEid ?? 'sys:fees')}`);
    await page.locator('[data-test=donut]').waitFor();
    await page.locator('[data-test=account]').waitFor();
    await shot(page, '07-tokens');
    await page.goto(`${explorer.url}/#/c/scf/history?objectType=lease&attributes=${receivableId}`);
    await page.locator('[data-test=timeline]').waitFor();
    await shot(page, '08-key-history');
    await page.goto(`${explorer.url}/#/alerts`);
    await page.locator('[data-test=alerts]').waitFor();
    await shot(page, '09-alerts');
    await page.goto(`${explorer.url}/#/meters`);
    await page.locator('main h1', { hasText: 'Meters' }).waitFor();
    await shot(page, '10-meters');
    await page.goto(`${explorer.url}/#/market`);
    await page.locator('main h1', { hasText: 'Market' }).waitFor();
    // The landing: zones and latest slots from the gateway's index (tables present even while no zone exists).
    await page.locator('[data-test=market-overview] [data-test=zones]').waitFor();
    await page.locator('[data-test=market-overview] [data-test=slots]').waitFor();
    await shot(page, '11-market');
  });

  it('never lets a platform-operator login open channel scf', async () => {
    await signOut();
    await signIn(platformKey);
    expect(await page.locator('[data-test=who]').textContent()).to.contain('PlatformMSP');
    await page.locator('[data-test=channel-energy]').waitFor();
    expect(await page.locator('[data-test=channel-scf]').count()).to.equal(0);
    expect(await page.locator('[data-test=nav-blocks-energy]').count()).to.equal(1);
    expect(await page.locator('[data-test=nav-blocks-scf]').count()).to.equal(0);
    await shot(page, '12-platform-channels');
    for (const hash of ['#/c/scf/blocks', '#/c/scf', `#/receivables/${receivableId}`, '#/alerts']) {
      await page.goto(`${explorer.url}/${hash}`);
      const denied = page.locator('[data-test=denied]');
      await denied.waitFor();
      expect(await denied.textContent(), hash).to.contain('PlatformMSP is not a member of channel scf');
    }
    await shot(page, '13-platform-scf-denied');
  });
});
