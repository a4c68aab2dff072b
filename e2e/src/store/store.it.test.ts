/**
 * The new-energy store (issue 16, white paper 4.1.4) on the real network,
 * through the gateway's REST routes: a seller with a locked deposit lists a
 * product, a buyer finds it by category and text, buys into escrow (more than
 * the stock refused), the seller ships with a logistics hash, only the buyer
 * confirms, the seller is paid to the unit and rated; the rating aggregate
 * counts it and the token audit holds.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient, Reply } from '../fixtures/api-client';
import { startApiWorld, type ApiWorld } from '../api/api-world';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const DEC = (whole: number): string => (BigInt(whole) * 10n ** 18n).toString();
const ST = '/api/v1/energy/store';

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

describe('the store through the gateway (issue 16)', function () {
  this.timeout(300_000);
  let world: ApiWorld;
  let operator: ApiClient;
  const users: Record<string, { client: ApiClient; eid: string }> = {};
  const balance = async (name: string): Promise<bigint> =>
    BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: users[name]!.eid, asset: 'DEC' })).balance);

  async function onboard(name: string, mspId: string, roles: string[]): Promise<void> {
    const client = await world.newUser(mspId, `st-${name}`);
    const reg = await tx<{ eid: string }>(client, '/api/v1/energy/identity/register', { kycHash: sha256(`${name}-${world.run}`), roles });
    await tx(operator, '/api/v1/energy/identity/approve', { eid: reg.eid });
    users[name] = { client, eid: reg.eid };
  }

  before(async function () {
    this.timeout(300_000);
    world = await startApiWorld();
    operator = await world.newUser('PlatformMSP', 'st-operator', { role: 'operator' });
    const genesis = (await retrying(() => operator.get('/api/v1/energy/token/get-genesis'), 'get genesis')).result as { genesis?: unknown } | null;
    if (!genesis?.genesis) await tx(operator, '/api/v1/energy/token/genesis', {});
    await Promise.all([onboard('seller', 'LessorMSP', ['seller']), onboard('buyer', 'BankMSP', ['consumer']), onboard('other', 'BankMSP', ['consumer'])]);
    const payouts = ['seller', 'buyer'].map((n) => ({ to: users[n]!.eid, amount: DEC(1000) }));
    await tx(operator, '/api/v1/energy/token/release-batch', { pool: 'others', batchId: `st-${world.run}`, payouts });
    await tx(users.seller!.client, '/api/v1/energy/token/lock-deposit', { account: users.seller!.eid, amount: DEC(10) });
  });

  after(async () => {
    await world.close();
  });

  it('an order goes from listing to rating: search, escrow, shipment, confirmation by the buyer only, payment, rating', async () => {
    const seller = users.seller!;
    const buyer = users.buyer!;
    const category = `pv-${world.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40);
    const product = await tx<{ id: string }>(seller.client, `${ST}/list-product`, { seller: seller.eid, title: 'PV panel 400 W mono', category, detailHash: sha256('spec'), asset: 'DEC', price: DEC(25), stock: 4 });
    await tx(seller.client, `${ST}/list-product`, { seller: seller.eid, title: 'Mounting rail kit', category, detailHash: sha256('rail'), asset: 'DEC', price: DEC(5), stock: 9 });
    const found = await tx<{ items: { id: string }[] }>(buyer.client, `${ST}/search`, { category, text: 'pv panel' });
    expect(found.items.map((p) => p.id)).to.deep.equal([product.id]);

    const tooMany = await buyer.client.post(`${ST}/buy`, { productId: product.id, buyer: buyer.eid, quantity: 5 });
    expect(tooMany.status, JSON.stringify(tooMany.body)).to.equal(400);
    expect(JSON.stringify(tooMany.body)).to.contain('request.quantity');

    const sellerBefore = await balance('seller');
    const order = await tx<{ id: string; amount: string; holdId: string; status: string }>(buyer.client, `${ST}/buy`, { productId: product.id, buyer: buyer.eid, quantity: 3 });
    expect(order).to.include({ amount: DEC(75), status: 'paid' });
    expect(await balance('buyer')).to.equal(BigInt(DEC(925)));
    await tx(seller.client, `${ST}/ship`, { orderId: order.id, logisticsHash: sha256(`waybill-${world.run}`) });

    const stranger = await users.other!.client.post(`${ST}/confirm`, { orderId: order.id });
    expect(stranger.status, JSON.stringify(stranger.body)).to.equal(403);
    const done = await tx<{ status: string; settledBy: string }>(buyer.client, `${ST}/confirm`, { orderId: order.id });
    expect(done).to.include({ status: 'completed', settledBy: 'buyer' });
    expect(await balance('seller')).to.equal(sellerBefore + BigInt(DEC(75)));

    await tx(buyer.client, `${ST}/rate-seller`, { orderId: order.id, stars: 5, reviewHash: sha256('works well') });
    const rating = await tx<{ count: number; sum: number }>(operator, `${ST}/seller-rating`, { seller: seller.eid });
    expect(rating).to.include({ count: 1, sum: 5 });
    const mine = await tx<{ items: { id: string }[] }>(buyer.client, `${ST}/party-orders`, { party: buyer.eid, side: 'buyer' });
    expect(mine.items.map((o) => o.id)).to.include(order.id);
    const audit = (await retrying(() => world.regulator.get('/api/v1/energy/token/audit'), 'audit')).result as { ok: boolean; checks: unknown[] };
    expect(audit.ok, JSON.stringify(audit.checks)).to.equal(true);
  });
});
