import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { CODE_A, CODE_B, HOUR, WIN_END, WIN_START } from '../test-support/charging-world';
import { operator, regulator, user } from '../test-support/energy-world';
import { T0 } from '../test-support/market-world';
import { HOME, RentalWorld } from '../test-support/rental-world';
import type { Item, Rental, RentalReservation } from './state';

describe('rental contract: equipment listed, reserved with a dynamic code, rented by time, returned in a zone', () => {
  let w: RentalWorld;
  const prov = user('fleet', 'SupplierMSP');
  const driver = user('renter', 'BankMSP');
  const rival = user('rival-renter', 'LessorMSP');
  let provEid: string, driverEid: string, rivalEid: string;
  let car: Item;
  const rsv = (u: string, extra: Record<string, unknown> = {}) => ({ user: u, itemId: car.id, start: WIN_START, end: WIN_END, ...extra });
  const OUTSIDE = { latE6: HOME.latE6 + 5000, lonE6: HOME.lonE6 };
  const EDGE = { latE6: HOME.latE6 + 600, lonE6: HOME.lonE6 + 800 }; // exactly 1000 µ° away

  beforeEach(async () => {
    w = new RentalWorld();
    await w.setupCharging(1000);
    ({ eid: provEid, item: car } = await w.rentalProvider(prov, { outsideReturnFee: '200' }));
    driverEid = await w.trader(driver, ['consumer'], 100);
    rivalEid = await w.trader(rival, ['consumer'], 100);
  });

  it('lists a vehicle available; refuses a vehicle without its device, a device of another kind, a non-provider and a bad return zone, changing nothing', async () => {
    const view = await w.rt<{ item: Item; state: { state: string } }>('GetItem', regulator, { itemId: car.id });
    expect(view.state.state).to.equal('available');
    expect(view.item).to.include({ category: 'vehicle', pricePerHour: '600', outsideReturnFee: '200' });
    const pile = await w.call<{ eid: string }>('identity', 'RegisterDevice', prov, { ownerEid: provEid, kind: 'charging-pile', serial: 'PILE-R' });
    const fp = w.stateFingerprint();
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { category: 'vehicle' }))).message).to.match(/request\.device: a vehicle is listed with its registered vehicle device/);
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { device: pile.eid }))).message).to.match(/request\.device: .*not a vehicle/);
    expect((await w.rtFails('ListItem', driver, w.itemInput(driverEid))).message).to.match(/^ACCESS_DENIED: .*service-provider/);
    expect((await w.rtFails('ListItem', rival, w.itemInput(provEid))).message).to.match(/^ACCESS_DENIED/);
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { returnZone: { ...HOME, radiusE6: 0 } }))).message).to.match(/request\.returnZone\.radiusE6: must be at least 1/);
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { pricePerHour: '1.5' }))).message).to.match(/request\.pricePerHour/);
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { category: 'spaceship' }))).message).to.match(/request\.category/);
    expect((await w.rtFails('ListItem', prov, w.itemInput(provEid, { category: 'vehicle', device: car.device }))).message).to.match(/^CONFLICT: device .* is already listed/);
    expect(w.stateFingerprint()).to.equal(fp);
    // Other equipment needs no device.
    expect((await w.rt<Item>('ListItem', prov, w.itemInput(provEid))).category).to.equal('e-bike');
  });

  it('reserve → start by code → return inside the zone: user, provider and platform to the unit; the code never reaches the ledger', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const fees0 = await w.balance('sys:fees', 'DECC');
    const r = await w.rt<RentalReservation>('Reserve', driver, rsv(driverEid), { code: CODE_A });
    // hold = fee 50 + 0.5 h × 600 + outside-return fee 200
    expect(r.held).to.equal('550');
    expect(r).to.not.have.property('codeHash');
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 550n);
    const bytes = [...w.h.world.state.values()].map((v) => Buffer.from(v).toString('utf8')).join('\n');
    expect(bytes).to.not.include(CODE_A);

    w.at(Date.parse(WIN_START) - 20 * 60_000);
    expect((await w.rtFails('StartReserved', prov, { reservationId: r.id }, { code: CODE_A })).message).to.match(/window starts at/);
    w.at(Date.parse(WIN_START) + 5 * 60_000);
    const fp = w.stateFingerprint();
    expect((await w.rtFails('StartReserved', prov, { reservationId: r.id }, { code: CODE_B })).message).to.match(/^CONFLICT: the code does not open/);
    expect((await w.rtFails('StartReserved', prov, { reservationId: r.id })).message).to.match(/transient\.code.*required/);
    expect((await w.rtFails('StartReserved', driver, { reservationId: r.id }, { code: CODE_A })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(fp);
    const rent = await w.rt<Rental>('StartReserved', prov, { reservationId: r.id }, { code: CODE_A });
    expect((await w.rtFails('StartReserved', prov, { reservationId: r.id }, { code: CODE_A })).message).to.match(/is started: its code was used/);
    expect((await w.rt<{ state: { state: string } }>('GetItem', regulator, { itemId: car.id })).state.state).to.equal('in-use');
    expect((await w.rtFails('SetItemState', prov, { itemId: car.id, state: 'maintenance' })).message).to.match(/is in use by rental/);

    w.at(Date.parse(WIN_START) + 25 * 60_000);
    expect((await w.rtFails('Return', driver, { rentalId: rent.id, ...EDGE })).message).to.match(/^ACCESS_DENIED/);
    const done = await w.rt<Rental>('Return', prov, { rentalId: rent.id, ...EDGE });
    // 1200 s × 600/h = 200; + reservation fee 50 = 250 earned; 10 % platform = 25
    expect(done).to.include({ seconds: 1200, cost: '200', outsideFee: '0', insideReturnZone: true, captured: '250', platformFee: '25', providerPaid: '225', refunded: '300' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 250n);
    expect(await w.balance(provEid, 'DECC')).to.equal(225n);
    expect((await w.balance('sys:fees', 'DECC')) - fees0).to.equal(25n);
    expect((await w.rtFails('Return', prov, { rentalId: rent.id, ...EDGE })).message).to.match(/is returned/);
    const view = await w.rt<{ item: Item; state: { state: string } }>('GetItem', regulator, { itemId: car.id });
    expect(view.state.state).to.equal('available');
    expect(view.item).to.include(EDGE);
    await w.expectInvariants();
  });

  it('a return outside the zone: charged the stated fee; refused (nothing changed) when the item states no fee', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const rent = await w.rt<Rental>('StartInstant', driver, { user: driverEid, itemId: car.id, maxMinutes: 60 });
    expect(rent.held).to.equal('800'); // 1 h × 600 + outside fee 200
    w.at(T0 + 10 * 60_000 + 999);
    const done = await w.rt<Rental>('Return', prov, { rentalId: rent.id, ...OUTSIDE });
    // 600 s (the 999 ms are not charged) × 600/h = 100; + outside fee 200 = 300; platform 30
    expect(done).to.include({ seconds: 600, cost: '100', outsideFee: '200', insideReturnZone: false, captured: '300', platformFee: '30', providerPaid: '270', refunded: '500' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 300n);

    const bike = await w.rt<Item>('ListItem', prov, w.itemInput(provEid));
    const b = await w.rt<Rental>('StartInstant', driver, { user: driverEid, itemId: bike.id, maxMinutes: 30 });
    expect(b.held).to.equal('300');
    const fp = w.stateFingerprint();
    expect((await w.rtFails('Return', prov, { rentalId: b.id, ...OUTSIDE })).message).to.match(/request\.latE6: the return place is outside the item's return zone/);
    expect((await w.rtFails('Return', prov, { rentalId: b.id, latE6: 91_000_000, lonE6: 0 })).message).to.match(/request\.latE6/);
    expect(w.stateFingerprint()).to.equal(fp);
    w.at(T0 + 45 * 60_000);
    // Kept past maxMinutes (2099 s): the cost (349) is capped at the hold (300).
    expect(await w.rt<Rental>('Return', prov, { rentalId: b.id, ...HOME })).to.include({ seconds: 2099, cost: '349', captured: '300', refunded: '0' });
    await w.expectInvariants();
  });

  it('overlapping windows: the second is refused; two racing in one block, exactly one commits (MVCC)', async () => {
    await w.rt('Reserve', driver, rsv(driverEid), { code: CODE_A });
    const overlap = { start: new Date(Date.parse(WIN_START) + 15 * 60_000).toISOString(), end: new Date(Date.parse(WIN_END) + 15 * 60_000).toISOString() };
    const fp = w.stateFingerprint();
    expect((await w.rtFails('Reserve', rival, rsv(rivalEid, overlap), { code: CODE_B })).message).to.match(/^CONFLICT: rental item .* is reserved/);
    expect(w.stateFingerprint()).to.equal(fp);

    const sim = new BlockSimulator(w.h.world, 'race');
    const later = { start: new Date(T0 + 3 * HOUR).toISOString(), end: new Date(T0 + 4 * HOUR).toISOString() };
    const a = await sim.endorse({ contract: w.rental, method: 'Reserve', caller: driver, args: [JSON.stringify(rsv(driverEid, later))], transient: { code: CODE_A } }, T0);
    const b = await sim.endorse({ contract: w.rental, method: 'Reserve', caller: rival, args: [JSON.stringify(rsv(rivalEid, { ...later, start: new Date(T0 + 3.5 * HOUR).toISOString() }))], transient: { code: CODE_B } }, T0);
    expect(a.error?.message).to.equal(undefined);
    expect(b.error?.message).to.equal(undefined);
    expect(sim.commitBlock([a, b], T0)).to.deep.equal(['VALID', 'MVCC_READ_CONFLICT']);
  });

  it('no-show after the window pays the fee to the provider; cancellation is free early, owes the fee late, is refused from the start', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const r = await w.rt<RentalReservation>('Reserve', driver, rsv(driverEid), { code: CODE_A });
    expect((await w.rtFails('Cancel', rival, { reservationId: r.id })).message).to.match(/^ACCESS_DENIED/);
    w.at(Date.parse(WIN_END) - 1);
    expect((await w.rtFails('NoShow', prov, { reservationId: r.id })).message).to.match(/runs until/);
    w.at(Date.parse(WIN_END));
    expect((await w.rtFails('NoShow', driver, { reservationId: r.id })).message).to.match(/^ACCESS_DENIED/);
    expect(await w.rt<RentalReservation>('NoShow', prov, { reservationId: r.id })).to.include({ status: 'no-show', providerPaid: '45', platformFee: '5', refunded: '500' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 50n);
    expect((await w.rtFails('StartReserved', prov, { reservationId: r.id }, { code: CODE_A })).message).to.match(/is no-show/);

    const start = new Date(T0 + 3 * HOUR).toISOString();
    const win = { start, end: new Date(T0 + 3.5 * HOUR).toISOString() };
    const r1 = await w.rt<RentalReservation>('Reserve', driver, rsv(driverEid, win), { code: CODE_A });
    expect((await w.rt<RentalReservation>('Cancel', driver, { reservationId: r1.id })).refunded).to.equal('550');
    const r2 = await w.rt<RentalReservation>('Reserve', rival, rsv(rivalEid, win), { code: CODE_B });
    w.at(Date.parse(start) - 10 * 60_000);
    expect(await w.rt<RentalReservation>('Cancel', rival, { reservationId: r2.id })).to.include({ providerPaid: '45', platformFee: '5', refunded: '500' });
    const r3 = await w.rt<RentalReservation>('Reserve', driver, rsv(driverEid, win), { code: CODE_A });
    w.at(Date.parse(start));
    expect((await w.rtFails('Cancel', driver, { reservationId: r3.id })).message).to.match(/can no longer be cancelled/);
    await w.expectInvariants();
  });

  it('scan to pay: refused on an item reserved for now or in use; bad windows and inputs are refused naming the field', async () => {
    await w.rt('Reserve', rival, rsv(rivalEid, { start: new Date(T0).toISOString(), end: new Date(T0 + HOUR).toISOString() }), { code: CODE_B });
    const fp = w.stateFingerprint();
    expect((await w.rtFails('StartInstant', driver, { user: driverEid, itemId: car.id, maxMinutes: 30 })).message).to.match(/is reserved now/);
    expect((await w.rtFails('StartInstant', driver, { user: driverEid, itemId: car.id, maxMinutes: 0 })).message).to.match(/request\.maxMinutes/);
    expect((await w.rtFails('StartInstant', prov, { user: provEid, itemId: car.id, maxMinutes: 30 })).message).to.match(/cannot pay itself/);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ start: new Date(T0 + HOUR + 60_000).toISOString() }, /request\.start: must be on a 15-minute boundary/],
      [{ end: WIN_START }, /request\.end: must be after/],
      [{ start: new Date(T0 - HOUR).toISOString() }, /request\.start: must not be before the current slot/],
      [{ itemId: 'rd:nope' }, /request\.itemId/],
    ];
    for (const [extra, re] of cases) expect((await w.rtFails('Reserve', driver, rsv(driverEid, extra), { code: CODE_A })).message).to.match(re);
    expect((await w.rtFails('Reserve', driver, rsv(driverEid), { code: 'short' })).message).to.match(/transient\.code: must be 20 base32/);
    expect((await w.rtFails('Reserve', driver, rsv(rivalEid), { code: CODE_A })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.rtFails('Reserve', prov, rsv(provEid), { code: CODE_A })).message).to.match(/request\.user: a provider cannot reserve its own item/);
    expect(w.stateFingerprint()).to.equal(fp);

    const bike = await w.rt<Item>('ListItem', prov, w.itemInput(provEid));
    await w.rt('StartInstant', driver, { user: driverEid, itemId: bike.id, maxMinutes: 30 });
    expect((await w.rtFails('StartInstant', rival, { user: rivalEid, itemId: bike.id, maxMinutes: 30 })).message).to.match(/is in-use/);
  });

  it('availability: the provider or platform sets it; an item out of service cannot be reserved or rented', async () => {
    expect((await w.rtFails('SetItemState', driver, { itemId: car.id, state: 'maintenance' })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.rtFails('SetItemState', prov, { itemId: car.id, state: 'in-use' })).message).to.match(/request\.state/);
    await w.rt('SetItemState', operator, { itemId: car.id, state: 'out-of-service' });
    const fp = w.stateFingerprint();
    expect((await w.rtFails('Reserve', driver, rsv(driverEid), { code: CODE_A })).message).to.match(/is out-of-service/);
    expect((await w.rtFails('StartInstant', driver, { user: driverEid, itemId: car.id, maxMinutes: 30 })).message).to.match(/is out-of-service/);
    expect(w.stateFingerprint()).to.equal(fp);
  });

  it('search: one category, nearest first, then cheaper per hour, paged; reads are for the parties', async () => {
    const near = await w.rt<Item>('ListItem', prov, w.itemInput(provEid, { serial: 'BIKE-N', lonE6: HOME.lonE6 + 100, pricePerHour: '900' }));
    const cheap = await w.rt<Item>('ListItem', prov, w.itemInput(provEid, { serial: 'BIKE-C', lonE6: HOME.lonE6 - 100, pricePerHour: '300' }));
    await w.rt<Item>('ListItem', prov, w.itemInput(provEid, { serial: 'BIKE-F', latE6: HOME.latE6 + 900 }));
    const from = { zone: 'ZONE-A', ...HOME, category: 'e-bike' };
    const page1 = await w.rt<{ items: Item[]; bookmark: string }>('Search', regulator, { ...from, pageSize: 2 });
    expect(page1.items.map((i) => i.id)).to.deep.equal([cheap.id, near.id]);
    const page2 = await w.rt<{ items: Item[]; bookmark: string }>('Search', regulator, { ...from, pageSize: 2, bookmark: page1.bookmark });
    expect(page2.items.map((i) => i.serial)).to.deep.equal(['BIKE-F']);
    expect((await w.rt<{ items: Item[] }>('Search', regulator, { ...from, category: 'vehicle' })).items.map((i) => i.id)).to.deep.equal([car.id]);
    expect((await w.rtFails('Search', regulator, { ...from, bookmark: 'x' })).message).to.match(/request\.bookmark/);

    const r = await w.rt<RentalReservation>('Reserve', driver, rsv(driverEid), { code: CODE_A });
    expect((await w.rt<RentalReservation>('GetReservation', prov, { reservationId: r.id })).id).to.equal(r.id);
    expect((await w.rtFails('GetReservation', rival, { reservationId: r.id })).message).to.match(/^ACCESS_DENIED/);
  });
});
