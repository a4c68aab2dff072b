import { expect } from 'chai';
import { depthCurves } from './depth';

describe('order book depth', () => {
  it('sums bids from the highest price down and asks from the lowest up, cancelled orders left out, in kWh', () => {
    const { bids, asks } = depthCurves([
      { side: 'buy', limitPrice: '120', quantityWh: '1000', status: 'open' },
      { side: 'buy', limitPrice: '100', quantityWh: '500', status: 'open' },
      { side: 'buy', limitPrice: '120', quantityWh: '250', status: 'open' },
      { side: 'buy', limitPrice: '150', quantityWh: '9000', status: 'cancelled' },
      { side: 'sell', limitPrice: '90', quantityWh: '2000', status: 'open' },
      { side: 'sell', limitPrice: '110', quantityWh: '1500' },
      { nonsense: true },
    ]);
    expect(bids).to.deep.equal([{ x: 100, y: 1.75 }, { x: 120, y: 1.25 }]);
    expect(asks).to.deep.equal([{ x: 90, y: 2 }, { x: 110, y: 3.5 }]);
  });

  it('gives empty curves for an empty book', () => {
    expect(depthCurves([])).to.deep.equal({ bids: [], asks: [] });
  });
});
