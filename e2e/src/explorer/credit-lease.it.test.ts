/**
 * The explorer's Lease and Credit pages in headless Chromium against the real
 * network (issue 18): a lease with an instalment due yesterday is partly
 * collected, the due-date check turns it late, then the instalment is repaid
 * late; the regulator opens the lease (rent due and collected chart, arrears,
 * timeline) and the project company's credit breakdown (score 600 − 40 arrears
 * − 15 late repayment). A bank without a financing request is refused the page.
 * Screenshots: test-results/screenshots/explorer-lease.png, explorer-credit.png,
 * explorer-credit-bank-refused.png.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- replies are JSON the tests read field by field */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer } from '@dec/explorer-ui';
import { REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, H, startApiWorld, type ApiWorld } from '../api/api-world';
import { launchChromium, screenshot } from './browser';

const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('explorer Lease and Credit pages in headless Chromium (real network, gateway API)', function () {
  let w: ApiWorld;
  let page: Page;
  let url: string;
  let subject: string;
  const leaseId = `EL${Date.now().toString(36)}`;
  const stops: (() => Promise<void> | void)[] = [];

  const signIn = async (key: string | undefined): Promise<void> => {
    await page.goto(`${url}/#/`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.locator('[data-test=api-key]').fill(key ?? '');
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
  };

  before(async function () {
    this.timeout(300_000);
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: EXPLORER_DIR, stdio: 'inherit' });
    w = await startApiWorld();
    stops.push(() => w.close());
    const explorer = await startExplorer({ root: BUNDLE_DIR, apiUrl: w.api.url, port: 0 });
    stops.push(() => explorer.close());
    url = explorer.url;
    const chromium = await launchChromium();
    stops.push(() => chromium.close());
    page = chromium.page;
    page.setDefaultTimeout(30_000);

    const apply = await w.projectCompany.post('/api/v1/scf/leasing/apply', {
      leaseId, stationId: `ST-${leaseId}`, constructionApprovalHash: H('c'), equipment: [{ description: 'PV module 450W', quantity: 10 }], supplier: `SupplierMSP:sup-${w.run}`, amount: '900',
    });
    expect(apply.status, JSON.stringify(apply.body)).to.equal(200);
    subject = apply.body.result.projectCompany as string;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const approved = await eventually(() => w.lessorOfficer.post('/api/v1/scf/leasing/approve', { leaseId, principal: '900', rateBps: 600, termMonths: 3, firstDueDate: yesterday }), (r) => r.status !== 404);
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const rent = BigInt(approved.body.result.schedule[0].rent as string);
    const part = await w.lessorOfficer.post('/api/v1/scf/leasing/record-rent-collected', { leaseId, instalment: 1, amount: '100', evidenceHash: H('1') });
    expect(part.status, JSON.stringify(part.body)).to.equal(200);
    const check = await w.supplier.post('/api/v1/scf/leasing/assess-arrears', { leaseId }); // anyone on the channel may run the due-date check
    expect(check.status, JSON.stringify(check.body)).to.equal(200);
    const rest = await w.lessorOfficer.post('/api/v1/scf/leasing/record-rent-collected', { leaseId, instalment: 1, amount: (rent - 100n).toString(), evidenceHash: H('2') });
    expect(rest.status, JSON.stringify(rest.body)).to.equal(200);
  });

  after(async function () {
    this.timeout(60_000);
    for (const stop of stops.reverse()) await stop();
  });

  it("the regulator opens a lease from the navigation: rent due and collected on a chart, arrears, the timeline", async function () {
    this.timeout(90_000);
    await signIn(w.regulator.key);
    await page.locator('[data-test=nav-leases]').click();
    await page.locator('input[name=id]').fill(leaseId);
    await page.locator('form.inline-form button[type=submit]').click();
    await page.locator('[data-test=lease-chart][data-ready=true]').waitFor();
    expect(await page.locator('[data-test=lease-status]').textContent()).to.equal('approved'); // the late instalment is repaid
    expect(await page.locator('[data-test=income-rows] tbody tr').count()).to.equal(2);
    await screenshot(page, SHOTS, 'explorer-lease');
  });

  it("the regulator follows the project company's link to its credit breakdown: each input's points and facts", async function () {
    this.timeout(60_000);
    await page.locator(`a[href="#/credit/${encodeURIComponent(subject)}"]`).click();
    await page.locator('[data-test=credit-inputs]').waitFor();
    expect(await page.locator('[data-test=score]').textContent()).to.equal('545');
    const inputs = await page.locator('[data-test=credit-inputs] tbody tr').allTextContents();
    expect(inputs.join('|')).to.contain('arrears1-40').and.contain('lateRent1-15');
    expect(await page.locator('[data-test=credit-facts] tbody tr').count()).to.equal(2);
    await screenshot(page, SHOTS, 'explorer-credit');
  });

  it('a bank officer without a financing request from the party is refused the credit page', async function () {
    this.timeout(60_000);
    await signIn(w.bankOfficer.key);
    await page.goto(`${url}/#/credit/${encodeURIComponent(subject)}`);
    await page.locator('[data-test=error]').waitFor();
    expect(await page.locator('[data-test=error]').textContent()).to.match(/ACCESS_DENIED|FORBIDDEN|seen by the regulator/);
    expect(await page.locator('[data-test=score]').count()).to.equal(0);
    await screenshot(page, SHOTS, 'explorer-credit-bank-refused');
  });
});
