import { expect } from 'chai';
import { allocate, costOf, maxCost, settleObligation, sumIntervals } from './settlement';
import { joinsSettlePage, SETTLE_TRADES_PER_PAGE } from './ops/settlement';

const params = { feeBps: 100, toleranceBps: 500, penaltyPerKwh: '2000000000000000000' }; // 1% fee, 5% tolerance, 2 DEC per kWh short
const trade = { quantityWh: 10_000n, price: 25n, sellerPriorWh: 0n, buyerPriorWh: 0n }; // 10 kWh at 0.25 DECC/kWh
const e = (exportWh: bigint, importWh = 0n) => ({ exportWh, importWh });

describe('market settlement (pure)', () => {
  it('bounds a Settle page by trades: the first buy order always joins, then none past SETTLE_TRADES_PER_PAGE', () => {
    expect(joinsSettlePage(0, 0, 5_000)).to.equal(true); // a single huge order still settles, alone
    expect(joinsSettlePage(1, 5_000, 1)).to.equal(false);
    expect(joinsSettlePage(3, SETTLE_TRADES_PER_PAGE - 2, 2)).to.equal(true);
    expect(joinsSettlePage(3, SETTLE_TRADES_PER_PAGE - 2, 3)).to.equal(false);
    expect(joinsSettlePage(3, 9, 2, 10)).to.equal(false);
  });

  it('exact delivery: the buyer pays quantity × price, the fee comes out of the seller’s proceeds, no penalty', () => {
    const m = settleObligation(trade, e(10_000n), e(0n, 10_000n), params);
    expect(m.deliveredWh).to.equal(10_000n);
    expect(m.paid).to.equal(250n); // 10 kWh × 25 base units
    expect(m.fee).to.equal(2n); // floor(250 × 1%)
    expect(m.sellerNet).to.equal(248n);
    expect(m.shortfallWh).to.equal(0n);
    expect(m.penalty).to.equal(0n);
    expect(m.data).to.equal('complete');
  });

  it('under-delivery within the tolerance: paid for what was delivered, no penalty', () => {
    const m = settleObligation(trade, e(9_500n), e(0n, 12_000n), params);
    expect(m.deliveredWh).to.equal(9_500n);
    expect(m.paid).to.equal(237n); // floor(9.5 × 25)
    expect(m.shortfallWh).to.equal(500n);
    expect(m.penalty).to.equal(0n);
  });

  it('under-delivery beyond the tolerance: penalty on the excess shortfall, per kWh', () => {
    const m = settleObligation(trade, e(6_000n), e(0n, 12_000n), params);
    expect(m.deliveredWh).to.equal(6_000n);
    expect(m.paid).to.equal(150n);
    expect(m.shortfallWh).to.equal(4_000n);
    // penalised 4000 − 500 = 3500 Wh × 2 DEC/kWh = 7 DEC
    expect(m.penalty).to.equal(7n * 10n ** 18n);
  });

  it('over-delivery: pays the traded quantity only, never penalised', () => {
    const m = settleObligation(trade, e(15_000n), e(0n, 20_000n), params);
    expect(m.deliveredWh).to.equal(10_000n);
    expect(m.paid).to.equal(250n);
    expect(m.penalty).to.equal(0n);
  });

  it('a buyer taking less pays for what it took; the seller is not penalised for that', () => {
    const m = settleObligation(trade, e(10_000n), e(0n, 4_000n), params);
    expect(m.deliveredWh).to.equal(4_000n);
    expect(m.paid).to.equal(100n);
    expect(m.penalty).to.equal(0n);
  });

  it('no meter data: a silent seller delivered nothing (penalised); a silent buyer took its full quantity', () => {
    const noSeller = settleObligation(trade, undefined, e(0n, 10_000n), params);
    expect([noSeller.deliveredWh, noSeller.paid, noSeller.data]).to.deep.equal([0n, 0n, 'seller-missing']);
    expect(noSeller.penalty).to.equal(19n * 10n ** 18n); // (10000 − 500) Wh × 2 DEC/kWh
    const noBuyer = settleObligation(trade, e(10_000n), undefined, params);
    expect([noBuyer.deliveredWh, noBuyer.paid, noBuyer.data]).to.deep.equal([10_000n, 250n, 'buyer-missing']);
    const none = settleObligation(trade, undefined, undefined, params);
    expect([none.deliveredWh, none.paid, none.data]).to.deep.equal([0n, 0n, 'both-missing']);
  });

  it('allocates a meter’s energy to earlier commitments first', () => {
    const later = { ...trade, sellerPriorWh: 8_000n, buyerPriorWh: 1_000n };
    const m = settleObligation(later, e(15_000n), e(0n, 30_000n), params);
    expect(m.deliveredWh).to.equal(7_000n); // 15000 − 8000 prior
    expect(allocate(5_000n, 8_000n, 10_000n)).to.equal(0n);
    expect(allocate(30_000n, 0n, 10_000n)).to.equal(10_000n);
  });

  it('rounds down every division; the escrow rounds up and always covers the payment', () => {
    expect(costOf(1n, 999n)).to.equal(0n);
    expect(costOf(1_001n, 1n)).to.equal(1n);
    expect(maxCost(1n, 1n)).to.equal(1n);
    expect(maxCost(1_000n, 7n)).to.equal(7n);
    for (const q of [1n, 333n, 1_001n, 12_345n]) for (const p of [1n, 7n, 99n]) expect(maxCost(q, p) >= costOf(q, p)).to.equal(true);
    const m = settleObligation({ ...trade, quantityWh: 3n, price: 333n }, e(3n), e(0n, 3n), { ...params, feeBps: 1000 });
    expect([m.paid, m.fee, m.sellerNet]).to.deep.equal([0n, 0n, 0n]);
  });

  it('sums a slot from the meter’s own intervals; no interval at all means no data', () => {
    expect(sumIntervals([undefined, e(5n, 1n), e(7n, 2n)])).to.deep.equal({ importWh: 3n, exportWh: 12n, interpolatedExportWh: 0n });
    expect(sumIntervals([undefined, undefined])).to.equal(undefined);
  });
});
