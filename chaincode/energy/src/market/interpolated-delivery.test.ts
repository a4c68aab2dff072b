/**
 * Issue 13, item 6: when a seller's meter goes silent across a sold slot, its
 * next reading's energy is spread pro rata over the silent intervals
 * (metering marks them `interpolated`). Spread energy is an estimate, not a
 * measurement of delivery in that slot: settlement counts none of a seller's
 * interpolated export as delivered, so the trade settles as under-delivery
 * (with the zone's penalty), and the settlement is flagged. Before the fix the
 * silent seller was paid for the energy shifted into the sold slot.
 */
import { expect } from 'chai';
import type { BatchResult } from '../metering/ingest';
import { operator, user } from '../test-support/energy-world';
import { ingestor, MarketWorld, MIN, order, SLOT, SLOT_MS, type SimMeter } from '../test-support/market-world';
import type { Trade } from './state';

describe('interpolated energy never counts as delivered against a sold slot (issue 13, item 6)', () => {
  let w: MarketWorld;
  const seller = user('silent-seller');
  const buyer = user('metered-buyer', 'BankMSP');
  let sellerEid: string, buyerEid: string;
  let sm: SimMeter, bm: SimMeter;

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    sellerEid = await w.trader(seller, ['producer'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10);
    sm = await w.meter(seller, sellerEid);
    bm = await w.meter(buyer, buyerEid);
    await w.mk('PostOrder', seller, order(sellerEid, 'sell', sm, 1000, 20, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', bm, 1000, 20, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
  });

  async function submit(readings: Record<string, unknown>[]): Promise<void> {
    const r = await w.me<BatchResult>('SubmitReadings', ingestor, { readings });
    expect(r.rejected, JSON.stringify(r.results)).to.equal(0);
  }

  it('a seller silent across the slot is not paid for spread energy: settled as under-delivery and flagged', async () => {
    // Seller: a reading 15 minutes before the slot, then none until 30 minutes after its start (3,000 Wh over three intervals).
    await submit([w.reading(sm, SLOT_MS - 15 * MIN)]);
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: bm, importWh: 1000 }]);
    w.at(SLOT_MS + 31 * MIN);
    sm.exportWh += 3000n;
    await submit([w.reading(sm, SLOT_MS + 30 * MIN)]);
    const intervals = await w.me<{ items: { slotStart: string; exportWh: string; interpolated: boolean }[] }>('Intervals', operator, { meter: sm.eid });
    expect(intervals.items.find((i) => i.slotStart === SLOT)).to.include({ exportWh: '1000', interpolated: true });

    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    const [t] = (await w.mk<{ items: Trade[] }>('TradesOf', buyer, { eid: buyerEid })).items;
    expect(t?.settlement).to.include({ deliveredWh: '0', paid: '0', shortfallWh: '1000', sellerInterpolated: true });
    expect(await w.balance(sellerEid, 'DECC')).to.equal(0n);
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n);
    await w.expectInvariants();
  });

  it('measured delivery still settles in full and is not flagged', async () => {
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: sm, exportWh: 1000 }, { m: bm, importWh: 1000 }]);
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    const [t] = (await w.mk<{ items: Trade[] }>('TradesOf', buyer, { eid: buyerEid })).items;
    expect(t?.settlement).to.include({ deliveredWh: '1000', paid: '20', sellerInterpolated: false });
    await w.expectInvariants();
  });
});
