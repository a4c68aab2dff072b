/**
 * Scan to pay over OCPP, on OCPP security profile 2, on the real network:
 * the CSMS listens on TLS with a server certificate signed by the provider
 * org's Fabric TLS CA (from the network's crypto material); the simulated
 * charger trusts that CA and authenticates with HTTP Basic (identity +
 * password); a wrong password or plain ws is refused. The driver starts an
 * instant session over REST -> the CSMS, following the chaincode events,
 * sends RemoteStartTransaction -> the charger's StartTransaction (the meter
 * start) -> MeterValues -> StopTransaction settles: balances to the unit.
 *
 * Prices: 300 DECC units per kWh, no time price; platform fee 1000 bps.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { ChargePointSimulator, Csms, fabricTlsCa, makeServerTls, remoteTag } from '@dec/charging-service';
import { orgByMsp } from '@dec/network';
import { currentModel } from '@dec/test-network';
import { eventually, startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';
import { balance, ok, participant, setupCharging } from './charging-world';

describe('OCPP scan to pay (RemoteStartTransaction) over TLS with Basic auth (security profile 2), on the real network', function () {
  this.timeout(3 * 60_000);
  let w: ApiWorld;
  let operator: ApiClient, provider: ApiClient, driver: ApiClient;
  let providerEid: string, driverEid: string, pointId: string;
  let csms: Csms | undefined;
  let sim: ChargePointSimulator | undefined;
  const chargerId = `TLS-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const port = 19_900 + (process.pid % 400);
  // The org's TLS CA exists once the root hook has started the network (not while mocha loads the files).
  let tls: ReturnType<typeof makeServerTls>;
  const endpoint = `wss://127.0.0.1:${port}`;

  before(async () => {
    tls = makeServerTls(['localhost', '127.0.0.1'], fabricTlsCa(orgByMsp(currentModel().model, 'SupplierMSP').tlsCaCert));
    w = await startApiWorld();
    operator = await setupCharging(w, 'rs');
    provider = await w.newUser('SupplierMSP', 'rs-prov');
    driver = await w.newUser('BankMSP', 'rs-driver');
    [providerEid, driverEid] = await Promise.all([participant(w, operator, provider, ['service-provider'], 'rs-prov', false), participant(w, operator, driver, ['consumer'], 'rs-driver', true)]);
    const pile = await ok<{ eid: string }>(provider, 'identity/register-device', { ownerEid: providerEid, kind: 'charging-pile', serial: `PILE-${chargerId}` });
    const point = await ok<{ id: string }>(provider, 'charging/register-point', {
      provider: providerEid, device: pile.eid, chargerId, zone: `RS-${w.run}`.slice(0, 32), latE6: 31_000_000, lonE6: 121_000_000,
      connectors: [{ connectorId: 1, powerW: 22_000 }], pricePerKwh: '300', pricePerHour: '0', reservationFee: '0', freeCancelMinutes: 0, slotMinutes: 1,
    });
    pointId = point.id;
    csms = new Csms({ port, gatewayUrl: w.api.url, apiKey: provider.key ?? '', chargers: { [chargerId]: password }, tls });
    await csms.start();
    sim = new ChargePointSimulator(endpoint, chargerId, password, { ca: tls.ca });
    await sim.connect();
  });

  after(async () => {
    await sim?.close();
    await csms?.close();
    await w.close();
  });

  it('the server certificate chains to the org\'s Fabric TLS CA; a wrong password, an unknown CA and plain ws are refused', async () => {
    expect(tls.ca).to.equal(fabricTlsCa(orgByMsp(currentModel().model, 'SupplierMSP').tlsCaCert).cert);
    const attempts: [string, ChargePointSimulator][] = [
      ['wrong password', new ChargePointSimulator(endpoint, chargerId, 'not-the-password', { ca: tls.ca })],
      ['unknown CA', new ChargePointSimulator(endpoint, chargerId, password, { ca: makeServerTls(['localhost']).ca })],
      ['plain ws', new ChargePointSimulator(`ws://127.0.0.1:${port}`, chargerId, password)],
    ];
    for (const [what, intruder] of attempts) {
      let refused = false;
      try {
        await intruder.connect();
      } catch {
        refused = true;
      }
      await intruder.close();
      expect(refused, what).to.equal(true);
    }
  });

  it('start over REST -> RemoteStartTransaction -> StartTransaction -> MeterValues -> StopTransaction: settled to the unit', async () => {
    const [d0, p0, f0] = [await balance(operator, driverEid), await balance(operator, providerEid), await balance(operator, 'sys:fees')];
    const remote = sim!.nextRemoteStart();
    const session = await ok<{ id: string; held: string }>(driver, 'charging/start-instant', { user: driverEid, pointId, connectorId: 1, maxWh: '10000', maxMinutes: 10 });
    expect(session.held).to.equal('3000'); // 10 kWh × 300
    const rs = await remote;
    expect(rs).to.deep.equal({ idTag: remoteTag(session.id), connectorId: 1 });
    expect((await sim!.authorize(rs.idTag)).status).to.equal('Accepted');
    const started = await sim!.startTransaction(1, rs.idTag, 2000);
    expect(started.idTagInfo.status).to.equal('Accepted');
    expect(started.transactionId).to.be.greaterThan(0);
    await sim!.meterValues(1, started.transactionId, 4000);
    expect(await sim!.stopTransaction(started.transactionId, 6000)).to.deep.equal({ status: 'Accepted' });
    const settled = await eventually(() => ok<{ status: string }>(driver, 'charging/get-session', { sessionId: session.id }), (s) => s.status === 'settled');
    // 4 kWh × 300 = 1200 earned; platform 10 % = 120; provider 1080; 1800 back of 3000
    expect(settled).to.include({ mode: 'instant', meterStartWh: '2000', lastMeterWh: '6000', energyWh: '4000', cost: '1200', captured: '1200', platformFee: '120', providerPaid: '1080', refunded: '1800' });
    expect(await balance(operator, driverEid)).to.equal(d0 - 1200n);
    expect(await balance(operator, providerEid)).to.equal(p0 + 1080n);
    expect(await balance(operator, 'sys:fees')).to.equal(f0 + 120n);
    // The remote idTag was used once: a second start with it is refused.
    expect((await sim!.startTransaction(1, rs.idTag, 6000)).idTagInfo.status).to.equal('Invalid');
  });
});
