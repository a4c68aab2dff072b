import { expect } from 'chai';
import { envOf } from '../test-support/env';
import { collectedShare, leafTotal, splitReceivable, transferReceivable } from './logic';
import type { Receivable } from './state';

const root: Receivable = {
  id: 'L1',
  rootId: 'L1',
  leaseId: 'L1',
  amount: '1000003',
  rootAmount: '1000003',
  holder: 'LessorMSP',
  holders: ['LessorMSP'],
  debtor: 'LessorMSP:PC-1',
  collateral: { stationId: 'ST-1', income: 'electricity-charges' },
  status: 'active',
  children: [],
  createdAt: 't0',
  updatedAt: 't0',
};
const lessor = envOf({ party: 'LessorMSP' });

describe('scf receivables logic', () => {
  it('splits into parts that sum exactly to the whole, and retires the parent', () => {
    const { parent, children, events } = splitReceivable(root, ['700000', '300003'], lessor);
    expect(children.map((c) => c.id)).to.deep.equal(['L1.1', 'L1.2']);
    expect(parent.status).to.equal('split');
    expect(parent.children).to.deep.equal(['L1.1', 'L1.2']);
    expect(leafTotal([parent, ...children])).to.equal(1_000_003n);
    expect(events[0]?.name).to.equal('ReceivableSplit');
  });

  it('keeps leaves summing to the root through nested splits', () => {
    const first = splitReceivable(root, ['500000', '500003'], lessor);
    const second = splitReceivable(first.children[1]!, ['1', '2', '500000'], lessor);
    const all = [first.parent, first.children[0]!, second.parent, ...second.children];
    expect(leafTotal(all)).to.equal(1_000_003n);
    expect(second.children.map((c) => c.id)).to.deep.equal(['L1.2.1', 'L1.2.2', 'L1.2.3']);
  });

  it('refuses a split whose parts do not sum to the whole, naming the field', () => {
    expect(() => splitReceivable(root, ['1', '2'], lessor)).to.throw('VALIDATION: input.amounts: must sum to 1000003, not 3');
  });

  it('refuses to split or transfer a part that is not active', () => {
    const financed = { ...root, status: 'financed' as const };
    expect(() => splitReceivable(financed, ['1', '1000002'], lessor)).to.throw(/CONFLICT/);
    expect(() => transferReceivable(financed, 'SupplierMSP:SUP-1', lessor)).to.throw(/CONFLICT/);
  });

  it('passes a part upstream to supplier companies only, recording the path', () => {
    const { receivable } = transferReceivable(root, 'SupplierMSP:SUP-1', lessor);
    expect(receivable.holder).to.equal('SupplierMSP:SUP-1');
    const next = transferReceivable(receivable, 'SupplierMSP:SUB-1', envOf({ party: 'SupplierMSP:SUP-1' })).receivable;
    expect(next.holders).to.deep.equal(['LessorMSP', 'SupplierMSP:SUP-1', 'SupplierMSP:SUB-1']);
    expect(() => transferReceivable(root, 'BankMSP', lessor)).to.throw(/input\.to/);
    expect(() => transferReceivable(next, 'SupplierMSP:SUB-1', lessor)).to.throw(/must differ/);
  });

  it("allocates collections to parts by share, exactly once the lease is fully collected", () => {
    const { children } = splitReceivable(root, ['333334', '333334', '333335'], lessor);
    for (const collected of [0n, 1n, 2n, 499_999n, 1_000_002n]) {
      const shares = children.map((c) => collectedShare(c, collected));
      const total = shares.reduce((a, b) => a + b, 0n);
      expect(total <= collected && collected - total < BigInt(children.length)).to.equal(true);
    }
    expect(children.map((c) => collectedShare(c, 1_000_003n))).to.deep.equal([333_334n, 333_334n, 333_335n]);
  });
});
