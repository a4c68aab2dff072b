import { expect } from 'chai';
import { advanceOf, discountOf, waterfall } from './terms';

describe('scf financing arithmetic', () => {
  it('truncates the advance and the discount', () => {
    expect(advanceOf(1_000_003n, 7_000)).to.equal(700_002n);
    expect(discountOf(700_002n, 150)).to.equal(10_500n);
  });

  it('repays the bank first, then the holder (waterfall)', () => {
    expect(waterfall(0n, 700n)).to.deep.equal({ toBank: 0n, toHolder: 0n, bankOutstanding: 700n });
    expect(waterfall(500n, 700n)).to.deep.equal({ toBank: 500n, toHolder: 0n, bankOutstanding: 200n });
    expect(waterfall(700n, 700n)).to.deep.equal({ toBank: 700n, toHolder: 0n, bankOutstanding: 0n });
    expect(waterfall(1_000n, 700n)).to.deep.equal({ toBank: 700n, toHolder: 300n, bankOutstanding: 0n });
  });

  it('never pays the holder before the bank is whole, at any collection level', () => {
    for (let c = 0n; c <= 1_500n; c += 37n) {
      const w = waterfall(c, 1_000n);
      expect(w.toBank + w.toHolder).to.equal(c);
      if (w.toHolder > 0n) expect(w.bankOutstanding).to.equal(0n);
    }
  });
});
