/**
 * Crowdfunding (issue 16) on the real network, through the gateway's REST
 * routes the way fundraisers, funders and the platform reach it: one campaign
 * that succeeds (subscriptions, certificates, a split transfer, a budgeted
 * drawdown, revenue, a dividend period paid to the new holder, once) and one
 * that fails (every funder refunded to the unit), with the token audit ok.
 * Revenue also arrives by the wiring of issue 16 item 1: the fundraiser's
 * station assigns its market proceeds to the project, a PPA slot settles, and
 * the DECC dividend pays the certificate's new holder its share.
 * Both campaigns run side by side so their waits (the failing one's
 * deadline, the one-minute dividend period, the PPA slot) overlap.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient, Reply } from '../fixtures/api-client';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import { ActorPool } from '../fixtures/actors';
import { postRate } from '../fixtures/committee';
import { enrollOperator } from '../fixtures/energy-fleet';
import { agreePpa, buildStation, MINUTE, sellerNet, sellerReading, type RevenueStation } from './revenue-station';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const DEC = (whole: number): string => (BigInt(whole) * 10n ** 18n).toString();
const CF = '/api/v1/energy/crowdfunding';

interface Project {
  id: string;
  status: string;
  raised: string;
  refunded: string;
  closedAt?: string;
  deadline: string;
  balances: { escrow: string; revenue: { DEC: string } };
}

/** A submit right after another org's commit may reach a peer a block behind: retry the transient answers briefly. */
async function retrying(call: () => Promise<Reply>, what: string): Promise<Record<string, unknown>> {
  let last: Reply | undefined;
  for (let i = 0; i < 40; i++) {
    last = await call();
    if (last.status === 200) return last.body as Record<string, unknown>;
    if (![404, 409, 503].includes(last.status)) break;
    await sleep(500);
  }
  throw new Error(`${what}: HTTP ${last?.status} ${JSON.stringify(last?.body)}`);
}

async function tx<T = Record<string, unknown>>(who: ApiClient, path: string, body: unknown): Promise<T> {
  return (await retrying(() => who.post(path, body), path)).result as T;
}

/** The refusal of a bad input: HTTP 400 naming the field, and nothing committed. */
async function refused(who: ApiClient, path: string, body: unknown, field: string): Promise<string> {
  const r = await who.post(path, body);
  expect(r.status, JSON.stringify(r.body)).to.equal(400);
  expect(JSON.stringify(r.body)).to.contain(field);
  return JSON.stringify(r.body);
}

describe('crowdfunding through the gateway (issue 16)', function () {
  this.timeout(300_000);
  let world: ApiWorld;
  let operator: ApiClient;
  let gridOp: ApiClient;
  let station: RevenueStation;
  let ppaSlot = 0;
  let ppaId = '';
  /** DECC base units the station's assignment pays the project (less than the slot's net proceeds). */
  const CAP = 500n;
  const DELIVERED_WH = 10_000n;
  const users: Record<string, { client: ApiClient; eid: string }> = {};

  const balance = async (name: string): Promise<bigint> =>
    BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: users[name]!.eid, asset: 'DEC' })).balance);
  const project = (id: string): Promise<Project> => tx<Project>(operator, `${CF}/get-project`, { projectId: id });

  async function onboard(name: string, mspId: string, roles: string[]): Promise<void> {
    const client = await world.newUser(mspId, `cf-${name}`);
    const reg = await tx<{ eid: string }>(client, '/api/v1/energy/identity/register', { kycHash: sha256(`${name}-${world.run}`), roles });
    await tx(operator, '/api/v1/energy/identity/approve', { eid: reg.eid });
    users[name] = { client, eid: reg.eid };
  }

  function plan(overrides: Record<string, unknown>): Record<string, unknown> {
    return {
      fundraiser: users.fundraiser!.eid,
      title: `Rooftop PV ${world.run}`,
      target: DEC(1000),
      minSubscription: DEC(10),
      maxSubscription: DEC(600),
      deadline: new Date(Date.now() + 10 * 60_000).toISOString(),
      budget: [{ purpose: 'panels', amount: DEC(700) }, { purpose: 'installation', amount: DEC(300) }],
      dividend: { shareBps: 8000, periodMinutes: 1 },
      documents: [sha256(`prospectus-${world.run}`)],
      ...overrides,
    };
  }

  async function launched(overrides: Record<string, unknown>): Promise<string> {
    const fundraiser = users.fundraiser!.client;
    const p = await tx<Project>(fundraiser, `${CF}/submit-plan`, plan(overrides));
    await tx(operator, `${CF}/audit-plan`, { projectId: p.id, approve: true, note: 'deposit held, no arrears' });
    await tx(fundraiser, `${CF}/launch`, { projectId: p.id });
    return p.id;
  }

  let success = '';
  let failing = '';
  const subscribe = (name: string, projectId: string, amount: string) => tx(users[name]!.client, `${CF}/subscribe`, { projectId, funder: users[name]!.eid, amount });

  before(async function () {
    this.timeout(300_000);
    world = await startApiWorld();
    operator = await world.newUser('PlatformMSP', 'cf-operator', { role: 'operator' });
    gridOp = await world.newUser('GridMSP', 'cf-gridop', { role: 'operator' });
    const genesis = (await retrying(() => operator.get('/api/v1/energy/token/get-genesis'), 'get genesis')).result as { genesis?: unknown } | null;
    if (!genesis?.genesis) await tx(operator, '/api/v1/energy/token/genesis', {});
    await Promise.all([
      onboard('fundraiser', 'SupplierMSP', ['fundraiser', 'producer']),
      onboard('f1', 'BankMSP', ['funder']),
      onboard('f2', 'BankMSP', ['funder']),
      onboard('f3', 'LessorMSP', ['funder']),
      onboard('buyer', 'BankMSP', ['consumer']),
      onboard('seller', 'LessorMSP', ['seller']),
    ]);
    const payouts = ['fundraiser', 'f1', 'f2', 'f3', 'seller', 'buyer'].map((n) => ({ to: users[n]!.eid, amount: DEC(1000) }));
    await tx(operator, '/api/v1/energy/token/release-batch', { pool: 'others', batchId: `cf-${world.run}`, payouts });
    await tx(users.fundraiser!.client, '/api/v1/energy/token/lock-deposit', { account: users.fundraiser!.eid, amount: DEC(20) });
    await tx(users.seller!.client, '/api/v1/energy/token/lock-deposit', { account: users.seller!.eid, amount: DEC(10) });
    // The station's buyer pays its PPA in DECC: a rate must be posted (only under a committee decision).
    const rate = (await retrying(() => operator.get('/api/v1/energy/token/get-rate'), 'get rate')).result as { deccPerDec?: string } | null;
    if (!rate?.deccPerDec) {
      const pool = new ActorPool();
      try {
        await postRate(pool, await enrollOperator(pool), '1');
      } finally {
        pool.close();
      }
    }
    await tx(users.buyer!.client, '/api/v1/energy/token/lock-deposit', { account: users.buyer!.eid, amount: DEC(10) });
    await tx(users.buyer!.client, '/api/v1/energy/token/mint-decc', { account: users.buyer!.eid, decAmount: DEC(50) });
    station = await buildStation(tx, world.run, operator, gridOp, users.fundraiser!, users.buyer!);
  });

  after(async () => {
    await world.close();
  });

  it('a plan is audited and launched; subscriptions escrow DEC within the per-funder limits; at the target the campaign succeeds', async () => {
    success = await launched({ closeOnTarget: true });
    failing = await launched({ deadline: new Date(Date.now() + 40_000).toISOString(), closeOnTarget: false });
    await subscribe('f1', success, DEC(600));
    await refused(users.f2!.client, `${CF}/subscribe`, { projectId: success, funder: users.f2!.eid, amount: DEC(601) }, 'request.amount');
    await subscribe('f2', success, DEC(400));
    const closed = await tx<Project>(operator, `${CF}/close`, { projectId: success });
    expect(closed.status).to.equal('succeeded');
    const certs = await tx<{ items: { holder: string; units: string }[] }>(operator, `${CF}/certificates`, { projectId: success });
    expect(certs.items.map((c) => [c.holder, c.units])).to.deep.equal([[users.f1!.eid, DEC(600)], [users.f2!.eid, DEC(400)]]);
  });

  it("the station's market revenue is assigned to the succeeded project (not to one still open); a PPA slot is agreed", async () => {
    const fundraiser = users.fundraiser!;
    const open = await fundraiser.client.post('/api/v1/energy/market/assign-revenue', { meter: station.sellerMeter, beneficiary: failing, cap: CAP.toString() });
    expect(open.status, JSON.stringify(open.body)).to.equal(409);
    expect(JSON.stringify(open.body)).to.contain('revenue can be assigned only to a succeeded project');
    const asg = await tx<{ beneficiary: string; status: string }>(fundraiser.client, '/api/v1/energy/market/assign-revenue', { meter: station.sellerMeter, beneficiary: success, cap: CAP.toString(), ref: 'crowdfunded PV' });
    expect(asg).to.include({ beneficiary: success, status: 'active' });
    ppaSlot = Math.ceil((Date.now() + 25_000) / MINUTE) * MINUTE;
    ppaId = await agreePpa(tx, station, fundraiser, users.buyer!, ppaSlot, DELIVERED_WH);
  });

  it('a certificate is split to a new holder; drawdowns stay inside the budget; revenue accrues', async () => {
    const moved = await tx<{ to: { id: string; holder: string } }>(users.f1!.client, `${CF}/transfer-certificate`, { certificateId: `${success}/0`, to: users.buyer!.eid, units: DEC(200) });
    expect(moved.to.holder).to.equal(users.buyer!.eid);
    const draw = { projectId: success, purpose: 'marketing', amount: DEC(1), evidenceHash: sha256('invoice') };
    await refused(users.fundraiser!.client, `${CF}/drawdown`, draw, 'request.purpose');
    await refused(users.fundraiser!.client, `${CF}/drawdown`, { ...draw, purpose: 'installation', amount: DEC(301) }, 'request.amount');
    await tx(users.fundraiser!.client, `${CF}/drawdown`, { ...draw, purpose: 'installation', amount: DEC(300) });
    await tx(users.fundraiser!.client, `${CF}/pay-revenue`, { projectId: success, from: users.fundraiser!.eid, asset: 'DEC', amount: '1000000000000000001' });
    const p = await project(success);
    expect(p.balances).to.deep.include({ escrow: DEC(700) });
    expect(p.balances.revenue.DEC).to.equal('1000000000000000001');
  });

  it('a fixed-purpose store purchase: the project pays a store order from its escrow within the budget; the seller is paid, not the fundraiser', async () => {
    const seller = users.seller!;
    const fundraiser = users.fundraiser!;
    const product = await tx<{ id: string }>(seller.client, '/api/v1/energy/store/list-product', { seller: seller.eid, title: 'PV panel 400 W', category: 'pv-panels', detailHash: sha256('spec'), asset: 'DEC', price: DEC(350), stock: 5 });
    const buy = { projectId: success, purpose: 'panels', productId: product.id, quantity: 3, evidenceHash: sha256('quote') };
    await refused(fundraiser.client, `${CF}/buy-for-purpose`, buy, 'request.quantity');
    await refused(fundraiser.client, `${CF}/buy-for-purpose`, { ...buy, purpose: 'marketing', quantity: 1 }, 'request.purpose');
    const fundraiserBefore = await balance('fundraiser');
    const sellerBefore = await balance('seller');
    const { order } = await tx<{ order: { id: string; payer: string; amount: string } }>(fundraiser.client, `${CF}/buy-for-purpose`, { ...buy, quantity: 2 });
    expect(order.amount).to.equal(DEC(700));
    expect((await project(success)).balances.escrow).to.equal('0');
    await tx(seller.client, '/api/v1/energy/store/ship', { orderId: order.id, logisticsHash: sha256(`waybill-${world.run}`) });
    await tx(fundraiser.client, '/api/v1/energy/store/confirm', { orderId: order.id });
    expect(await balance('seller')).to.equal(sellerBefore + BigInt(DEC(700)));
    expect(await balance('fundraiser')).to.equal(fundraiserBefore);
  });

  it('the failing campaign refuses subscriptions after its deadline, fails, and refunds every funder to the unit', async () => {
    const before = { f1: await balance('f1'), f3: await balance('f3') };
    await subscribe('f1', failing, DEC(100));
    await subscribe('f3', failing, '123456789012345678901');
    const p = await project(failing);
    await sleep(Math.max(0, Date.parse(p.deadline) - Date.now() + 2000));
    await refused(users.f2!.client, `${CF}/subscribe`, { projectId: failing, funder: users.f2!.eid, amount: DEC(10) }, 'request.projectId');
    expect((await tx<Project>(operator, `${CF}/close`, { projectId: failing })).status).to.equal('failed');
    await tx(operator, `${CF}/refund`, { projectId: failing, pageSize: 1 });
    const last = await tx<{ project: Project }>(operator, `${CF}/refund`, { projectId: failing, pageSize: 1 });
    expect(last.project.status).to.equal('refunded');
    expect(await balance('f1')).to.equal(before.f1);
    expect(await balance('f3')).to.equal(before.f3);
    expect((await project(failing)).balances.escrow).to.equal('0');
  });

  it('a DEC dividend period is paid pro rata to the holders at its declaration (the new holder too), once', async () => {
    const p = await project(success);
    await sleep(Math.max(0, Date.parse(p.closedAt ?? '') + 60_000 - Date.now() + 2000));
    const buyerBefore = await balance('buyer');
    const period = await tx<{ pool: string; ownerShare: string }>(users.fundraiser!.client, `${CF}/declare-dividend`, { projectId: success, asset: 'DEC', period: 1 });
    expect(period).to.include({ pool: '800000000000000000', ownerShare: '200000000000000001' });
    const paid = await tx<{ period: { status: string }; payouts: { holder: string; amount: string }[] }>(operator, `${CF}/pay-dividends`, { projectId: success, asset: 'DEC', period: 1, pageSize: 100 });
    expect(paid.period.status).to.equal('paid');
    const toBuyer = paid.payouts.find((x) => x.holder === users.buyer!.eid);
    expect(toBuyer?.amount).to.equal('160000000000000000');
    expect(await balance('buyer')).to.equal(buyerBefore + 160000000000000000n);
    await refused(users.fundraiser!.client, `${CF}/declare-dividend`, { projectId: success, asset: 'DEC', period: 1 }, 'request.period');
  });

  it('the PPA slot settles: the assignment pays the project, and the DECC dividend pays the new holder its share; the token audit holds', async () => {
    const until = (ms: number): Promise<void> => sleep(Math.max(0, ms + 1500 - Date.now()));
    await until(ppaSlot);
    await sellerReading(tx, station, gridOp, 1, ppaSlot, 1_000n);
    await until(ppaSlot + MINUTE);
    await sellerReading(tx, station, gridOp, 2, ppaSlot + MINUTE, 1_000n + DELIVERED_WH);
    const deccOf = async (name: string): Promise<bigint> => BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: users[name]!.eid, asset: 'DECC' })).balance);
    const stationBefore = await deccOf('fundraiser');
    await tx(users.fundraiser!.client, '/api/v1/energy/market/settle-ppa', { ppaId, slot: new Date(ppaSlot).toISOString() });
    // The slot's net proceeds: CAP to the project's revenue account, the rest to the station.
    expect(await deccOf('fundraiser')).to.equal(stationBefore + sellerNet(DELIVERED_WH) - CAP);
    const p = await tx<Project & { revenue: { DECC: string }; balances: { revenue: { DECC: string } } }>(operator, `${CF}/get-project`, { projectId: success });
    expect(p.revenue.DECC).to.equal(CAP.toString());
    expect(p.balances.revenue.DECC).to.equal(CAP.toString());

    const buyerBefore = await deccOf('buyer');
    const period = await tx<{ pool: string; ownerShare: string }>(users.fundraiser!.client, `${CF}/declare-dividend`, { projectId: success, asset: 'DECC', period: 1 });
    expect(period).to.include({ pool: '400', ownerShare: '100' });
    const paid = await tx<{ period: { status: string }; payouts: { holder: string; amount: string }[] }>(operator, `${CF}/pay-dividends`, { projectId: success, asset: 'DECC', period: 1, pageSize: 100 });
    expect(paid.period.status).to.equal('paid');
    // Certificates: f1 400 DEC (after the split), f2 400, the new holder 200, of 1000: 160, 160, 80.
    expect(paid.payouts.map((x) => [x.holder, x.amount])).to.deep.equal([[users.f1!.eid, '160'], [users.f2!.eid, '160'], [users.buyer!.eid, '80']]);
    expect(await deccOf('buyer')).to.equal(buyerBefore + 80n);
    const audit = (await retrying(() => world.regulator.get('/api/v1/energy/token/audit'), 'audit')).result as { ok: boolean; checks: unknown[] };
    expect(audit.ok, JSON.stringify(audit.checks)).to.equal(true);
  });
});
