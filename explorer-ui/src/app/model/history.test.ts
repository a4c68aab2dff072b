import { expect } from 'chai';
import { diffFields, timeline } from './history';

describe('key history timeline', () => {
  it('orders versions oldest first and lists what each changed', () => {
    const t = timeline([
      { txId: 't3', timestamp: '2026-01-03T00:00:00Z', isDelete: false, value: { status: 'financed', holder: 'B', updatedAt: '3' } },
      { txId: 't1', timestamp: '2026-01-01T00:00:00Z', isDelete: false, value: { status: 'active', holder: 'A', updatedAt: '1' } },
      { txId: 't2', timestamp: '2026-01-02T00:00:00Z', isDelete: false, value: { status: 'active', holder: 'B', updatedAt: '2' } },
    ]);
    expect(t.map((e) => e.txId)).to.deep.equal(['t1', 't2', 't3']);
    expect(t[0]).to.deep.include({ created: true, changes: [] });
    expect(t[1]!.changes).to.deep.equal([{ field: 'holder', from: 'A', to: 'B' }]);
    expect(t[2]!.changes).to.deep.equal([{ field: 'status', from: 'active', to: 'financed' }]);
  });
  it('diffs added and removed fields and plain values', () => {
    expect(diffFields({ a: 1 }, { a: 1, pledge: { bank: 'BankMSP' } })).to.deep.equal([{ field: 'pledge', to: { bank: 'BankMSP' } }]);
    expect(diffFields({ a: 1, b: 2 }, { a: 1 })).to.deep.equal([{ field: 'b', from: 2 }]);
    expect(diffFields('x', 'y')).to.deep.equal([{ field: '(value)', from: 'x', to: 'y' }]);
  });
});
