import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { ChargingWorld } from '../test-support/charging-world';
import { dec, operator, regulator, user } from '../test-support/energy-world';
import { T0 } from '../test-support/market-world';
import type { Rating } from '../ratings/ratings';
import type { Point, Session } from '../charging/state';
import { MaintenanceContract } from './contract';
import type { Maintainer, Order } from './state';

const HOUR = 3_600_000;
const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

class MaintenanceWorld extends ChargingWorld {
  readonly maintenance = new MaintenanceContract();
  async mt<T = Record<string, unknown>>(method: string, caller: Parameters<ChargingWorld['cg']>[1], input: unknown): Promise<T> {
    return (await this.h.invoke(this.maintenance, method, caller, [JSON.stringify(input)])).result as T;
  }
  async mtFails(method: string, caller: Parameters<ChargingWorld['cg']>[1], input: unknown): Promise<Error> {
    const { failure } = await import('@dec/chaincode-kit/testing');
    return failure(this.mt(method, caller, input), `maintenance:${method}`);
  }
}

describe('maintenance contract: report, dispatch to the nearest maintainer, evidence, confirmation or timeout, payment, ratings', () => {
  let w: MaintenanceWorld;
  const prov = user('mt-provider', 'SupplierMSP');
  const driver = user('mt-driver', 'BankMSP');
  const near = user('mt-near', 'LessorMSP');
  const far = user('mt-far', 'LessorMSP');
  let provEid: string, driverEid: string, nearEid: string, farEid: string;
  let point: Point;
  const place = { latE6: 31_000_000, lonE6: 121_000_000 };
  const report = (reporter: string, connectorId = 1) => ({ reporter, pointId: point.id, connectorId, description: 'connector 1 does not lock', photoHash: hash('photo') });
  const connectorState = async (id = 1): Promise<string | undefined> =>
    (await w.cg<{ connectors: { connectorId: number; state: string }[] }>('GetPoint', regulator, { pointId: point.id })).connectors.find((c) => c.connectorId === id)?.state;

  beforeEach(async () => {
    w = new MaintenanceWorld();
    await w.setupCharging(1000);
    ({ eid: provEid, point } = await w.provider(prov, 'CP-1', place));
    await w.call('token', 'MintDecc', prov, { account: provEid, decAmount: dec(10) });
    driverEid = await w.trader(driver, ['consumer'], 10);
    nearEid = await w.trader(near, ['maintainer'], 0);
    farEid = await w.trader(far, ['maintainer'], 0);
    await w.mt('RegisterMaintainer', near, { maintainer: nearEid, zone: 'ZONE-A', latE6: place.latE6 + 1000, lonE6: place.lonE6, charge: '500' });
    await w.mt('RegisterMaintainer', far, { maintainer: farEid, zone: 'ZONE-A', latE6: place.latE6 + 90_000, lonE6: place.lonE6, charge: '300' });
  });

  it('report -> nearest maintainer -> accept -> evidence -> provider confirms: the charge moves provider -> maintainer, the connector is available', async () => {
    const o = await w.mt<Order>('Report', driver, report(driverEid));
    expect(o).to.include({ status: 'dispatched', maintainer: nearEid, charge: '500', distance2: '1000000', provider: provEid });
    expect(await connectorState()).to.equal('out-of-service');
    expect((await w.mt<Maintainer>('GetMaintainer', regulator, { maintainer: nearEid })).status).to.equal('busy');
    const fp = w.stateFingerprint();
    expect((await w.mtFails('Report', driver, report(driverEid))).message).to.match(/already has maintenance order/);
    expect((await w.cgFails('SetConnectorState', prov, { pointId: point.id, connectorId: 1, state: 'available' })).message).to.match(/under maintenance order/);
    expect((await w.mtFails('Accept', far, { orderId: o.id })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.mtFails('Report', driver, { ...report(driverEid), photoHash: 'nope' })).message).to.match(/request\.photoHash/);
    expect((await w.mtFails('Report', driver, { ...report(driverEid), description: '' })).message).to.match(/request\.description/);
    expect((await w.mtFails('Complete', near, { orderId: o.id, evidenceHash: hash('done') })).message).to.match(/is dispatched/);
    expect(w.stateFingerprint()).to.equal(fp);

    await w.mt('Accept', near, { orderId: o.id });
    expect(await connectorState()).to.equal('maintenance');
    await w.mt('Complete', near, { orderId: o.id, evidenceHash: hash('new lock, tested') });
    const p0 = await w.balance(provEid, 'DECC');
    const m0 = await w.balance(nearEid, 'DECC');
    const fp2 = w.stateFingerprint();
    expect((await w.mtFails('Confirm', near, { orderId: o.id })).message).to.match(/^RULE_VIOLATION: maintenance\.self-confirmation: a provider cannot confirm its own maintenance/);
    expect((await w.mtFails('Confirm', driver, { orderId: o.id })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.mtFails('SettleTimeout', near, { orderId: o.id })).message).to.match(/may confirm until/);
    expect((await w.mtFails('RateRepair', prov, { orderId: o.id, stars: 5 })).message).to.match(/only a paid repair/);
    expect(w.stateFingerprint()).to.equal(fp2);

    const paid = await w.mt<Order>('Confirm', prov, { orderId: o.id });
    expect(paid).to.include({ status: 'paid', paidHow: 'confirmed', evidenceHash: hash('new lock, tested') });
    expect(p0 - (await w.balance(provEid, 'DECC'))).to.equal(500n);
    expect((await w.balance(nearEid, 'DECC')) - m0).to.equal(500n);
    expect(await connectorState()).to.equal('available');
    expect((await w.mt<Maintainer>('GetMaintainer', regulator, { maintainer: nearEid })).status).to.equal('available');
    expect((await w.mtFails('Confirm', prov, { orderId: o.id })).message).to.match(/is paid/);

    expect((await w.mtFails('RateRepair', prov, { orderId: o.id, stars: 6 })).message).to.match(/request\.stars: must be at most 5/);
    const r = await w.mt<Rating>('RateRepair', prov, { orderId: o.id, stars: 4 });
    expect(r).to.include({ eid: nearEid, count: 1, sum: 4 });
    expect(r.repairs).to.deep.equal({ count: 1, sum: 4 });
    expect((await w.mtFails('RateRepair', prov, { orderId: o.id, stars: 5 })).message).to.match(/already rated/);
    expect((await w.mt<{ items: Order[] }>('OrdersOf', prov, { provider: provEid })).items.map((x) => x.id)).to.deep.equal([o.id]);
    await w.expectInvariants();
  });

  it('an unconfirmed repair is paid after 72 hours, not before; the provider short of DECC is refused and nothing changes', async () => {
    w.at(T0 + HOUR);
    const o = await w.mt<Order>('Report', driver, report(driverEid));
    await w.mt('Accept', near, { orderId: o.id });
    await w.mt('Complete', near, { orderId: o.id, evidenceHash: hash('fixed') });
    w.at(T0 + HOUR + 72 * HOUR - 1000);
    expect((await w.mtFails('SettleTimeout', near, { orderId: o.id })).message).to.match(/may confirm until/);
    w.at(T0 + HOUR + 72 * HOUR);
    const bal = await w.balance(provEid, 'DECC');
    await w.call('token', 'Transfer', prov, { from: provEid, to: driverEid, asset: 'DECC', amount: bal.toString() });
    const fp = w.stateFingerprint();
    expect((await w.mtFails('SettleTimeout', operator, { orderId: o.id })).message).to.match(/^CONFLICT: insufficient DECC/);
    expect(w.stateFingerprint()).to.equal(fp);
    await w.call('token', 'Transfer', driver, { from: driverEid, to: provEid, asset: 'DECC', amount: '600' });
    const paid = await w.mt<Order>('SettleTimeout', near, { orderId: o.id });
    expect(paid).to.include({ status: 'paid', paidHow: 'timeout' });
    await w.expectInvariants();
  });

  it('dispatch is deterministic: nearest, then better rating, then eID; never to the reporter; unassigned until someone is available', async () => {
    // the nearest maintainer reports: the order goes to the far one
    const o1 = await w.mt<Order>('Report', near, report(nearEid, 1));
    expect(o1.maintainer).to.equal(farEid);
    // nobody else is available (the near one stops taking orders): the second connector's order waits
    await w.mt('SetAvailability', near, { maintainer: nearEid, available: false });
    const o2 = await w.mt<Order>('Report', driver, report(driverEid, 2));
    expect(o2.status).to.equal('unassigned');
    expect(await connectorState(2)).to.equal('out-of-service');
    expect((await w.mtFails('Dispatch', prov, { orderId: o2.id })).message).to.match(/no maintainer is available/);
    const late = user('mt-late', 'LessorMSP');
    const lateEid = await w.trader(late, ['maintainer'], 0);
    await w.mt('RegisterMaintainer', late, { maintainer: lateEid, zone: 'ZONE-A', latE6: place.latE6, lonE6: place.lonE6 + 5000, charge: '1' });
    expect((await w.mtFails('Dispatch', driver, { orderId: o2.id })).message).to.match(/^ACCESS_DENIED/);
    const d2 = await w.mt<Order>('Dispatch', prov, { orderId: o2.id });
    expect(d2).to.include({ status: 'dispatched', maintainer: lateEid });
    expect((await w.mtFails('RegisterMaintainer', late, { maintainer: lateEid, zone: 'ZONE-A', latE6: 0, lonE6: 0, charge: '1' })).message).to.match(/is busy/);
    expect((await w.mtFails('RegisterMaintainer', driver, { maintainer: driverEid, zone: 'ZONE-A', latE6: 0, lonE6: 0, charge: '1' })).message).to.match(/^ACCESS_DENIED: .*maintainer/);
  });

  it('ratings after sessions feed the search order: at equal distance and price the better-rated provider comes first; a session is rated once, by its user', async () => {
    const prov2 = user('mt-provider-2', 'SupplierMSP');
    const { point: p2 } = await w.provider(prov2, 'CP-2', place);
    const from = { zone: 'ZONE-A', ...place };
    const before = await w.cg<{ items: Point[] }>('Search', regulator, from);
    const idsBefore = before.items.map((p) => p.id);
    const second = idsBefore[1] === p2.id ? p2 : point;
    const secondCaller = second.id === p2.id ? prov2 : prov;
    const s = await w.cg<Session>('StartInstant', driver, { user: driverEid, pointId: second.id, connectorId: 1, maxWh: '1000', maxMinutes: 10 });
    expect((await w.cgFails('RateSession', driver, { sessionId: s.id, stars: 5 })).message).to.match(/only a settled session/);
    await w.cg('StopSession', secondCaller, { sessionId: s.id, meterStopWh: '0' });
    expect((await w.cgFails('RateSession', secondCaller, { sessionId: s.id, stars: 5 })).message).to.match(/^ACCESS_DENIED/);
    const r = await w.cg<Rating>('RateSession', driver, { sessionId: s.id, stars: 5 });
    expect(r).to.include({ eid: second.provider, count: 1, sum: 5 });
    expect((await w.cgFails('RateSession', driver, { sessionId: s.id, stars: 1 })).message).to.match(/already rated/);
    const after = await w.cg<{ items: Point[] }>('Search', regulator, from);
    expect(after.items.map((p) => p.id)).to.deep.equal([idsBefore[1], idsBefore[0]]);
    expect(await w.mt<Rating>('Rating', regulator, { eid: second.provider })).to.include({ count: 1, sum: 5 });
  });
});
