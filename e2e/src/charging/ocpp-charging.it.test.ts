/**
 * Sharing charging on the real network, through the gateway REST API and a
 * real OCPP 1.6J connection (ocpp-rpc on both ends):
 *
 *   reserve over REST (code in the transient map) -> the CSMS, following the
 *   chaincode event stream, sends ReserveNow to the simulated charger ->
 *   Authorize(code) answers the reservation's parentIdTag -> StartTransaction
 *   (the code re-verified on chain) -> MeterValues -> StopTransaction settles
 *   on chain -> user, provider and platform balances checked to the unit;
 *   a wrong code is Invalid; two users racing for one window: exactly one wins;
 *   a no-show (window booked at the start, closed after its end): the fee to the provider.
 *
 * Prices: 300 DECC units per kWh, no time price, reservation fee 50, platform
 * fee 1000 bps (README of the charging domain for the rounding).
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChargePointSimulator, Csms } from '@dec/charging-service';
import { eventually, startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';
import { balance as deccBalance, ok, participant as joinAs, setupCharging } from './charging-world';

/** The test's point takes reservations in 1-minute slots, so a no-show's window ends within two minutes. */
const SLOT = 60_000;
const base32 = (): string => Array.from(randomBytes(20), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');

describe('charging over OCPP 1.6J on the real network (reserve -> ReserveNow -> code -> start -> meter -> stop -> settlement)', function () {
  this.timeout(3 * 60_000);
  let w: ApiWorld;
  let operator: ApiClient, provider: ApiClient, driver: ApiClient, rival: ApiClient;
  let providerEid: string, driverEid: string, rivalEid: string, pointId: string;
  let noShowId: string, noShowStart: number, noShowBefore: bigint;
  let csms: Csms | undefined;
  let sim: ChargePointSimulator | undefined;
  const chargerId = `SIM-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const port = 19_400 + (process.pid % 500);
  /** The CSMS keeps its OCPP transaction map here, so the restart below loses nothing. */
  const stateFile = join(tmpdir(), `csms-${chargerId}.json`);
  const newCsms = (): Csms => new Csms({ port, gatewayUrl: w.api.url, apiKey: provider.key ?? '', chargers: { [chargerId]: password }, stateFile });

  const participant = (client: ApiClient, roles: string[], name: string, decc: boolean): Promise<string> => joinAs(w, operator, client, roles, `cg-${name}`, decc);
  const balance = (account: string): Promise<bigint> => deccBalance(operator, account);

  before(async () => {
    w = await startApiWorld();
    operator = await setupCharging(w, 'cg');
    provider = await w.newUser('SupplierMSP', 'cg-prov');
    driver = await w.newUser('BankMSP', 'cg-driver');
    rival = await w.newUser('LessorMSP', 'cg-rival');
    [providerEid, driverEid, rivalEid] = await Promise.all([participant(provider, ['service-provider'], 'prov', false), participant(driver, ['consumer'], 'driver', true), participant(rival, ['consumer'], 'rival', true)]);
    const pile = await ok<{ eid: string }>(provider, 'identity/register-device', { ownerEid: providerEid, kind: 'charging-pile', serial: `PILE-${chargerId}` });
    const point = await ok<{ id: string }>(provider, 'charging/register-point', {
      provider: providerEid, device: pile.eid, chargerId, zone: `CG-${w.run}`.slice(0, 32), latE6: 31_000_000, lonE6: 121_000_000,
      connectors: [{ connectorId: 1, powerW: 22_000 }, { connectorId: 2, powerW: 7_000 }], pricePerKwh: '300', pricePerHour: '0', reservationFee: '50', freeCancelMinutes: 0, slotMinutes: 1,
    });
    pointId = point.id;
    // The no-show's window: the next minute on connector 2, booked now and closed after the other tests.
    const now = Date.now();
    noShowStart = now - (now % SLOT) + SLOT;
    noShowBefore = await balance(rivalEid);
    const r = await ok<{ id: string }>(rival, 'charging/reserve', { input: { user: rivalEid, pointId, connectorId: 2, start: new Date(noShowStart).toISOString(), end: new Date(noShowStart + SLOT).toISOString(), maxWh: '1000' }, transient: { code: base32() } });
    noShowId = r.id;
    csms = newCsms();
    await csms.start();
    sim = new ChargePointSimulator(`ws://127.0.0.1:${port}`, chargerId, password);
    await sim.connect();
  });

  after(async () => {
    await sim?.close();
    await csms?.close();
    rmSync(stateFile, { force: true });
    await w.close();
  });

  it('a charger with a wrong password cannot connect', async () => {
    const intruder = new ChargePointSimulator(`ws://127.0.0.1:${port}`, chargerId, 'not-the-password');
    let refused = false;
    try {
      await intruder.connect();
    } catch {
      refused = true;
    }
    await intruder.close();
    expect(refused).to.equal(true);
  });

  it('reserve over REST -> ReserveNow -> Authorize(code) -> Start -> MeterValues -> CSMS restart -> Stop: balances to the unit', async () => {
    const code = base32();
    const now = Date.now();
    const start = new Date(now - (now % SLOT) + SLOT).toISOString();
    const end = new Date(Date.parse(start) + SLOT).toISOString();
    const [d0, p0, f0] = [await balance(driverEid), await balance(providerEid), await balance('sys:fees')];
    const reserved = sim!.nextReservation();
    const r = await ok<{ id: string; held: string; parentTag: string; ocppReservationId: number }>(driver, 'charging/reserve', { input: { user: driverEid, pointId, connectorId: 1, start, end, maxWh: '10000' }, transient: { code } });
    expect(r.held).to.equal('3050'); // fee 50 + 10 kWh × 300
    expect(JSON.stringify(r)).to.not.include(code);
    const rn = await reserved;
    expect(rn).to.include({ reservationId: r.ocppReservationId, connectorId: 1, idTag: r.parentTag, parentIdTag: r.parentTag, expiryDate: end });

    expect((await sim!.authorize(base32())).status).to.equal('Invalid');
    const auth = await sim!.authorize(code);
    expect(auth).to.deep.equal({ status: 'Accepted', parentIdTag: r.parentTag });
    const started = await sim!.startTransaction(1, code, 1000, auth.parentIdTag);
    expect(started.idTagInfo.status).to.equal('Accepted');
    expect(started.transactionId).to.be.greaterThan(0);
    await sim!.meterValues(1, started.transactionId, 5000);
    // The CSMS restarts mid-transaction: its transaction map comes back from its state file.
    await sim!.close();
    await csms!.close();
    csms = newCsms();
    await csms.start();
    sim = new ChargePointSimulator(`ws://127.0.0.1:${port}`, chargerId, password);
    await sim.connect();
    expect(await sim.stopTransaction(started.transactionId, 8500)).to.deep.equal({ status: 'Accepted' });

    const rsv = await ok<{ status: string; sessionId: string }>(driver, 'charging/get-reservation', { reservationId: r.id });
    expect(rsv.status).to.equal('started');
    const session = await eventually(() => ok<{ status: string }>(driver, 'charging/get-session', { sessionId: rsv.sessionId }), (s) => s.status === 'settled');
    // 7.5 kWh × 300 = 2250, + fee 50 = 2300 earned; platform 10 % = 230; provider 2070; 750 back of 3050
    expect(session).to.include({ energyWh: '7500', cost: '2250', captured: '2300', platformFee: '230', providerPaid: '2070', refunded: '750', meterStartWh: '1000', lastMeterWh: '8500' });
    expect(await balance(driverEid)).to.equal(d0 - 2300n);
    expect(await balance(providerEid)).to.equal(p0 + 2070n);
    expect(await balance('sys:fees')).to.equal(f0 + 230n);
    // The code is used up: a second start is refused.
    expect((await sim.startTransaction(1, code, 8500)).idTagInfo.status).to.equal('Invalid');
    const audit = await ok<{ ok: boolean }>(operator, 'token/audit');
    expect(audit.ok).to.equal(true);
  });

  it('two users racing for the same window over REST: exactly one reservation commits, the loser keeps its funds', async () => {
    const now = Date.now();
    const start = new Date(now - (now % SLOT) + 10 * SLOT).toISOString();
    const end = new Date(Date.parse(start) + SLOT).toISOString();
    const r0 = await balance(rivalEid);
    const d0 = await balance(driverEid);
    const body = (user: string) => ({ input: { user, pointId, connectorId: 1, start, end, maxWh: '1000' }, transient: { code: base32() } });
    const [a, b] = await Promise.all([driver.post('/api/v1/energy/charging/reserve', body(driverEid)), rival.post('/api/v1/energy/charging/reserve', body(rivalEid))]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).to.deep.equal([200, 409]);
    const spent = (d0 - (await balance(driverEid))) + (r0 - (await balance(rivalEid)));
    expect(spent).to.equal(350n); // one hold: fee 50 + 1 kWh × 300
  });

  it('a no-show: refused before its window ends; after it the reservation fee goes to the provider, minus the platform fee', async () => {
    const early = await provider.post('/api/v1/energy/charging/no-show', { reservationId: noShowId });
    if (Date.now() < noShowStart + SLOT - 5_000) expect(early.status, JSON.stringify(early.body)).to.equal(409);
    const wait = noShowStart + SLOT + 2_000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const p0 = await balance(providerEid);
    const closed = await ok(provider, 'charging/no-show', { reservationId: noShowId });
    expect(closed).to.include({ status: 'no-show', providerPaid: '45', platformFee: '5', refunded: '300' });
    expect(await balance(providerEid)).to.equal(p0 + 45n);
    // The rival paid 50 for the no-show; the race cost whoever won 350 (checked there).
    const rivalNow = await balance(rivalEid);
    expect([noShowBefore - 50n, noShowBefore - 400n]).to.include(rivalNow);
  });
});
