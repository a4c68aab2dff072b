import { expect } from 'chai';
import { lifecycle, rootOf } from './receivable';

describe('receivable lifecycle', () => {
  it('merges lease, part versions, financing and alerts into one dated list', () => {
    const part = { id: 'L1', holder: 'LessorMSP', amount: '1200', status: 'active', children: [] as string[] };
    const events = lifecycle({
      receivableId: 'L1',
      lease: {
        id: 'L1', appliedAt: 't01', decidedAt: 't02', projectCompany: 'LessorMSP:pc', requestedAmount: '1000', status: 'approved',
        terms: { principal: '1000', termMonths: 12, rateBps: 500 },
        supplierPayments: [{ n: 1, amount: '1000', at: 't03', txId: 'p1' }],
        collections: [{ instalment: 1, amount: '100', at: 't08', txId: 'c1' }],
      },
      history: [
        { txId: 'h3', timestamp: 't06', isDelete: false, value: { ...part, holder: 'SupplierMSP:s1', status: 'financed', pledge: { financingId: 'F1', bank: 'BankMSP', at: 't06' } } },
        { txId: 'h1', timestamp: 't04', isDelete: false, value: part },
        { txId: 'h2', timestamp: 't05', isDelete: false, value: { ...part, holder: 'SupplierMSP:s1' } },
        { txId: 'h4', timestamp: 't09', isDelete: false, value: { ...part, holder: 'SupplierMSP:s1', status: 'repaid', pledge: { financingId: 'F1', bank: 'BankMSP', at: 't06', releasedAt: 't09' } } },
      ],
      financings: [{ id: 'F1', bank: 'BankMSP', counterparty: 'SupplierMSP:s1', status: 'repaid', offeredAt: 't055', acceptedAt: 't06', repaidAt: 't09' }],
      alerts: [
        { alertId: 'a1', rule: 'double-financing', detail: 'already financed', at: 't07', assetId: 'L1', suspect: 'BankMSP' },
        { alertId: 'a2', rule: 'double-financing', detail: 'other asset', at: 't07', assetId: 'L9' },
      ],
    });
    expect(events.map((e) => `${e.at} ${e.kind}`)).to.deep.equal([
      't01 lease', 't02 lease', 't03 payment', 't04 issue', 't05 transfer', 't055 financing',
      't06 financing', 't06 financing', 't07 alert', 't08 collection', 't09 repayment', 't09 repayment',
    ]);
    expect(events.find((e) => e.kind === 'transfer')?.title).to.equal('Transferred to SupplierMSP:s1');
    expect(events.find((e) => e.kind === 'alert')?.detail).to.equal('already financed (suspect BankMSP)');
  });
  it('names splits with their children', () => {
    const part = { id: 'L2', holder: 'LessorMSP', amount: '10', status: 'active' };
    const events = lifecycle({
      receivableId: 'L2',
      history: [
        { txId: 'a', timestamp: '1', isDelete: false, value: part },
        { txId: 'b', timestamp: '2', isDelete: false, value: { ...part, status: 'split', children: ['L2.1', 'L2.2'] } },
      ],
    });
    expect(events[1]).to.deep.include({ kind: 'split', title: 'Split into 2 parts', detail: 'L2.1, L2.2', txId: 'b' });
    expect(rootOf('L2.1.3')).to.equal('L2');
  });
});
