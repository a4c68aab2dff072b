import { expect } from 'chai';
import { spendAllowance } from './allowance';
import { NO_FEES, transferFee } from './fees';

describe('allowances', () => {
  it('spends down and refuses to go below zero', () => {
    expect(spendAllowance(100n, 30n, 'o', 's')).to.equal(70n);
    expect(spendAllowance(100n, 100n, 'o', 's')).to.equal(0n);
    expect(() => spendAllowance(100n, 101n, 'o', 's')).to.throw(/CONFLICT: allowance of s on o is 100; needs 101/);
  });
});

describe('transfer fees', () => {
  it('is zero by default', () => {
    expect(transferFee(NO_FEES, 'DEC', 10n ** 24n)).to.equal(0n);
  });

  it('takes basis points rounded down, but at least the minimum', () => {
    const schedule = { DEC: { bps: 25, min: '0' }, DECC: { bps: 100, min: '5' } };
    expect(transferFee(schedule, 'DEC', 10_000n)).to.equal(25n);
    expect(transferFee(schedule, 'DEC', 399n)).to.equal(0n);
    expect(transferFee(schedule, 'DECC', 100n)).to.equal(5n);
    expect(transferFee(schedule, 'DECC', 10_000n)).to.equal(100n);
  });
});
