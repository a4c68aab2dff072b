import { BlockSimulator } from '@dec/chaincode-kit/testing';
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { CreditContract } from '../credit/contract';
import type { Device } from '../identity/state';
import { dec, gridOperator, operator, regulator, user } from '../test-support/energy-world';
import { DEPOSIT, iso, MarketWorld, MIN, order, SLOT, SLOT_MS, T0, TEN_DEC, type SimMeter } from '../test-support/market-world';
import type { Clearing, Emergency, Offer, Order, Ppa, Trade } from './state';

describe('market contract', () => {
  let w: MarketWorld;
  const near = user('near-pv', 'SupplierMSP');
  const far = user('far-pv', 'LessorMSP');
  const buyer = user('buyer', 'BankMSP');
  let nearEid: string, farEid: string, buyerEid: string;
  let nearM: SimMeter, farM: SimMeter, buyerM: SimMeter;

  beforeEach(async () => {
    w = new MarketWorld();
    await w.setup();
    nearEid = await w.trader(near, ['producer'], 0);
    farEid = await w.trader(far, ['producer', 'storage-owner'], 0);
    buyerEid = await w.trader(buyer, ['consumer'], 10); // 10 DEC → 1000 DECC base units at 1:1
    nearM = await w.meter(near, nearEid);
    farM = await w.meter(far, farEid);
    buyerM = await w.meter(buyer, buyerEid);
  });

  it('a whole slot: orders with escrow, nearest-first matching, settlement from meter data with fee, penalty and release — every unit accounted for', async () => {
    const decc0 = await w.balance(buyerEid, 'DECC');
    expect(decc0).to.equal(1000n);
    // near asks 30/kWh 4 kWh; far asks 20/kWh 10 kWh (cheaper but far); buyer wants 8 kWh at ≤ 40/kWh.
    const sNear = await w.mk<Order>('PostOrder', near, order(nearEid, 'sell', nearM, 4000, 30, 121_000_100));
    const sFar = await w.mk<Order>('PostOrder', far, order(farEid, 'sell', farM, 10_000, 20, 121_050_000));
    const bOrder = await w.mk<Order>('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 8000, 40, 121_000_000));
    expect(bOrder.maxCost).to.equal('320'); // 8 kWh × 40
    expect(await w.balance(buyerEid, 'DECC')).to.equal(680n);

    // The gate closes 5 minutes before the slot: no more orders, matching may run.
    w.at(SLOT_MS - 5 * MIN);
    expect((await w.mkFails('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 1000, 40, 121_000_000))).message).to.match(/^CONFLICT: .*closed for orders/);
    const m = await w.mkTx('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    const res = m.result as { clearing: Clearing; done: boolean };
    expect(res.done).to.equal(true);
    expect(res.clearing).to.include({ status: 'matched', trades: 2, volumeWh: '8000', value: '200' }); // 4 kWh × 30 + 4 kWh × 20
    expect(m.events.map((e) => e.name)).to.deep.equal(['SlotMatched']);
    const trades = (await w.mk<{ items: Trade[] }>('Trades', regulator, { slot: SLOT, zone: 'ZONE-A' })).items;
    expect(trades.map((t) => [t.seller, t.quantityWh, t.price, t.sellerPriorWh, t.buyerPriorWh])).to.deep.equal([
      [nearEid, '4000', '30', '0', '0'],
      [farEid, '4000', '20', '0', '4000'],
    ]);

    // Delivery: near exports all 4 kWh; far exports only 2 kWh (under-delivers 2 kWh); the buyer imports 9 kWh.
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: nearM, exportWh: 4000 }, { m: farM, exportWh: 2000 }, { m: buyerM, importWh: 9000 }]);
    expect((await w.mkFails('Settle', operator, { slot: SLOT, zone: 'ZONE-A' })).message).to.match(/settles from 2026-01-01T01:45:00.000Z/);

    w.at(SLOT_MS + 45 * MIN);
    const farDeposit = await w.deposit(farEid);
    const feesBefore = await w.balance('sys:fees', 'DECC');
    const s = await w.mkTx('Settle', grid(), { slot: SLOT, zone: 'ZONE-A' });
    const out = s.result as { clearing: Clearing; done: boolean };
    expect(out.done).to.equal(true);
    // near: 4 kWh × 30 = 120, fee 1 → 119. far: 2 kWh × 20 = 40, fee 0 → 40; short 2000 − 200 tolerance = 1800 Wh × 1 DEC/kWh = 1.8 DEC.
    expect(out.clearing.totals).to.deep.equal({ deliveredWh: '6000', paid: '160', fees: '1', released: '160', penalties: (18n * 10n ** 17n).toString() });
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n - 160n);
    expect(await w.balance(nearEid, 'DECC')).to.equal(119n);
    expect(await w.balance(farEid, 'DECC')).to.equal(40n);
    expect((await w.balance('sys:fees', 'DECC')) - feesBefore).to.equal(1n);
    expect(await w.deposit(farEid)).to.equal(farDeposit - 18n * 10n ** 17n);
    // The under-delivery is a credit fact of the seller, recorded in the settlement itself (credit/facts.ts), readable by its ID.
    const fact = (await w.h.invoke(new CreditContract(), 'GetFact', regulator, [JSON.stringify({ subject: farEid, txId: s.txId, n: 1 })])).result;
    expect(fact).to.deep.include({ subject: farEid, txId: s.txId, n: 1, kind: 'marketPenalties' });
    const none = await w.h.invoke(new CreditContract(), 'GetFact', regulator, [JSON.stringify({ subject: nearEid, txId: s.txId, n: 1 })]).then(() => 'found', (e: unknown) => (e as Error).message);
    expect(none).to.match(/^NOT_FOUND/);
    expect(await w.balance(buyerEid, 'DEC')).to.equal(BigInt(dec(1000)) - BigInt(DEPOSIT) - TEN_DEC + 18n * 10n ** 17n);
    const names = (s.events[0]?.payload as { events: { name: string }[] }).events.map((e) => e.name);
    expect(names).to.include.members(['TradeSettled', 'DepositSlashed', 'HoldCaptured', 'BuyOrderSettled', 'SlotSettled']);

    const statement = await w.mk<{ bought: { paid: string; deliveredWh: string; penaltiesReceived: string }; escrow: { paid: string; released: string }[] }>('Statement', buyer, { eid: buyerEid, slot: SLOT, zone: 'ZONE-A' });
    expect(statement.bought).to.include({ paid: '160', deliveredWh: '6000', penaltiesReceived: '1800000000000000000' });
    expect(statement.escrow).to.deep.equal([{ orderId: bOrder.id, holdId: bOrder.holdId, maxCost: '320', paid: '160', released: '160', status: 'settled' }]);
    expect((await w.mkFails('Settle', operator, { slot: SLOT, zone: 'ZONE-A' })).message).to.match(/already settled/);
    expect(sNear.id).to.not.equal(sFar.id);
    await w.expectInvariants();
  });

  it('amend re-escrows only the difference and resets priority on a price change; cancel releases the escrow', async () => {
    const b = await w.mk<Order>('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 5000, 20, 0));
    expect(await w.balance(buyerEid, 'DECC')).to.equal(900n);
    w.at(T0 + MIN);
    const amended = await w.mk<Order>('AmendOrder', buyer, { orderId: b.id, limitPrice: '30' });
    expect([amended.maxCost, amended.priorityAt]).to.deep.equal(['150', iso(T0 + MIN)]);
    expect(await w.balance(buyerEid, 'DECC')).to.equal(850n);
    const smaller = await w.mk<Order>('AmendOrder', buyer, { orderId: b.id, quantityWh: '1000' });
    expect([smaller.maxCost, smaller.priorityAt]).to.deep.equal(['30', iso(T0 + MIN)]);
    expect(await w.balance(buyerEid, 'DECC')).to.equal(970n);
    expect((await w.mkFails('CancelOrder', near, { orderId: b.id })).message).to.match(/^ACCESS_DENIED/);
    const c = await w.mk<Order>('CancelOrder', buyer, { orderId: b.id });
    expect([c.status, c.released]).to.deep.equal(['cancelled', '30']);
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n);
    expect((await w.mkFails('AmendOrder', buyer, { orderId: b.id, quantityWh: '1' })).message).to.match(/is cancelled/);
    await w.expectInvariants();
  });

  it('posting needs a holder with the right role, a certified own meter in the zone and a deposit; bad input names the field and writes nothing', async () => {
    const before = w.stateFingerprint();
    expect((await w.mkFails('PostOrder', buyer, { ...order(buyerEid, 'buy', buyerM, 1000, 10, 0), quantityWh: '1.5' })).message).to.equal('VALIDATION: request.quantityWh: must be a non-negative integer string in base units');
    expect((await w.mkFails('PostOrder', buyer, { ...order(buyerEid, 'buy', buyerM, 1000, 10, 0), latE6: 1.5 })).message).to.match(/^VALIDATION: request.latE6/);
    expect((await w.mkFails('PostOrder', buyer, { ...order(buyerEid, 'buy', buyerM, 1000, 10, 0), slot: '2026-01-01T01:07:00.000Z' })).message).to.match(/^VALIDATION: request.slot: must be the start of a 15-minute slot/);
    expect((await w.mkFails('PostOrder', buyer, order(buyerEid, 'buy', nearM, 1000, 10, 0))).message).to.match(/^VALIDATION: request.meter: .*not owned/);
    expect((await w.mkFails('PostOrder', near, order(buyerEid, 'buy', buyerM, 1000, 10, 0))).message).to.match(/^ACCESS_DENIED: caller is not bound/);
    expect((await w.mkFails('PostOrder', buyer, order(buyerEid, 'sell', buyerM, 1000, 10, 0))).message).to.match(/^ACCESS_DENIED: a sell order needs one of the roles producer, storage-owner/);
    expect((await w.mkFails('PostOrder', buyer, { ...order(buyerEid, 'buy', buyerM, 1000, 10, 0), zone: 'NOWHERE' })).message).to.match(/^NOT_FOUND: market zone NOWHERE/);
    expect((await w.mkFails('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 1_000_000, 10, 0))).message).to.match(/^CONFLICT: insufficient DECC/);
    expect(w.stateFingerprint()).to.equal(before);
    // No deposit, uncertified meter.
    const poor = user('poor', 'BankMSP');
    const poorEid = await w.onboard(poor, ['consumer']);
    const pm = await w.meter(poor, poorEid);
    expect((await w.mkFails('PostOrder', poor, order(poorEid, 'buy', pm, 1000, 10, 0))).message).to.match(/needs a DEC business deposit of at least/);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const dev = await w.call<Device>('identity', 'RegisterDevice', buyer, { ownerEid: buyerEid, kind: 'meter', serial: 'SN-uncert', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    await w.me('RegisterMeter', buyer, { meter: dev.eid, zone: 'ZONE-A', ratedPowerW: 1000 });
    expect((await w.mkFails('PostOrder', buyer, { ...order(buyerEid, 'buy', buyerM, 1000, 10, 0), meter: dev.eid })).message).to.match(/is registered; only a certified meter can trade/);
    expect((await w.mkFails('ConfigureZone', buyer, { zone: 'X' })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.mkFails('Match', buyer, { slot: SLOT, zone: 'ZONE-A' })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.mkFails('Match', operator, { slot: SLOT, zone: 'ZONE-A' })).message).to.match(/open for orders until/);
  });

  it('the market obligation keeps the deposit locked until the participant leaves with everything settled', async () => {
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 1000, 10, 0));
    expect((await w.call<{ obligations: string[] }>('token', 'GetDeposit', buyer, { account: buyerEid })).obligations).to.deep.equal(['market']);
    expect((await w.fails('token', 'WithdrawDeposit', buyer, { account: buyerEid, amount: '1' })).message).to.match(/open obligation/);
    expect((await w.mkFails('Leave', buyer, { eid: buyerEid })).message).to.match(/is not settled yet/);
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n); // unmatched: all released
    await w.mk('Leave', buyer, { eid: buyerEid });
    await w.call('token', 'WithdrawDeposit', buyer, { account: buyerEid, amount: DEPOSIT });
    await w.expectInvariants();
  });

  it('matching and settlement in pages give the same result as in one go', async () => {
    const extraBuyers: { eid: string; c: TestCaller; m: SimMeter }[] = [];
    for (let i = 0; i < 4; i++) {
      const c = user(`b${i}`, 'BankMSP');
      const eid = await w.trader(c, ['consumer'], 1);
      extraBuyers.push({ eid, c, m: await w.meter(c, eid) });
    }
    await w.mk('PostOrder', near, order(nearEid, 'sell', nearM, 3000, 10, 10));
    await w.mk('PostOrder', far, order(farEid, 'sell', farM, 3000, 12, 50));
    for (const [i, b] of extraBuyers.entries()) await w.mk('PostOrder', b.c, order(b.eid, 'buy', b.m, 1000 + 500 * i, 15, i * 7));
    w.at(SLOT_MS - 5 * MIN);
    const pages: { page: { from: number; to: number }; done: boolean }[] = [];
    do pages.push(await w.mk('Match', grid(), { slot: SLOT, zone: 'ZONE-A', pageSize: 2 }));
    while (!pages[pages.length - 1]?.done);
    const trades = (await w.mk<{ items: Trade[] }>('Trades', regulator, { slot: SLOT, zone: 'ZONE-A' })).items;
    expect(trades.length).to.be.greaterThan(2);
    expect(pages.map((p) => p.page)).to.deep.equal(Array.from({ length: Math.ceil(trades.length / 2) }, (_, i) => ({ from: 2 * i, to: Math.min(2 * i + 2, trades.length) })));
    expect(trades.map((t) => t.seq).sort()).to.deep.equal(trades.map((_, i) => i));
    expect(trades.reduce((s, t) => s + BigInt(t.quantityWh), 0n)).to.equal(6000n);
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: nearM, exportWh: 3000 }, { m: farM, exportWh: 3000 }, ...extraBuyers.map((b) => ({ m: b.m, importWh: 5000 }))]);
    w.at(SLOT_MS + 45 * MIN);
    let done = false;
    let calls = 0;
    while (!done) {
      done = (await w.mk<{ done: boolean }>('Settle', operator, { slot: SLOT, zone: 'ZONE-A', pageSize: 1 })).done;
      calls++;
    }
    expect(calls).to.equal(4);
    const c = await w.mk<Clearing>('Clearing', regulator, { slot: SLOT, zone: 'ZONE-A' });
    expect(c.totals.deliveredWh).to.equal('6000');
    expect(c.totals.paid).to.equal('66'); // near 3 kWh × 10 = 30, far 3 kWh × 12 = 36 (rounded down per trade)
    await w.expectInvariants();
  });

  it('matching one slot+zone does not conflict with posting in another slot or zone in the same block', async () => {
    await w.mk('ConfigureZone', operator, { zone: 'ZONE-B' });
    const bM = await w.meter(buyer, buyerEid, 'ZONE-B');
    for (let i = 0; i < 3; i++) await w.mk('PostOrder', near, order(nearEid, 'sell', nearM, 1000, 10, i));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 2500, 20, 0));
    w.at(SLOT_MS - 5 * MIN);
    const sim = new BlockSimulator(w.h.world);
    const next = iso(SLOT_MS + 15 * MIN);
    const block = [
      await sim.endorse({ contract: w.market, method: 'Match', caller: operator, args: [JSON.stringify({ slot: SLOT, zone: 'ZONE-A' })] }, w.h.nowMs),
      await sim.endorse({ contract: w.market, method: 'PostOrder', caller: near, args: [JSON.stringify(order(nearEid, 'sell', nearM, 1000, 10, 0, { slot: next }))] }, w.h.nowMs),
      await sim.endorse({ contract: w.market, method: 'PostOrder', caller: buyer, args: [JSON.stringify({ ...order(buyerEid, 'buy', bM, 1000, 10, 0, { slot: next }), zone: 'ZONE-B' })] }, w.h.nowMs),
    ];
    expect(block.map((e) => e.error?.message)).to.deep.equal([undefined, undefined, undefined]);
    expect(sim.commitBlock(block, w.h.nowMs)).to.deep.equal(['VALID', 'VALID', 'VALID']);
    expect(block[0]?.ranges.filter((r) => r.includes('market.ppa')).every((r) => r.includes(SLOT))).to.equal(true); // PPAs per book meter, from the slot on
    expect(block[0]?.ranges.filter((r) => r.includes('market.order'))).to.have.length(1);
  });

  it('a PPA settles each covered slot at the agreed price from the meters, before spot trades take the energy', async () => {
    const p = await w.mk<Ppa>('ProposePpa', near, { seller: nearEid, sellerMeter: nearM.eid, buyer: buyerEid, buyerMeter: buyerM.eid, zone: 'ZONE-A', quantityWh: '2000', price: '25', firstSlot: SLOT, lastSlot: iso(SLOT_MS + 15 * MIN) });
    expect((await w.mkFails('AcceptPpa', near, { ppaId: p.id })).message).to.match(/^ACCESS_DENIED/);
    const a = await w.mk<Ppa>('AcceptPpa', buyer, { ppaId: p.id });
    expect(a.status).to.equal('active');
    // The seller also sells 3 kWh spot to the buyer in the first slot.
    await w.mk('PostOrder', near, order(nearEid, 'sell', nearM, 3000, 10, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 3000, 10, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    const [t] = (await w.mk<{ items: Trade[] }>('Trades', regulator, { slot: SLOT, zone: 'ZONE-A' })).items;
    expect([t?.sellerPriorWh, t?.buyerPriorWh]).to.deep.equal(['2000', '2000']);
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: nearM, exportWh: 4000 }, { m: buyerM, importWh: 6000 }]); // 1 kWh short overall
    w.at(SLOT_MS + 45 * MIN);
    const ppaSettled = await w.mk<{ settlement: { deliveredWh: string; paid: string; fee: string; penalty: string } }>('SettlePpa', buyer, { ppaId: p.id, slot: SLOT });
    expect(ppaSettled.settlement).to.include({ deliveredWh: '2000', paid: '50', fee: '0', penalty: '0' });
    expect((await w.mkFails('SettlePpa', buyer, { ppaId: p.id, slot: SLOT })).message).to.match(/already settled/);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    // Spot: 2 kWh of 3 delivered (export 4000 − PPA 2000) → 20; short 1000 − 150 = 850 Wh → 0.85 DEC penalty.
    expect(await w.balance(nearEid, 'DECC')).to.equal(50n + 20n);
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n - 50n - 20n);
    expect(await w.deposit(nearEid)).to.equal(BigInt(DEPOSIT) - 85n * 10n ** 16n);
    const terminated = await w.mk<Ppa>('TerminatePpa', near, { ppaId: p.id, reason: 'plant sold' });
    expect(terminated.status).to.equal('terminated');
    // The second slot closed before the termination? No: termination at 01:45 is after its gate (01:10), so it still delivers.
    await w.expectInvariants();
  });

  it('grid emergency: storage owners offer, are dispatched nearest first and paid on metered delivery', async () => {
    const gridEid = await w.trader(gridOperator, ['grid'], 10);
    const s1 = user('store-1', 'LessorMSP');
    const s2 = user('store-2', 'LessorMSP');
    const e1 = await w.trader(s1, ['storage-owner'], 0);
    const e2 = await w.trader(s2, ['storage-owner'], 0);
    const m1 = await w.meter(s1, e1);
    const m2 = await w.meter(s2, e2);
    expect((await w.mkFails('PostEmergency', operator, { grid: gridEid, zone: 'ZONE-A', slot: SLOT, quantityWh: '5000', price: '50', latE6: 31_000_000, lonE6: 0 })).message).to.match(/^ACCESS_DENIED/);
    const e = await w.mk<Emergency>('PostEmergency', gridOperator, { grid: gridEid, zone: 'ZONE-A', slot: SLOT, quantityWh: '5000', price: '50', latE6: 31_000_000, lonE6: 0 });
    expect(e.maxCost).to.equal('250');
    const far1 = await w.mk<Offer>('OfferEmergency', s1, { emergencyId: e.id, eid: e1, meter: m1.eid, quantityWh: '4000', latE6: 31_000_000, lonE6: 9_000 });
    const near2 = await w.mk<Offer>('OfferEmergency', s2, { emergencyId: e.id, eid: e2, meter: m2.eid, quantityWh: '3000', latE6: 31_000_000, lonE6: 1_000 });
    expect((await w.mkFails('OfferEmergency', buyer, { emergencyId: e.id, eid: buyerEid, meter: buyerM.eid, quantityWh: '1', latE6: 0, lonE6: 0 })).message).to.match(/storage-owner/);
    const d = await w.mk<{ offers: Offer[] }>('DispatchEmergency', gridOperator, { emergencyId: e.id });
    expect(d.offers.map((o) => [o.id, o.dispatchedWh])).to.have.deep.members([
      [near2.id, '3000'],
      [far1.id, '2000'],
    ]);
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: m1, exportWh: 2000 }, { m: m2, exportWh: 3500 }]);
    w.at(SLOT_MS + 45 * MIN);
    const settled = await w.mk<{ emergency: Emergency }>('SettleEmergency', operator, { emergencyId: e.id });
    // 3 kWh × 50 = 150 (fee 1) and 2 kWh × 50 = 100 (fee 1)
    expect(settled.emergency).to.include({ status: 'settled', paid: '250', released: '0' });
    expect(await w.balance(e2, 'DECC')).to.equal(149n);
    expect(await w.balance(e1, 'DECC')).to.equal(99n);
    expect(await w.balance(gridEid, 'DECC')).to.equal(750n);
    await w.expectInvariants();
  });

  it('revenue assignment: a station’s proceeds go to the bank until the cap, then to the station again', async () => {
    const bank = user('bank-officer', 'BankMSP');
    const bankEid = await w.onboard(bank, ['funder']);
    expect((await w.mkFails('AssignRevenue', buyer, { meter: nearM.eid, beneficiary: bankEid, cap: '100' })).message).to.match(/^ACCESS_DENIED/);
    const a = await w.mk<{ id: string }>('AssignRevenue', near, { meter: nearM.eid, beneficiary: bankEid, cap: '100', ref: 'scf:receivable:R-1' });
    await w.mk('PostOrder', near, order(nearEid, 'sell', nearM, 6000, 30, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 6000, 30, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    w.at(SLOT_MS + 16 * MIN);
    await w.deliver([{ m: nearM, exportWh: 6000 }, { m: buyerM, importWh: 6000 }]);
    w.at(SLOT_MS + 45 * MIN);
    const s = await w.mkTx('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    // 6 kWh × 30 = 180, fee 1 → 179 net: 100 to the bank, 79 to the station owner.
    expect(await w.balance(bankEid, 'DECC')).to.equal(100n);
    expect(await w.balance(nearEid, 'DECC')).to.equal(79n);
    expect(await w.mk<{ status: string; paid: string }>('GetAssignment', regulator, { assignmentId: a.id })).to.include({ status: 'fulfilled', paid: '100' });
    const names = (s.events[0]?.payload as { events: { name: string }[] }).events.map((e) => e.name);
    expect(names).to.include.members(['AssignmentCollected', 'AssignmentFulfilled']);
    await w.expectInvariants();
  });

  it('no meter data after the grace period: the silent seller is not paid and is penalised; the buyer gets its escrow back', async () => {
    await w.mk('PostOrder', near, order(nearEid, 'sell', nearM, 2000, 10, 10));
    await w.mk('PostOrder', buyer, order(buyerEid, 'buy', buyerM, 2000, 10, 0));
    w.at(SLOT_MS - 5 * MIN);
    await w.mk('Match', operator, { slot: SLOT, zone: 'ZONE-A' });
    w.at(SLOT_MS + 45 * MIN);
    await w.mk('Settle', operator, { slot: SLOT, zone: 'ZONE-A' });
    const [t] = (await w.mk<{ items: Trade[] }>('TradesOf', buyer, { eid: buyerEid })).items;
    expect(t?.settlement).to.include({ data: 'both-missing', deliveredWh: '0', paid: '0', penalty: (19n * 10n ** 17n).toString() });
    expect(await w.balance(buyerEid, 'DECC')).to.equal(1000n);
    expect((await w.mkFails('TradesOf', near, { eid: buyerEid })).message).to.match(/^ACCESS_DENIED/);
    await w.expectInvariants();
  });
});

function grid(): TestCaller {
  return gridOperator;
}
