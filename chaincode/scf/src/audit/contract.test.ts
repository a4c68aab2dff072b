/** audit:History: every committed version of an asset, for the regulator and the asset's parties only. */
import { expect } from 'chai';
import { H, party, SALT, Scf, who } from '../test-support/fixtures';

interface Audit {
  parties: string[];
  current: { status: string };
  history: { txId: string; timestamp: string; isDelete: boolean; value: { status: string; holder?: string } }[];
}

const terms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };

async function financedPart(): Promise<Scf> {
  const s = new Scf();
  await s.approvedLease('L1', '1000000');
  await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
  s.advanceDays(1);
  await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
  const { termsHash } = await s.result<{ termsHash: string }>('financing:Get', who.lessor, { financingId: 'F1' });
  s.advanceDays(1);
  await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash });
  await s.call('financing:RecordAdvance', who.bank, { financingId: 'F1', evidenceHash: H('a') });
  return s;
}

describe('scf audit contract (key history)', () => {
  it('shows the regulator every version of a receivable part, newest first, with transaction IDs and times', async () => {
    const s = await financedPart();
    const a = await s.result<Audit>('audit:History', who.regulator, { assetType: 'receivable', assetId: 'L1' });
    expect(a.history.map((h) => h.value.status)).to.deep.equal(['financed', 'active']);
    expect(a.history.map((h) => h.timestamp)).to.deep.equal(['2026-01-12T08:00:00.000Z', '2026-01-10T08:00:00.000Z']);
    expect(a.history.every((h) => /^tx\d+$/.test(h.txId) && !h.isDelete)).to.equal(true);
    expect(a.current.status).to.equal('financed');
    expect(a.parties).to.deep.equal(['BankMSP', 'LessorMSP', party.projectCompany]);
  });

  it('covers leases, orders, receipts and financings', async () => {
    const s = await financedPart();
    const fin = await s.result<Audit>('audit:History', who.regulator, { assetType: 'financing', assetId: 'F1' });
    expect(fin.history.map((h) => h.value.status)).to.deep.equal(['advanced', 'accepted', 'offered']);
    const lease = await s.result<Audit>('audit:History', who.regulator, { assetType: 'lease', assetId: 'L1' });
    expect(lease.history.map((h) => h.value.status).reverse()).to.deep.equal(['applied', 'approved', 'approved']); // Issue marks the receivable issued
    await s.call('orders:Register', who.supplier, { orderId: 'PO1', items: [{ description: 'x', quantity: 1 }], amount: '5000', dueDate: '2026-06-01' });
    await s.call('orders:Confirm', who.lessor, { orderId: 'PO1' });
    expect((await s.result<Audit>('audit:History', who.supplier, { assetType: 'order', assetId: 'PO1' })).history.map((h) => h.value.status)).to.deep.equal(['confirmed', 'registered']);
    await s.call('warehouse:IssueReceipt', who.logistics, { receiptId: 'WR1', owner: party.supplier, goods: [{ description: 'x', quantity: 1 }], value: '5000', location: 'Depot 1' });
    expect((await s.result<Audit>('audit:History', who.logistics, { assetType: 'receipt', assetId: 'WR1' })).history).to.have.length(1);
  });

  it('lets the parties read, refuses anyone else, and writes nothing', async () => {
    const s = await financedPart();
    const before = s.snapshot();
    for (const caller of [who.lessor, who.bank, who.projectCompany]) {
      expect((await s.result<Audit>('audit:History', caller, { assetType: 'receivable', assetId: 'L1' })).history).to.have.length(2);
    }
    expect((await s.error('audit:History', who.supplier, { assetType: 'receivable', assetId: 'L1' })).message).to.match(/^ACCESS_DENIED: only .* or the regulator may read this, not SupplierMSP:SUP-1/);
    expect((await s.error('audit:History', who.supplier, { assetType: 'financing', assetId: 'F1' })).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('audit:History', who.regulator, { assetType: 'receivable', assetId: 'L9' })).message).to.match(/^NOT_FOUND: receivable L9/);
    expect((await s.error('audit:History', who.regulator, { assetType: 'claim', assetId: 'C1' })).message).to.match(/^VALIDATION: input\.assetType/);
    expect(s.snapshot()).to.equal(before);
  });

  it('keeps a part readable by every holder it passed through', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
    await s.call('receivables:Transfer', who.lessor, { receivableId: 'L1', to: party.supplier });
    await s.call('receivables:Transfer', who.supplier, { receivableId: 'L1', to: party.subSupplier });
    const a = await s.result<Audit>('audit:History', who.supplier, { assetType: 'receivable', assetId: 'L1' });
    expect(a.history.map((h) => h.value.holder)).to.deep.equal([party.subSupplier, party.supplier, party.lessor]);
  });
});
