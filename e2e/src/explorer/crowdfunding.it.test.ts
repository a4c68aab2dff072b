/**
 * The explorer's crowdfunding and store pages in headless Chromium against
 * the real network (issue 16, item 4): a campaign reaches its target, a
 * certificate is split to a new holder, a budgeted drawdown and a store order
 * paid from the project, revenue and one dividend period paid; then the
 * regulator opens the project's page (progress chart, funders, drawdowns
 * against budget, dividends paid), the new holder's certificates, and the
 * store's orders (paged list, status filter, CSV export).
 * Screenshots: test-results/screenshots/explorer-crowdfunding-project.png,
 * explorer-certificate-holder.png, explorer-store-orders.png.
 */
import { BUNDLE_DIR, EXPLORER_DIR, startExplorer } from '@dec/explorer-ui';
import { REPO_ROOT } from '@dec/network';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient, Reply } from '../fixtures/api-client';
import { launchChromium, screenshot } from './browser';

const VITE = path.join(path.dirname(require.resolve('vite/package.json', { paths: [EXPLORER_DIR] })), 'bin', 'vite.js');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const DEC = (whole: number): string => (BigInt(whole) * 10n ** 18n).toString();
const CF = '/api/v1/energy/crowdfunding';

/** A submit right after another org's commit may reach a peer a block behind: retry the transient answers briefly. */
async function tx<T = Record<string, unknown>>(who: ApiClient, route: string, body: unknown): Promise<T> {
  let last: Reply | undefined;
  for (let i = 0; i < 40; i++) {
    last = await who.post(route, body);
    if (last.status === 200) return (last.body as { result: T }).result;
    if (![404, 409, 503].includes(last.status)) break;
    await sleep(500);
  }
  throw new Error(`${route}: HTTP ${String(last?.status)} ${JSON.stringify(last?.body)}`);
}

async function caughtUp(client: ApiClient, channel: string): Promise<void> {
  const height = Number((await client.get<{ height: string }>(`/api/v1/ledger/${channel}`)).body.height);
  for (let i = 0; i < 480; i++) {
    if (Number((await client.get<{ indexedHeight: string }>(`/api/v1/index/${channel}`)).body.indexedHeight) >= height) return;
    await sleep(250);
  }
  throw new Error(`index of ${channel} did not reach ${String(height)}`);
}

describe('explorer crowdfunding, certificate holder and store orders pages in headless Chromium (real network, issue 16)', function () {
  let w: ApiWorld;
  let page: Page;
  let url: string;
  let projectId = '';
  let orderId = '';
  const users: Record<string, { client: ApiClient; eid: string }> = {};
  const stops: (() => Promise<void> | void)[] = [];

  async function onboard(operator: ApiClient, name: string, mspId: string, roles: string[]): Promise<void> {
    const client = await w.newUser(mspId, `xcf-${name}`);
    const reg = await tx<{ eid: string }>(client, '/api/v1/energy/identity/register', { kycHash: sha256(`x-${name}-${w.run}`), roles });
    await tx(operator, '/api/v1/energy/identity/approve', { eid: reg.eid });
    users[name] = { client, eid: reg.eid };
  }

  before(async function () {
    this.timeout(360_000);
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

    const operator = await w.newUser('PlatformMSP', 'xcf-operator', { role: 'operator' });
    const genesis = (await operator.get('/api/v1/energy/token/get-genesis')).body as { result?: { genesis?: unknown } | null };
    if (!genesis.result?.genesis) await tx(operator, '/api/v1/energy/token/genesis', {});
    await Promise.all([
      onboard(operator, 'fundraiser', 'SupplierMSP', ['fundraiser']),
      onboard(operator, 'f1', 'BankMSP', ['funder']),
      onboard(operator, 'f2', 'LessorMSP', ['funder']),
      onboard(operator, 'heir', 'BankMSP', ['funder']),
      onboard(operator, 'seller', 'LessorMSP', ['seller']),
    ]);
    const payouts = ['fundraiser', 'f1', 'f2', 'seller'].map((n) => ({ to: users[n]!.eid, amount: DEC(1000) }));
    await tx(operator, '/api/v1/energy/token/release-batch', { pool: 'others', batchId: `xcf-${w.run}`, payouts });
    const fundraiser = users.fundraiser!.client;
    await tx(fundraiser, '/api/v1/energy/token/lock-deposit', { account: users.fundraiser!.eid, amount: DEC(20) });
    await tx(users.seller!.client, '/api/v1/energy/token/lock-deposit', { account: users.seller!.eid, amount: DEC(10) });

    const p = await tx<{ id: string }>(fundraiser, `${CF}/submit-plan`, {
      fundraiser: users.fundraiser!.eid, title: `Explorer PV ${w.run}`, target: DEC(1000), minSubscription: DEC(10), maxSubscription: DEC(600),
      deadline: new Date(Date.now() + 10 * 60_000).toISOString(), closeOnTarget: true,
      budget: [{ purpose: 'panels', amount: DEC(700) }, { purpose: 'installation', amount: DEC(300) }], dividend: { shareBps: 8000, periodMinutes: 1 }, documents: [sha256('prospectus')],
    });
    projectId = p.id;
    await tx(operator, `${CF}/audit-plan`, { projectId, approve: true });
    await tx(fundraiser, `${CF}/launch`, { projectId });
    await tx(users.f1!.client, `${CF}/subscribe`, { projectId, funder: users.f1!.eid, amount: DEC(600) });
    await tx(users.f2!.client, `${CF}/subscribe`, { projectId, funder: users.f2!.eid, amount: DEC(400) });
    const closed = await tx<{ closedAt: string }>(operator, `${CF}/close`, { projectId });
    await tx(users.f1!.client, `${CF}/transfer-certificate`, { certificateId: `${projectId}/0`, to: users.heir!.eid, units: DEC(200) });
    await tx(fundraiser, `${CF}/drawdown`, { projectId, purpose: 'installation', amount: DEC(300), evidenceHash: sha256('invoice') });
    const product = await tx<{ id: string }>(users.seller!.client, '/api/v1/energy/store/list-product', { seller: users.seller!.eid, title: 'PV panel 400 W', category: 'pv-panels', detailHash: sha256('spec'), asset: 'DEC', price: DEC(350), stock: 5 });
    const bought = await tx<{ order: { id: string } }>(fundraiser, `${CF}/buy-for-purpose`, { projectId, purpose: 'panels', productId: product.id, quantity: 2, evidenceHash: sha256('quote') });
    orderId = bought.order.id;
    await tx(users.seller!.client, '/api/v1/energy/store/ship', { orderId, logisticsHash: sha256(`waybill-${w.run}`) });
    await tx(fundraiser, `${CF}/pay-revenue`, { projectId, from: users.fundraiser!.eid, asset: 'DEC', amount: DEC(10) });
    await sleep(Math.max(0, Date.parse(closed.closedAt) + 60_000 - Date.now() + 2000));
    await tx(fundraiser, `${CF}/declare-dividend`, { projectId, asset: 'DEC', period: 1 });
    await tx(operator, `${CF}/pay-dividends`, { projectId, asset: 'DEC', period: 1, pageSize: 100 });
    await caughtUp(w.regulator, 'energy');
  });

  after(async function () {
    this.timeout(60_000);
    for (const stop of stops.reverse()) await stop();
  });

  it("the regulator opens the project from the navigation: progress to target on a chart, funders, drawdowns against budget, dividends paid", async function () {
    this.timeout(90_000);
    await page.goto(`${url}/#/`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.locator('[data-test=api-key]').fill(w.regulator.key ?? '');
    await page.locator('[data-test=signin-submit]').click();
    await page.locator('[data-test=who]').waitFor();
    await page.locator('[data-test=nav-projects]').click();
    await page.locator(`[data-test=project-link]:has-text("${projectId}")`).click();
    await page.locator('[data-test=progress-chart][data-ready=true]').waitFor();
    expect(await page.locator('[data-test=project-status]').textContent()).to.equal('succeeded');
    expect(await page.locator('[data-test=project-raised]').textContent()).to.contain('100.0 %');
    expect(await page.locator('[data-test=funders] tbody tr').count()).to.equal(3);
    expect((await page.locator('[data-test=budget] tbody tr').allTextContents()).join('|')).to.contain('installation300 DEC300 DEC').and.contain('panels700 DEC700 DEC');
    expect(await page.locator('[data-test=drawdowns] tbody tr').count()).to.equal(2);
    expect(await page.locator('[data-test=periods] tbody tr').count()).to.equal(1);
    expect(await page.locator('[data-test=dividends-paid]').textContent()).to.contain('8 DEC');
    await screenshot(page, SHOTS, 'explorer-crowdfunding-project');
  });

  it("the certificate's new holder is shown with its units and share of the raise", async function () {
    this.timeout(60_000);
    await page.locator(`a[href="#/certificates/${encodeURIComponent(users.heir!.eid)}"]`).first().click();
    await page.locator('[data-test=holder-certificates]').waitFor();
    const rows = await page.locator('[data-test=holder-certificates] tbody tr').allTextContents();
    expect(rows).to.have.length(1);
    expect(rows[0]).to.contain(`${projectId}/2`).and.contain('200 DEC').and.contain('20.00 %');
    await screenshot(page, SHOTS, 'explorer-certificate-holder');
  });

  it("the store's orders: a paged list with a status filter and CSV export", async function () {
    this.timeout(60_000);
    await page.locator('[data-test=nav-store-orders]').click();
    await page.locator('[data-test=store-orders]').waitFor();
    expect(await page.locator('[data-test=order-id]').allTextContents()).to.include(orderId);
    await page.locator('[data-test=filter-status]').selectOption('shipped');
    await page.locator('[data-test=store-orders-list] form button[type=submit]').click();
    await page.locator('[data-test=store-orders]').waitFor();
    const statuses = await page.locator('[data-test=order-status]').allTextContents();
    expect(statuses.length).to.be.greaterThan(0);
    expect(new Set(statuses)).to.deep.equal(new Set(['shipped']));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=store-orders-list] [data-test=csv-export]').first().click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).to.contain('value.status');
    expect(csv).to.contain(orderId);
    await screenshot(page, SHOTS, 'explorer-store-orders');
  });
});
