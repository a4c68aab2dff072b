import { expect } from 'chai';
import { decSlices, intervalSeries, shareBps } from './supply';

describe('token supply slices', () => {
  it('splits the DEC total into pools and circulation with bigint shares', () => {
    const slices = decSlices({
      DEC: {
        total: '319000000000000000000000000',
        circulating: '69992500000000000000000',
        pools: { 'sys:ecology': '191400000000000000000000000', 'sys:team': '47850000000000000000000000', 'sys:others': '79680000000000000000000000', 'sys:reserve': '7500000000000000000' },
      },
      DECC: { total: '1500', minted: '3000', burned: '1500', rewardPool: '0' },
      fees: {},
    });
    expect(slices.map((s) => [s.label, s.bps])).to.deep.equal([
      ['ecology pool', 6000], ['others pool', 2497], ['team (vesting)', 1500], ['circulating', 2], ['DECC reserve', 0],
    ]);
    expect(shareBps('1', '0')).to.equal(0);
  });
  it('turns interval energy into kWh points in slot order', () => {
    expect(intervalSeries([
      { slotStart: '2026-01-01T10:15:00.000Z', importWh: '1500', exportWh: '0' },
      { slotStart: '2026-01-01T10:00:00.000Z', importWh: '250', exportWh: '1000' },
    ])).to.deep.equal([
      { slot: '2026-01-01T10:00:00.000Z', importKwh: 0.25, exportKwh: 1 },
      { slot: '2026-01-01T10:15:00.000Z', importKwh: 1.5, exportKwh: 0 },
    ]);
  });
});
