/**
 * Issue 13 item 7: a warehouse receipt is a third party's word that goods are
 * in store, so its issuer's org must differ from its owner's (an org's admin can
 * mint any company identity of its own); and the goods behind an order and the
 * receipt for them are one collateral, so one lock covers them across asset
 * types: they cannot be financed once as the order and again as the receipt.
 */
import { expect } from 'chai';
import { party, SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 5_000, discountBps: 100, maturityDate: '2026-09-01', salt: SALT };
const goods = [{ description: 'Inverter 100kW', quantity: 10 }];
const sameOrgLogistics = { mspId: 'SupplierMSP', name: 'wh', attributes: { role: 'logistics', eid: 'WH-9' } };

async function finance(s: Scf, financingId: string, assetType: string, assetId: string, holder: typeof who.supplier): Promise<unknown> {
  const offer = await s.result('financing:Offer', who.bank, { financingId, assetType, assetId }, { terms });
  if ((offer as { refused?: boolean }).refused) return offer;
  const { termsHash } = await s.result<{ termsHash: string }>('financing:Get', who.bank, { financingId });
  return s.result('financing:Accept', holder, { financingId, termsHash });
}

async function confirmedOrder(s: Scf): Promise<void> {
  await s.approvedLease('L1', '1000000');
  await s.call('orders:Register', who.supplier, { orderId: 'PO1', leaseId: 'L1', items: goods, amount: '800000', dueDate: '2026-06-30' });
  await s.call('orders:Confirm', who.lessor, { orderId: 'PO1' });
}

describe('scf warehouse receipts: issuer and goods (issue 13 item 7)', () => {
  it("refuses a receipt whose issuer is the owner or of the owner's org, and writes nothing", async () => {
    const s = new Scf();
    const before = s.snapshot();
    const own = { mspId: 'SupplierMSP', name: 'self', attributes: { role: 'logistics', eid: 'SUP-1' } };
    for (const issuer of [own, sameOrgLogistics]) {
      const err = await s.error('warehouse:IssueReceipt', issuer, { receiptId: 'W1', owner: party.supplier, goods, value: '1', location: 'Hefei' });
      expect(err.message).to.match(/^VALIDATION: input\.owner: must belong to another org than the issuing logistics party/);
    }
    expect(s.snapshot()).to.equal(before);
  });

  it('refuses a receipt for an order that does not exist or whose goods are not the owner’s', async () => {
    const s = new Scf();
    await confirmedOrder(s);
    expect((await s.error('warehouse:IssueReceipt', who.logistics, { receiptId: 'W1', owner: party.supplier, goods, value: '1', location: 'Hefei', orderId: 'PO9' })).message).to.match(/^NOT_FOUND/);
    expect((await s.error('warehouse:IssueReceipt', who.logistics, { receiptId: 'W1', owner: party.subSupplier, goods, value: '1', location: 'Hefei', orderId: 'PO1' })).message).to.match(/^VALIDATION: input\.orderId/);
  });

  it('does not finance the goods of a financed order again as a receipt, nor the other way round', async () => {
    const s = new Scf();
    await confirmedOrder(s);
    await s.call('warehouse:IssueReceipt', who.logistics, { receiptId: 'W1', owner: party.supplier, goods, value: '800000', location: 'Hefei', orderId: 'PO1' });
    expect(await finance(s, 'OF1', 'order', 'PO1', who.supplier)).to.include({ status: 'accepted' });
    const before = s.businessSnapshot();
    const second = await s.refused('financing:Offer', who.bank, { financingId: 'WF1', assetType: 'receipt', assetId: 'W1' }, { terms });
    expect(second.result).to.include({ rule: 'double-financing', assetType: 'receipt', assetId: 'W1' });
    expect(second.result.detail).to.match(/order PO1/);
    expect(s.businessSnapshot()).to.equal(before);

    const t = new Scf();
    await confirmedOrder(t);
    await t.call('warehouse:IssueReceipt', who.logistics, { receiptId: 'W1', owner: party.supplier, goods, value: '800000', location: 'Hefei', orderId: 'PO1' });
    expect(await finance(t, 'WF1', 'receipt', 'W1', who.supplier)).to.include({ status: 'accepted' });
    expect((await t.refused('financing:Offer', who.bank, { financingId: 'OF1', assetType: 'order', assetId: 'PO1' }, { terms })).result).to.include({ rule: 'double-financing' });
  });
});
