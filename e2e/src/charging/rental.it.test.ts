/**
 * Equipment rental on the real network, through the gateway REST API (routes
 * from the transaction map): a provider lists a vehicle with its registered
 * vehicle device and a return zone; a user reserves the next minute (code in
 * the transient map), the provider's fleet service starts it with the code
 * and returns it: outside the zone first refused (no fee stated: nothing
 * changed), inside settled from the hold to the unit; an instant rental of a
 * second item with an outside-return fee, returned outside, pays that fee.
 *
 * Prices: 3600 DECC units per hour (1 per second), reservation fee 50;
 * platform fee 1000 bps (rental README for the rounding).
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';
import { balance, base32, ok, participant, setupCharging } from './charging-world';

const HOME = { latE6: 31_000_000, lonE6: 121_000_000 };
const OUTSIDE = { latE6: 31_010_000, lonE6: 121_000_000 };
const SLOT = 60_000;

interface Rental { id: string; held: string; status: string; seconds: number; cost: string; outsideFee: string; captured: string; platformFee: string; providerPaid: string; refunded: string }

describe('equipment rental over REST on the real network (list -> reserve -> start by code -> return in the zone -> settled)', function () {
  this.timeout(3 * 60_000);
  let w: ApiWorld;
  let operator: ApiClient, provider: ApiClient, renter: ApiClient;
  let providerEid: string, renterEid: string;
  const tag = randomBytes(3).toString('hex');
  const listing = (extra: Record<string, unknown>) => ({
    provider: providerEid, serial: `R-${tag}`, zone: `RT-${w.run}`.slice(0, 32), ...HOME, pricePerHour: '3600', reservationFee: '50',
    freeCancelMinutes: 0, slotMinutes: 1, returnZone: { ...HOME, radiusE6: 2000 }, ...extra,
  });

  before(async () => {
    w = await startApiWorld();
    operator = await setupCharging(w, 'rt');
    provider = await w.newUser('SupplierMSP', 'rt-prov');
    renter = await w.newUser('BankMSP', 'rt-renter');
    [providerEid, renterEid] = await Promise.all([participant(w, operator, provider, ['service-provider'], 'rt-prov', false), participant(w, operator, renter, ['consumer'], 'rt-renter', true)]);
  });

  after(() => w.close());

  it('a reserved vehicle: started by its code, refused outside the zone (no fee stated), settled inside to the unit', async () => {
    const vehicle = await ok<{ eid: string }>(provider, 'identity/register-device', { ownerEid: providerEid, kind: 'vehicle', serial: `VIN-${tag}` });
    const item = await ok<{ id: string }>(provider, 'rental/list-item', listing({ category: 'vehicle', device: vehicle.eid }));
    const [u0, p0, f0] = [await balance(operator, renterEid), await balance(operator, providerEid), await balance(operator, 'sys:fees')];
    const code = base32();
    const now = Date.now();
    const start = now - (now % SLOT) + SLOT;
    const r = await ok<{ id: string; held: string }>(renter, 'rental/reserve', { input: { user: renterEid, itemId: item.id, start: new Date(start).toISOString(), end: new Date(start + SLOT).toISOString() }, transient: { code } });
    expect(r.held).to.equal('110'); // fee 50 + 1 minute × 1/s
    expect(JSON.stringify(r)).to.not.include(code);
    const wrong = await provider.post('/api/v1/energy/rental/start-reserved', { input: { reservationId: r.id }, transient: { code: base32() } });
    expect(wrong.status, JSON.stringify(wrong.body)).to.equal(409);
    const rental = await ok<Rental>(provider, 'rental/start-reserved', { input: { reservationId: r.id }, transient: { code } });
    const outside = await provider.post('/api/v1/energy/rental/return', { rentalId: rental.id, ...OUTSIDE });
    expect(outside.status).to.equal(400);
    expect(JSON.stringify(outside.body)).to.match(/request\.latE6/);
    expect((await ok<Rental>(renter, 'rental/get-rental', { rentalId: rental.id })).status).to.equal('active');
    const done = await ok<Rental>(provider, 'rental/return', { rentalId: rental.id, ...HOME });
    const earned = 50n + BigInt(done.cost);
    const capped = earned > 110n ? 110n : earned;
    expect(done.cost).to.equal(String(done.seconds)); // 1 unit per second, floored
    expect(done).to.include({ status: 'returned', outsideFee: '0', captured: String(capped), platformFee: String(capped / 10n), providerPaid: String(capped - capped / 10n), refunded: String(110n - capped) });
    expect(await balance(operator, renterEid)).to.equal(u0 - capped);
    expect(await balance(operator, providerEid)).to.equal(p0 + capped - capped / 10n);
    expect(await balance(operator, 'sys:fees')).to.equal(f0 + capped / 10n);
    const again = await provider.post('/api/v1/energy/rental/return', { rentalId: rental.id, ...HOME });
    expect(again.status).to.equal(409);
  });

  it('scan to pay an e-bike with an outside-return fee, returned outside: the fee is charged', async () => {
    const bike = await ok<{ id: string }>(provider, 'rental/list-item', listing({ category: 'e-bike', serial: `B-${tag}`, outsideReturnFee: '500' }));
    const u0 = await balance(operator, renterEid);
    const rental = await ok<Rental>(renter, 'rental/start-instant', { user: renterEid, itemId: bike.id, maxMinutes: 5 });
    expect(rental.held).to.equal('800'); // 5 minutes × 60 + outside fee 500
    const done = await ok<Rental>(provider, 'rental/return', { rentalId: rental.id, ...OUTSIDE });
    const earned = 500n + BigInt(done.cost);
    expect(done).to.include({ outsideFee: '500', captured: String(earned), refunded: String(800n - earned) });
    expect(await balance(operator, renterEid)).to.equal(u0 - earned);
    const search = await ok<{ items: { id: string }[] }>(renter, 'rental/search', { zone: `RT-${w.run}`.slice(0, 32), ...HOME, category: 'e-bike' });
    expect(search.items.map((i) => i.id)).to.deep.equal([bike.id]);
  });
});
