import { expect } from 'chai';
import { H, party, SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 5_000, discountBps: 100, maturityDate: '2026-09-01', salt: SALT };
const receipt = { receiptId: 'W1', owner: party.supplier, goods: [{ description: 'PV module', quantity: 500 }], value: '400000', location: 'Warehouse 3, Hefei' };

async function financed(s: Scf): Promise<void> {
  await s.call('warehouse:IssueReceipt', who.logistics, receipt);
  await s.call('financing:Offer', who.bank, { financingId: 'WF1', assetType: 'receipt', assetId: 'W1' }, { terms });
  const { termsHash } = await s.result<{ termsHash: string }>('financing:Get', who.supplier, { financingId: 'WF1' });
  await s.call('financing:Accept', who.supplier, { financingId: 'WF1', termsHash });
  await s.call('financing:RecordAdvance', who.bank, { financingId: 'WF1', evidenceHash: H('a') });
}

describe('scf warehouse contract (warehouse-receipt financing)', () => {
  it('holds pledged goods until the loan is repaid', async () => {
    const s = new Scf();
    await financed(s);
    expect(s.endorsers('receipt', 'W1')).to.deep.equal(['BankMSP', 'SupplierMSP']);
    expect((await s.error('warehouse:Release', who.logistics, { receiptId: 'W1' })).message).to.match(/^CONFLICT: receipt W1 is pledged to BankMSP/);
    await s.call('financing:RecordRepayment', who.bank, { financingId: 'WF1', evidenceHash: H('b') }, { repayment: { amount: '200000' } });
    expect(await s.result('warehouse:Get', who.bank, { receiptId: 'W1' })).to.include({ status: 'repaid' });
    const released = await s.call('warehouse:Release', who.logistics, { receiptId: 'W1' });
    expect(released.events[0]).to.deep.include({ name: 'GoodsReleased' });
    expect(s.endorsers('receipt', 'W1')).to.deep.equal(['SupplierMSP']);
  });

  it('releases early only with the pledgee bank consent, and only by the issuing logistics party', async () => {
    const s = new Scf();
    await financed(s);
    const otherLogistics = { mspId: 'LessorMSP', name: 'l2', attributes: { role: 'logistics', eid: 'LOG-2' } };
    expect((await s.error('warehouse:ConsentRelease', who.supplier, { receiptId: 'W1' })).message).to.match(/^ACCESS_DENIED/);
    await s.call('warehouse:ConsentRelease', who.bank, { receiptId: 'W1' });
    expect((await s.error('warehouse:Release', otherLogistics, { receiptId: 'W1' })).message).to.match(/^ACCESS_DENIED: only LessorMSP:LOG-1/);
    expect(await s.result('warehouse:Release', who.logistics, { receiptId: 'W1' })).to.include({ status: 'released' });
    // The loan is still owed; repaying it later leaves the goods released.
    await s.call('financing:RecordRepayment', who.bank, { financingId: 'WF1', evidenceHash: H('b') }, { repayment: { amount: '200000' } });
    expect(await s.result('warehouse:Get', who.regulator, { receiptId: 'W1' })).to.include({ status: 'released' });
  });

  it('refuses a second receipt with the same ID and a pledge of a released receipt', async () => {
    const s = new Scf();
    await s.call('warehouse:IssueReceipt', who.logistics, receipt);
    expect((await s.error('warehouse:IssueReceipt', who.logistics, receipt)).message).to.match(/^CONFLICT/);
    await s.call('warehouse:Release', who.logistics, { receiptId: 'W1' });
    expect((await s.error('financing:Offer', who.bank, { financingId: 'WF1', assetType: 'receipt', assetId: 'W1' }, { terms })).message).to.match(/^CONFLICT/);
  });
});
