import { expect } from 'chai';
import { issuanceSeries } from './issuance';

describe('DECC issuance over time', () => {
  it('accumulates minted and burned of one asset, oldest first, in whole units', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m)).toISOString();
    const series = issuanceSeries(
      [
        { key: 'DECC~tx2', value: { minted: '0', burned: '250' }, time: t(2) },
        { key: 'DECC~tx1', value: { minted: '1000', burned: '0' }, time: t(1) },
        { key: 'DEC~tx0', value: { minted: '5', burned: '0' }, time: t(0) },
        { key: 'DECC~tx3', value: null, time: t(3) },
      ],
      'DECC',
      2,
    );
    expect(series.minted.map((p) => p.y)).to.deep.equal([10, 10, 10]);
    expect(series.burned.map((p) => p.y)).to.deep.equal([0, 2.5, 2.5]);
    expect(series.minted[0]?.x).to.equal(Date.parse(t(1)));
  });
});
