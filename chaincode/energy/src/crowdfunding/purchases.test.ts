/**
 * The fixed-purpose path on the in-memory ledger: a funded project pays a
 * store order from its escrow for a budgeted purpose; the money goes into the
 * order's hold and on confirmation to the seller, never to the fundraiser;
 * nothing outside the budget; a cancelled order's money returns to the escrow
 * and the purpose's budget line.
 */
import { expect } from 'chai';
import { dec, operator, user } from '../test-support/energy-world';
import { StoreContract } from '../store/contract';
import type { Order, Product as StoreProduct } from '../store/state';
import { CrowdfundingWorld, DAY, hash } from './cf-world';
import { escrowAccount, type Project } from './state';

describe('crowdfunding: fixed-purpose store purchases', () => {
  const w = new CrowdfundingWorld();
  const store = new StoreContract();
  const seller = user('pv-seller', 'LessorMSP');
  let sellerEid = '';
  let project: Project;
  let panel: StoreProduct;
  const st = async <T>(method: string, caller: typeof seller, input: unknown): Promise<T> => (await w.h.invoke(store, method, caller, [JSON.stringify(input)])).result as T;
  const escrow = async (): Promise<string> => (await w.cfCall<{ balances: { escrow: string } }>('GetProject', operator, { projectId: project.id })).balances.escrow;
  const buy = (quantity: number, purpose = 'panels'): Promise<{ project: Project; order: Order }> =>
    w.cfCall('BuyForPurpose', w.fundraiser, { projectId: project.id, purpose, productId: panel.id, quantity, evidenceHash: hash('quote') });

  before(async () => {
    await w.setup();
    sellerEid = await w.onboard(seller, ['seller']);
    await w.fundDec(sellerEid, 100);
    await w.call('token', 'LockDeposit', seller, { account: sellerEid, amount: dec(10) });
    panel = await st<StoreProduct>('ListProduct', seller, { seller: sellerEid, title: 'PV panel 400 W', category: 'pv-panels', detailHash: hash('spec'), asset: 'DEC', price: dec(100), stock: 20 });
    project = await w.openProject();
    const a = await w.funder('alice');
    const b = await w.funder('bob');
    await w.cfCall('Subscribe', a.caller, { projectId: project.id, funder: a.eid, amount: dec(600) });
    await w.cfCall('Subscribe', b.caller, { projectId: project.id, funder: b.eid, amount: dec(400) });
    w.h.advance(11 * DAY);
    project = await w.cfCall<Project>('Close', operator, { projectId: project.id });
  });

  it('refuses a purpose outside the budget, an amount beyond it, and anyone but the fundraiser, writing nothing', async () => {
    const before = w.stateFingerprint();
    expect((await w.cfFails('BuyForPurpose', w.fundraiser, { projectId: project.id, purpose: 'marketing', productId: panel.id, quantity: 1, evidenceHash: hash('q') })).message).to.match(/request\.purpose: is not in the budget/);
    expect((await w.cfFails('BuyForPurpose', w.fundraiser, { projectId: project.id, purpose: 'panels', productId: panel.id, quantity: 8, evidenceHash: hash('q') })).message).to.match(/request\.quantity: costs 800000000000000000000, which exceeds what the budget leaves for panels/);
    expect((await w.cfFails('BuyForPurpose', seller, { projectId: project.id, purpose: 'panels', productId: panel.id, quantity: 1, evidenceHash: hash('q') })).message).to.match(/not bound/);
    expect(w.stateFingerprint()).to.equal(before);
  });

  it('pays the order from the escrow into its hold, then to the seller on confirmation; the fundraiser receives nothing', async () => {
    const fundraiserBefore = await w.balance(w.fundraiserEid, 'DEC');
    const sellerBefore = await w.balance(sellerEid, 'DEC');
    const { project: p, order } = await buy(7);
    expect(order).to.include({ payer: escrowAccount(project.id), buyer: w.fundraiserEid, projectId: project.id, purpose: 'panels', amount: dec(700), status: 'paid' });
    expect(p.budget.find((l) => l.purpose === 'panels')?.drawn).to.equal(dec(700));
    expect(await escrow()).to.equal(dec(300));
    await st('Ship', seller, { orderId: order.id, logisticsHash: hash('waybill') });
    await st('Confirm', w.fundraiser, { orderId: order.id });
    expect(await w.balance(sellerEid, 'DEC')).to.equal(sellerBefore + BigInt(dec(700)));
    expect(await w.balance(w.fundraiserEid, 'DEC')).to.equal(fundraiserBefore);
    const draws = await w.cfCall<{ items: { amount: string; note?: string }[] }>('Drawdowns', operator, { projectId: project.id });
    expect(draws.items.map((d) => d.amount)).to.deep.equal([dec(700)]);
    await w.expectInvariants();
  });

  it('returns a cancelled order to the escrow and the budget line', async () => {
    const { order } = await buy(2, 'installation');
    expect((await w.cfCall<Project>('GetProject', operator, { projectId: project.id })).budget.find((l) => l.purpose === 'installation')?.drawn).to.equal(dec(200));
    await st('Cancel', w.fundraiser, { orderId: order.id });
    const p = await w.cfCall<Project>('GetProject', operator, { projectId: project.id });
    expect(p.budget.find((l) => l.purpose === 'installation')?.drawn).to.equal('0');
    expect(await escrow()).to.equal(dec(300));
    await w.expectInvariants();
  });
});
