import { expect } from 'chai';
import { H, party, SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 6_000, discountBps: 100, maturityDate: '2026-09-01', salt: SALT };
const item = [{ description: 'Inverter 100kW', quantity: 10 }];

async function hashOf(s: Scf, id: string): Promise<string> {
  return (await s.result<{ termsHash: string }>('financing:Get', who.bank, { financingId: id })).termsHash;
}

describe('scf orders contract (order financing)', () => {
  it('finances a confirmed order and a sub-supplier derived order independently', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    const po = await s.call('orders:Register', who.supplier, { orderId: 'PO1', leaseId: 'L1', items: item, amount: '800000', dueDate: '2026-06-30' });
    expect(po.result).to.include({ seller: party.supplier, buyer: party.lessor, status: 'registered' });
    expect(s.endorsers('order', 'PO1')).to.deep.equal(['LessorMSP', 'SupplierMSP']);

    // Not financeable before the buyer confirms; only the buyer confirms.
    expect((await s.error('financing:Offer', who.bank, { financingId: 'OF1', assetType: 'order', assetId: 'PO1' }, { terms })).message).to.match(/^CONFLICT: order PO1 is registered/);
    expect((await s.error('orders:Confirm', who.subSupplier, { orderId: 'PO1' })).message).to.match(/^ACCESS_DENIED: only LessorMSP \(the buyer\)/);
    await s.call('orders:Confirm', who.lessor, { orderId: 'PO1' });

    // Sub-supplier's derived order: buyer is the supplier; derived orders never exceed the parent.
    expect((await s.error('orders:Register', who.subSupplier, { orderId: 'PO2', parentOrderId: 'PO1', items: item, amount: '800001', dueDate: '2026-06-15' })).message).to.match(/^VALIDATION: input.amount/);
    const derived = await s.result('orders:Register', who.subSupplier, { orderId: 'PO2', parentOrderId: 'PO1', items: item, amount: '300000', dueDate: '2026-06-15' });
    expect(derived).to.include({ seller: party.subSupplier, buyer: party.supplier });
    expect((await s.error('orders:Confirm', who.lessor, { orderId: 'PO2' })).message).to.match(/^ACCESS_DENIED/);
    await s.call('orders:Confirm', who.supplier, { orderId: 'PO2' });

    for (const [fid, oid, holder] of [['OF1', 'PO1', who.supplier], ['OF2', 'PO2', who.subSupplier]] as const) {
      await s.call('financing:Offer', who.bank, { financingId: fid, assetType: 'order', assetId: oid }, { terms });
      await s.call('financing:Accept', holder, { financingId: fid, termsHash: await hashOf(s, fid) });
      await s.call('financing:RecordAdvance', who.bank, { financingId: fid, evidenceHash: H('a') });
    }
    expect((await s.result<{ financing: { collection: string } }>('financing:Get', who.bank, { financingId: 'OF2' })).financing.collection).to.equal('termsBankSupplier');
    expect(s.endorsers('order', 'PO1')).to.deep.equal(['BankMSP', 'SupplierMSP']);
    expect((await s.refused('financing:Offer', who.bank, { financingId: 'OF3', assetType: 'order', assetId: 'PO2' }, { terms })).result).to.include({ rule: 'double-financing', assetType: 'order' });

    // Repaid directly (amount private, transient), then the pledge is released.
    expect((await s.error('financing:Settle', who.bank, { financingId: 'OF1' })).message).to.match(/^CONFLICT/);
    await s.call('financing:RecordRepayment', who.bank, { financingId: 'OF1', evidenceHash: H('b') }, { repayment: { amount: '200000' } });
    const done = await s.call('financing:RecordRepayment', who.bank, { financingId: 'OF1', evidenceHash: H('c') }, { repayment: { amount: '280000' } });
    expect(done.events[0]?.name).to.equal('FinancingRepaid');
    expect(await s.result('orders:Get', who.regulator, { orderId: 'PO1' })).to.include({ status: 'repaid' });
    expect(s.endorsers('order', 'PO1')).to.deep.equal(['SupplierMSP']);
  });

  it('refuses an order for a lease whose supplier is someone else', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    const err = await s.error('orders:Register', who.subSupplier, { orderId: 'PO1', leaseId: 'L1', items: item, amount: '5', dueDate: '2026-06-30' });
    expect(err.message).to.match(/^VALIDATION: input.leaseId/);
  });
});
