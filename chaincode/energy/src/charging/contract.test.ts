import { BlockSimulator } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { operator, regulator, user } from '../test-support/energy-world';
import { CODE_A, CODE_B, ChargingWorld, HOUR, WIN_END, WIN_START } from '../test-support/charging-world';
import { T0 } from '../test-support/market-world';
import type { Point, Reservation, Session } from './state';

describe('charging contract: points, reservations with a dynamic code, sessions', () => {
  let w: ChargingWorld;
  const prov = user('cp-provider', 'SupplierMSP');
  const driver = user('driver', 'BankMSP');
  const rival = user('rival', 'LessorMSP');
  let provEid: string, driverEid: string, rivalEid: string;
  let point: Point;
  const rsvInput = (u: string, extra: Record<string, unknown> = {}) => ({ user: u, pointId: point.id, connectorId: 1, start: WIN_START, end: WIN_END, maxWh: '10000', ...extra });

  beforeEach(async () => {
    w = new ChargingWorld();
    await w.setupCharging(1000);
    ({ eid: provEid, point } = await w.provider(prov));
    driverEid = await w.trader(driver, ['consumer'], 100);
    rivalEid = await w.trader(rival, ['consumer'], 100);
  });

  it('lists a point with its connectors available; refuses a non-provider, a non-pile device and a taken charger ID, changing nothing', async () => {
    const view = await w.cg<{ point: Point; connectors: { state: string }[] }>('GetPoint', regulator, { pointId: point.id });
    expect(view.connectors.map((c) => c.state)).to.deep.equal(['available', 'available']);
    expect((await w.cg<{ point: Point }>('PointOfCharger', regulator, { chargerId: 'CP-1' })).point.id).to.equal(point.id);
    const meter = await w.meter(prov, provEid);
    const after = w.stateFingerprint();
    const base = { provider: provEid, device: meter.eid, chargerId: 'CP-2', zone: 'ZONE-A', latE6: 0, lonE6: 0, connectors: [{ connectorId: 1, powerW: 1000 }], pricePerKwh: '1', reservationFee: '0' };
    expect((await w.cgFails('RegisterPoint', prov, base)).message).to.match(/request\.device.*not a charging-pile/);
    expect((await w.cgFails('RegisterPoint', driver, { ...base, provider: driverEid })).message).to.match(/^ACCESS_DENIED: .*service-provider/);
    expect((await w.cgFails('RegisterPoint', prov, { ...base, connectors: [{ connectorId: 1, powerW: 1 }, { connectorId: 1, powerW: 2 }] })).message).to.match(/request\.connectors.*unique/);
    expect((await w.cgFails('RegisterPoint', prov, { ...base, pricePerKwh: '-1' })).message).to.match(/request\.pricePerKwh/);
    const pile = await w.call<{ eid: string }>('identity', 'RegisterDevice', prov, { ownerEid: provEid, kind: 'charging-pile', serial: 'PILE-2' });
    const fp = w.stateFingerprint();
    expect((await w.cgFails('RegisterPoint', prov, { ...base, device: pile.eid, chargerId: 'CP-1' })).message).to.match(/^CONFLICT: charger ID CP-1 is already registered/);
    expect(w.stateFingerprint()).to.equal(fp);
    expect(fp).to.not.equal(after);
  });

  it('reserve → start by code → meter → stop: provider, platform and driver balances to the unit; the code never reaches the ledger', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const fees0 = await w.balance('sys:fees', 'DECC');
    const r = await w.cg<Reservation>('Reserve', driver, rsvInput(driverEid), { code: CODE_A });
    // hold = fee 50 + ceil(10 kWh × 300 + 0.5 h × 60) = 50 + 3030
    expect(r.held).to.equal('3080');
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 3080n);
    expect(r).to.not.have.property('codeHash');
    const bytes = [...w.h.world.state.values()].map((v) => Buffer.from(v).toString('utf8')).join('\n');
    expect(bytes).to.not.include(CODE_A);

    w.at(Date.parse(WIN_START) + 5 * 60_000);
    const check = await w.cg<{ accepted: boolean; parentTag: string }>('VerifyCode', prov, { chargerId: 'CP-1', connectorId: 1 }, { code: CODE_A });
    expect(check).to.include({ accepted: true, parentTag: r.parentTag });
    expect((await w.cg<{ accepted: boolean }>('VerifyCode', prov, { chargerId: 'CP-1', connectorId: 1 }, { code: CODE_B })).accepted).to.equal(false);
    expect((await w.cgFails('StartReserved', prov, { reservationId: r.id, meterStartWh: '1000' }, { code: CODE_B })).message).to.match(/^CONFLICT: the code does not open/);
    expect((await w.cgFails('StartReserved', prov, { reservationId: r.id, meterStartWh: '1000' })).message).to.match(/transient\.code.*required/);
    const s = await w.cg<Session>('StartReserved', prov, { reservationId: r.id, meterStartWh: '1000' }, { code: CODE_A });
    expect((await w.cgFails('StartReserved', prov, { reservationId: r.id, meterStartWh: '1000' }, { code: CODE_A })).message).to.match(/is started: its code was used/);
    await w.cg('RecordMeter', prov, { sessionId: s.id, meterWh: '5000' });
    const fp = w.stateFingerprint();
    expect((await w.cgFails('RecordMeter', prov, { sessionId: s.id, meterWh: '4999' })).message).to.match(/request\.meterWh: must not go backwards/);
    expect((await w.cgFails('StopSession', driver, { sessionId: s.id, meterStopWh: '9000' })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(fp);

    w.at(Date.parse(WIN_START) + 35 * 60_000);
    const done = await w.cg<Session>('StopSession', prov, { sessionId: s.id, meterStopWh: '8500' });
    // 7.5 kWh × 300 + 1800 s × 60/h = 2250 + 30 = 2280; + fee 50 = 2330 earned; 10 % platform = 233
    expect(done).to.include({ energyWh: '7500', seconds: 1800, cost: '2280', captured: '2330', platformFee: '233', providerPaid: '2097', refunded: '750' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 2330n);
    expect(await w.balance(provEid, 'DECC')).to.equal(2097n);
    expect((await w.balance('sys:fees', 'DECC')) - fees0).to.equal(233n);
    expect((await w.cgFails('StopSession', prov, { sessionId: s.id, meterStopWh: '8500' })).message).to.match(/is settled/);
    const view = await w.cg<{ connectors: { state: string }[] }>('GetPoint', regulator, { pointId: point.id });
    expect(view.connectors[0]?.state).to.equal('available');
    await w.expectInvariants();
  });

  it('overlapping windows: the second is refused; two racing in one block, exactly one commits (MVCC)', async () => {
    await w.cg('Reserve', driver, rsvInput(driverEid), { code: CODE_A });
    const overlap = { start: new Date(Date.parse(WIN_START) + 15 * 60_000).toISOString(), end: new Date(Date.parse(WIN_END) + 15 * 60_000).toISOString() };
    const fp = w.stateFingerprint();
    expect((await w.cgFails('Reserve', rival, rsvInput(rivalEid, overlap), { code: CODE_B })).message).to.match(/^CONFLICT: connector 1 .* is reserved/);
    expect(w.stateFingerprint()).to.equal(fp);
    // Another connector and a later window are fine.
    await w.cg('Reserve', rival, rsvInput(rivalEid, { connectorId: 2 }), { code: CODE_B });

    const sim = new BlockSimulator(w.h.world, 'race');
    const later = { start: new Date(T0 + 3 * HOUR).toISOString(), end: new Date(T0 + 4 * HOUR).toISOString() };
    const a = await sim.endorse({ contract: w.charging, method: 'Reserve', caller: driver, args: [JSON.stringify(rsvInput(driverEid, later))], transient: { code: CODE_A } }, T0);
    const b = await sim.endorse({ contract: w.charging, method: 'Reserve', caller: rival, args: [JSON.stringify(rsvInput(rivalEid, { ...later, start: new Date(T0 + 3.5 * HOUR).toISOString() }))], transient: { code: CODE_B } }, T0);
    expect(a.error?.message).to.equal(undefined);
    expect(b.error?.message).to.equal(undefined);
    expect(sim.commitBlock([a, b], T0)).to.deep.equal(['VALID', 'MVCC_READ_CONFLICT']);
  });

  it('no-show: refused before the window ends; after it the fee goes to the provider (minus the platform fee), the rest back', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const r = await w.cg<Reservation>('Reserve', driver, rsvInput(driverEid), { code: CODE_A });
    w.at(Date.parse(WIN_END) - 1);
    expect((await w.cgFails('NoShow', prov, { reservationId: r.id })).message).to.match(/runs until/);
    w.at(Date.parse(WIN_END));
    expect((await w.cgFails('NoShow', driver, { reservationId: r.id })).message).to.match(/^ACCESS_DENIED/);
    const closed = await w.cg<Reservation>('NoShow', prov, { reservationId: r.id });
    expect(closed).to.include({ status: 'no-show', providerPaid: '45', platformFee: '5', refunded: '3030' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 50n);
    expect((await w.cgFails('StartReserved', prov, { reservationId: r.id, meterStartWh: '0' }, { code: CODE_A })).message).to.match(/is no-show/);
    await w.expectInvariants();
  });

  it('cancellation: free until 30 minutes before, then the fee is owed, refused once the window started; the slots become free', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const r1 = await w.cg<Reservation>('Reserve', driver, rsvInput(driverEid), { code: CODE_A });
    expect((await w.cgFails('Cancel', rival, { reservationId: r1.id })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.cg<Reservation>('Cancel', driver, { reservationId: r1.id })).refunded).to.equal('3080');
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0);
    const r2 = await w.cg<Reservation>('Reserve', rival, rsvInput(rivalEid), { code: CODE_B });
    w.at(Date.parse(WIN_START) - 10 * 60_000);
    expect(await w.cg<Reservation>('Cancel', rival, { reservationId: r2.id })).to.include({ providerPaid: '45', platformFee: '5', refunded: '3030' });
    const r3 = await w.cg<Reservation>('Reserve', driver, rsvInput(driverEid), { code: CODE_A });
    w.at(Date.parse(WIN_START));
    expect((await w.cgFails('Cancel', driver, { reservationId: r3.id })).message).to.match(/can no longer be cancelled/);
    await w.expectInvariants();
  });

  it('refuses bad windows and inputs naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ start: new Date(T0 + HOUR + 60_000).toISOString() }, /request\.start: must be on a 15-minute boundary/],
      [{ end: WIN_START }, /request\.end: must be after/],
      [{ end: new Date(T0 + 20 * HOUR).toISOString() }, /request\.end: a window is at most 480 minutes/],
      [{ start: new Date(T0 - HOUR).toISOString() }, /request\.start: must not be before the current slot/],
      [{ maxWh: '1.5' }, /request\.maxWh/],
      [{ connectorId: 7 }, /request\.connectorId: .*no connector 7/],
    ];
    const fp = w.stateFingerprint();
    for (const [extra, re] of cases) expect((await w.cgFails('Reserve', driver, rsvInput(driverEid, extra), { code: CODE_A })).message).to.match(re);
    expect((await w.cgFails('Reserve', driver, rsvInput(driverEid), { code: 'short' })).message).to.match(/transient\.code: must be 20 base32/);
    expect((await w.cgFails('Reserve', driver, rsvInput(rivalEid), { code: CODE_A })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(fp);
  });

  it('scan to pay: refused on a connector reserved for now; otherwise a hold for the maximum, settled from the meter', async () => {
    await w.cg('Reserve', rival, rsvInput(rivalEid, { start: new Date(T0).toISOString(), end: new Date(T0 + HOUR).toISOString() }), { code: CODE_B });
    const instant = { user: driverEid, pointId: point.id, connectorId: 1, maxWh: '20000', maxMinutes: 60 };
    expect((await w.cgFails('StartInstant', driver, instant)).message).to.match(/is reserved now/);
    const d0 = await w.balance(driverEid, 'DECC');
    const s = await w.cg<Session>('StartInstant', driver, { ...instant, connectorId: 2 });
    expect(s.held).to.equal('6060'); // 20 kWh × 300 + 1 h × 60
    expect((await w.cgFails('StartInstant', rival, { ...instant, user: rivalEid, connectorId: 2 })).message).to.match(/is in-use/);
    await w.cg('RecordMeter', prov, { sessionId: s.id, meterWh: '100000' });
    w.at(T0 + 10 * 60_000);
    const done = await w.cg<Session>('StopSession', prov, { sessionId: s.id, meterStopWh: '103333' });
    // 3.333 kWh × 300 = 999.9 + 600 s × 60/h = 10 → floor(1009.9) = 1009; fee floor(100.9) = 100
    expect(done).to.include({ energyWh: '3333', cost: '1009', platformFee: '100', providerPaid: '909', refunded: '5051' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0 - 1009n);
    await w.expectInvariants();
  });

  it('search: nearest first, then cheaper, then by ID; paged', async () => {
    const p2 = await w.provider(user('prov-2', 'LessorMSP'), 'CP-2', { latE6: 31_000_000, lonE6: 121_000_500 }, '100');
    const p3 = await w.provider(user('prov-3', 'LessorMSP'), 'CP-3', { latE6: 31_000_000, lonE6: 120_999_500 }, '90');
    const from = { zone: 'ZONE-A', latE6: 31_000_000, lonE6: 121_000_000 };
    const page1 = await w.cg<{ items: Point[]; bookmark: string }>('Search', regulator, { ...from, pageSize: 2 });
    expect(page1.items.map((p) => p.id)).to.deep.equal([point.id, p3.point.id]);
    const page2 = await w.cg<{ items: Point[]; bookmark: string }>('Search', regulator, { ...from, pageSize: 2, bookmark: page1.bookmark });
    expect(page2.items.map((p) => p.id)).to.deep.equal([p2.point.id]);
    expect(page2.bookmark).to.equal('');
    expect((await w.cgFails('Search', regulator, { ...from, bookmark: 'x' })).message).to.match(/request\.bookmark/);
  });

  it('a point with 1-minute slots takes 1-minute windows; a slot length outside the list is refused', async () => {
    const pile = await w.call<{ eid: string }>('identity', 'RegisterDevice', prov, { ownerEid: provEid, kind: 'charging-pile', serial: 'PILE-FAST' });
    const base = { provider: provEid, device: pile.eid, chargerId: 'CP-FAST', zone: 'ZONE-A', latE6: 0, lonE6: 0, connectors: [{ connectorId: 1, powerW: 1000 }], pricePerKwh: '1', reservationFee: '5' };
    expect((await w.cgFails('RegisterPoint', prov, { ...base, slotMinutes: 7 })).message).to.match(/request\.slotMinutes: must be one of 1, 5, 15, 30, 60/);
    const fast = await w.cg<Point>('RegisterPoint', prov, { ...base, slotMinutes: 1 });
    const win = { pointId: fast.id, start: new Date(T0 + 60_000).toISOString(), end: new Date(T0 + 2 * 60_000).toISOString() };
    const r = await w.cg<Reservation>('Reserve', driver, rsvInput(driverEid, { ...win, maxWh: '1000' }), { code: CODE_A });
    expect(r.held).to.equal('6'); // fee 5 + 1 kWh × 1
    expect((await w.cgFails('Reserve', driver, rsvInput(driverEid, { ...win, start: new Date(T0 + 90_000).toISOString() }), { code: CODE_A })).message).to.match(/request\.start: must be on a 1-minute boundary/);
  });

  it('connector states: the provider or platform sets them; a connector in use cannot be set; an out-of-service one cannot be reserved', async () => {
    expect((await w.cgFails('SetConnectorState', driver, { pointId: point.id, connectorId: 1, state: 'maintenance' })).message).to.match(/^ACCESS_DENIED/);
    await w.cg('SetConnectorState', operator, { pointId: point.id, connectorId: 1, state: 'out-of-service' });
    expect((await w.cgFails('Reserve', driver, rsvInput(driverEid), { code: CODE_A })).message).to.match(/is out-of-service/);
    expect((await w.cgFails('SetConnectorState', prov, { pointId: point.id, connectorId: 1, state: 'in-use' })).message).to.match(/request\.state/);
  });
});
