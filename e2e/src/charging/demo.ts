/**
 * `npm run -w charging-service demo` (after `npm start` or `npm run network:up`):
 * the charging module end to end against the running network, printing each
 * step. It starts a gateway API of its own on the network, a provider with a
 * charge point, a driver with DECC, the CSMS and a simulated charger (OCPP
 * 1.6J), then: reserve over REST -> ReserveNow -> the code shown once ->
 * Authorize -> StartTransaction -> MeterValues -> StopTransaction -> the
 * settlement read back from the ledger with every balance change.
 * It lives in e2e because it needs the e2e fixtures (funded participants, the
 * committee that posts the DECC rate); charging-service itself imports no package.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChargePointSimulator, Csms } from '@dec/charging-service';
import { readState } from '@dec/test-network';
import { eventually, startApiWorld } from '../api/api-world';
import { balance, base32, ok, participant, setupCharging } from './charging-world';

const say = (line: string): void => {
  process.stdout.write(`[charging demo] ${line}\n`);
};

async function main(): Promise<void> {
  if (readState() === undefined) throw new Error('no running network: start it with `npm start` or `npm run network:up` first');
  say('starting a gateway API on the running network ...');
  const w = await startApiWorld();
  let csms: Csms | undefined;
  let sim: ChargePointSimulator | undefined;
  try {
    say('platform: genesis, DECC rate, charging fee 10 % (once per network) ...');
    const operator = await setupCharging(w, 'demo');
    const provider = await w.newUser('SupplierMSP', 'demo-prov');
    const driver = await w.newUser('BankMSP', 'demo-driver');
    const [providerEid, driverEid] = await Promise.all([participant(w, operator, provider, ['service-provider'], 'demo-prov', false), participant(w, operator, driver, ['consumer'], 'demo-driver', true)]);
    say(`provider ${providerEid}, driver ${driverEid}`);
    const chargerId = `DEMO-${randomBytes(3).toString('hex')}`;
    const pile = await ok<{ eid: string }>(provider, 'identity/register-device', { ownerEid: providerEid, kind: 'charging-pile', serial: `PILE-${chargerId}` });
    const point = await ok<{ id: string }>(provider, 'charging/register-point', {
      provider: providerEid, device: pile.eid, chargerId, zone: `DEMO-${w.run}`.slice(0, 32), latE6: 31_230_000, lonE6: 121_470_000,
      connectors: [{ connectorId: 1, powerW: 22_000 }], pricePerKwh: '300', pricePerHour: '60', reservationFee: '50', freeCancelMinutes: 0, slotMinutes: 1,
    });
    say(`charge point ${point.id} (charger ${chargerId}): 300 per kWh, 60 per hour, reservation fee 50`);

    const port = Number(process.env.DEMO_OCPP_PORT ?? 19_300 + (process.pid % 500));
    const password = randomBytes(16).toString('hex');
    csms = new Csms({ port, gatewayUrl: w.api.url, apiKey: provider.key ?? '', chargers: { [chargerId]: password }, log: (m) => { say(`CSMS: ${m}`); } });
    await csms.start();
    sim = new ChargePointSimulator(`ws://127.0.0.1:${port}`, chargerId, password);
    await sim.connect();
    say(`CSMS on ws://127.0.0.1:${port}; the simulated charger connected and booted`);

    const [d0, p0, f0] = [await balance(operator, driverEid), await balance(operator, providerEid), await balance(operator, 'sys:fees')];
    const code = base32();
    const now = Date.now();
    const start = now - (now % 60_000) + 60_000;
    const reserved = sim.nextReservation();
    const r = await ok<{ id: string; held: string }>(driver, 'charging/reserve', { input: { user: driverEid, pointId: point.id, connectorId: 1, start: new Date(start).toISOString(), end: new Date(start + 60_000).toISOString(), maxWh: '10000' }, transient: { code } });
    say(`reserved ${r.id} for ${new Date(start).toISOString()}, ${r.held} DECC units held; the driver's dynamic code (shown once): ${code}`);
    const rn = await reserved;
    say(`charger received ReserveNow: reservation ${rn.reservationId}, connector ${rn.connectorId}`);
    const auth = await sim.authorize(code);
    say(`Authorize(code): ${auth.status}`);
    const started = await sim.startTransaction(1, code, 1000, auth.parentIdTag);
    say(`StartTransaction: ${started.idTagInfo.status}, transaction ${started.transactionId}, meter 1000 Wh`);
    for (const wh of [2500, 4000, 5500]) {
      await sleep(1000);
      await sim.meterValues(1, started.transactionId, wh);
      say(`MeterValues: ${wh} Wh`);
    }
    await sim.stopTransaction(started.transactionId, 6000);
    say('StopTransaction at 6000 Wh: settling on chain ...');
    const { sessionId } = await ok<{ sessionId: string }>(driver, 'charging/get-reservation', { reservationId: r.id });
    const s = await eventually(() => ok(driver, 'charging/get-session', { sessionId }), (x) => x.status === 'settled');
    say(`settled ${sessionId}: ${String(s.energyWh)} Wh in ${String(s.seconds)} s, cost ${String(s.cost)} + fee 50 = ${String(s.captured)} captured; provider ${String(s.providerPaid)}, platform ${String(s.platformFee)}, back to the driver ${String(s.refunded)}`);
    const [d1, p1, f1] = [await balance(operator, driverEid), await balance(operator, providerEid), await balance(operator, 'sys:fees')];
    say(`balances: driver ${d1 - d0}, provider +${p1 - p0}, platform fees +${f1 - f0} DECC units`);
  } finally {
    await sim?.close();
    await csms?.close();
    await w.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`[charging demo] failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
