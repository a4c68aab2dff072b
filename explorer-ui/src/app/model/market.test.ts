import { expect } from 'chai';
import { averagePrice, pricePoints, whToKwh, type ClearingValue } from './market';

const c = (slot: string, zone: string, volumeWh: string, value: string): ClearingValue => ({ slot, zone, status: 'settled', volumeWh, value, trades: 1 });

describe('market figures', () => {
  it('averages the clearing price per kWh in bigint, rounded down, none without volume', () => {
    expect(averagePrice(c('2026-01-01T10:00:00.000Z', 'Z1', '3000', '1000'))).to.equal(333n);
    expect(averagePrice(c('2026-01-01T10:00:00.000Z', 'Z1', '0', '0'))).to.equal(null);
    expect(averagePrice(c('2026-01-01T10:00:00.000Z', 'Z1', '1', '900000000000000000000'))).to.equal(900000000000000000000000n);
  });

  it('shows watt-hours as exact kWh', () => {
    expect(whToKwh('1234567')).to.equal('1234.567');
    expect(whToKwh('5')).to.equal('0.005');
  });

  it('gives one zone its price points in slot order', () => {
    const points = pricePoints([c('2026-01-01T11:00:00.000Z', 'Z1', '1000', '20'), c('2026-01-01T10:00:00.000Z', 'Z1', '1000', '10'), c('2026-01-01T10:00:00.000Z', 'Z2', '1000', '99'), c('2026-01-01T12:00:00.000Z', 'Z1', '0', '0')], 'Z1');
    expect(points.map((p) => p.y)).to.deep.equal([10, 20]);
  });
});
