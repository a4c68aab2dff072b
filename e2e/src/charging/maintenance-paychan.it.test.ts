/**
 * Maintenance orders and payment channels on the real network, through the
 * gateway REST API:
 *
 *   a breakdown report -> dispatch to the nearest maintainer -> accept ->
 *   evidence -> the provider confirms -> the charge moves provider ->
 *   maintainer (balances to the unit), the connector available again;
 *   a payment channel closed cooperatively (settles at once) and one closed
 *   unilaterally with a stale proof, challenged with a later one (the latest
 *   proof wins; the other party waives the rest of the window and settles).
 *
 * Balance proofs are signed here with node:crypto over the encoding the
 * paychan README documents: an independent client of the format.
 */
import { expect } from 'chai';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';
import { balance as deccBalance, ok, participant as joinAs, setupCharging } from './charging-world';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

async function refused(client: ApiClient, route: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await client.post<unknown>(`/api/v1/energy/${route}`, body);
  expect(res.status, JSON.stringify(res.body)).to.be.greaterThanOrEqual(400);
  return { status: res.status, text: JSON.stringify(res.body) };
}

interface Keys {
  priv: KeyObject;
  pem: string;
}
const keys = (): Keys => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { priv: privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
function signedState(domain: 'DEC-PAYCHAN-PROOF-V1' | 'DEC-PAYCHAN-CLOSE-V1', channelId: string, nonce: number, userPaid: string, providerPaid: string, u: Keys, p: Keys): { nonce: number; userPaid: string; providerPaid: string; userSig: string; providerSig: string } {
  const msg = Buffer.from([domain, 'energy/energy', channelId, String(nonce), userPaid, providerPaid].join('\n'), 'utf8');
  return { nonce, userPaid, providerPaid, userSig: sign('sha256', msg, u.priv).toString('base64'), providerSig: sign('sha256', msg, p.priv).toString('base64') };
}

describe('maintenance orders and payment channels on the real network (REST)', function () {
  this.timeout(4 * 60_000);
  let w: ApiWorld;
  let operator: ApiClient, provider: ApiClient, driver: ApiClient, fixer: ApiClient;
  let providerEid: string, driverEid: string, fixerEid: string, pointId: string;

  const participant = (client: ApiClient, roles: string[], name: string): Promise<string> => joinAs(w, operator, client, roles, `mp-${name}`, true);
  const balance = (account: string): Promise<bigint> => deccBalance(operator, account);

  before(async () => {
    w = await startApiWorld();
    operator = await setupCharging(w, 'mp');
    provider = await w.newUser('SupplierMSP', 'mp-prov');
    driver = await w.newUser('BankMSP', 'mp-driver');
    fixer = await w.newUser('LessorMSP', 'mp-fixer');
    [providerEid, driverEid, fixerEid] = await Promise.all([participant(provider, ['service-provider'], 'prov'), participant(driver, ['consumer'], 'driver'), participant(fixer, ['maintainer'], 'fixer')]);
    const zone = `MP-${w.run}`.slice(0, 32);
    const pile = await ok<{ eid: string }>(provider, 'identity/register-device', { ownerEid: providerEid, kind: 'charging-pile', serial: `PILE-MP-${w.run}` });
    const point = await ok<{ id: string }>(provider, 'charging/register-point', {
      provider: providerEid, device: pile.eid, chargerId: `MP-${w.run}`.slice(0, 36), zone, latE6: 31_000_000, lonE6: 121_000_000,
      connectors: [{ connectorId: 1, powerW: 22_000 }], pricePerKwh: '300', pricePerHour: '0', reservationFee: '50',
    });
    pointId = point.id;
    await ok(fixer, 'maintenance/register-maintainer', { maintainer: fixerEid, zone, latE6: 31_001_000, lonE6: 121_000_000, charge: '700' });
  });

  after(async () => {
    await w.close();
  });

  it('a maintenance order from report to payment: the charge moves provider -> maintainer, the connector is available again', async () => {
    const o = await ok<{ id: string; status: string; maintainer: string; charge: string }>(driver, 'maintenance/report', { reporter: driverEid, pointId, connectorId: 1, description: 'cable damaged', photoHash: sha('photo') });
    expect(o).to.include({ status: 'dispatched', maintainer: fixerEid, charge: '700' });
    const state = async (): Promise<string> => (await ok<{ connectors: { state: string }[] }>(operator, 'charging/get-point', { pointId })).connectors[0]?.state ?? '';
    expect(await state()).to.equal('out-of-service');
    await ok(fixer, 'maintenance/accept', { orderId: o.id });
    expect(await state()).to.equal('maintenance');
    await ok(fixer, 'maintenance/complete', { orderId: o.id, evidenceHash: sha('new cable') });
    const own = await refused(fixer, 'maintenance/confirm', { orderId: o.id });
    expect(own.text).to.match(/cannot confirm its own maintenance/);
    const [p0, m0] = [await balance(providerEid), await balance(fixerEid)];
    const paid = await ok<{ status: string; paidHow: string }>(provider, 'maintenance/confirm', { orderId: o.id });
    expect(paid).to.include({ status: 'paid', paidHow: 'confirmed' });
    expect(p0 - (await balance(providerEid))).to.equal(700n);
    expect((await balance(fixerEid)) - m0).to.equal(700n);
    expect(await state()).to.equal('available');
    const r = await ok<{ count: number; sum: number }>(provider, 'maintenance/rate-repair', { orderId: o.id, stars: 5 });
    expect(r).to.include({ count: 1, sum: 5 });
  });

  async function openChannel(u: Keys, p: Keys): Promise<string> {
    const ch = await ok<{ id: string }>(driver, 'paychan/open', { user: driverEid, provider: providerEid, deposit: '1000', userKey: u.pem, challengeSeconds: 3600 });
    await ok(provider, 'paychan/join', { channelId: ch.id, deposit: '100', providerKey: p.pem });
    return ch.id;
  }

  it('a payment channel closed cooperatively settles at once, each side to the unit', async () => {
    const u = keys();
    const p = keys();
    const id = await openChannel(u, p);
    const [d0, p0, f0] = [await balance(driverEid), await balance(providerEid), await balance('sys:fees')];
    // off chain: 30 proofs of 10 units each; the final state closes
    const done = await ok<{ status: string; toUser: string; toProvider: string; platformFee: string }>(driver, 'paychan/cooperative-close', { channelId: id, ...signedState('DEC-PAYCHAN-CLOSE-V1', id, 30, '300', '0', u, p) });
    expect(done).to.include({ status: 'settled', toUser: '700', toProvider: '370', platformFee: '30' });
    expect((await balance(driverEid)) - d0).to.equal(700n);
    expect((await balance(providerEid)) - p0).to.equal(370n);
    expect((await balance('sys:fees')) - f0).to.equal(30n);
  });

  it('a payment channel closed unilaterally with a stale proof is challenged with a later one: the latest proof wins, funds move once', async () => {
    const u = keys();
    const p = keys();
    const id = await openChannel(u, p);
    const [d0, p0] = [await balance(driverEid), await balance(providerEid)];
    const closing = await ok<{ status: string; nonce: number }>(driver, 'paychan/close', { channelId: id, by: driverEid, proof: signedState('DEC-PAYCHAN-PROOF-V1', id, 3, '30', '0', u, p) });
    expect(closing).to.include({ status: 'closing', nonce: 3 });
    expect((await refused(driver, 'paychan/settle', { channelId: id, by: driverEid })).text).to.match(/only the other party/);
    expect((await refused(provider, 'paychan/update', { channelId: id, by: providerEid, proof: signedState('DEC-PAYCHAN-PROOF-V1', id, 3, '30', '0', u, p) })).text).to.match(/replayed/);
    const forged = { ...signedState('DEC-PAYCHAN-PROOF-V1', id, 9, '900', '0', u, p), userSig: signedState('DEC-PAYCHAN-PROOF-V1', id, 9, '900', '0', keys(), p).userSig };
    expect((await refused(provider, 'paychan/update', { channelId: id, by: providerEid, proof: forged })).text).to.match(/userSig/);
    const challenged = await ok<{ nonce: number; userPaid: string }>(provider, 'paychan/update', { channelId: id, by: providerEid, proof: signedState('DEC-PAYCHAN-PROOF-V1', id, 8, '80', '0', u, p) });
    expect(challenged).to.include({ nonce: 8, userPaid: '80' });
    const done = await ok<{ status: string; toUser: string; toProvider: string; platformFee: string }>(provider, 'paychan/settle', { channelId: id, by: providerEid });
    expect(done).to.include({ status: 'settled', toUser: '920', toProvider: '172', platformFee: '8' });
    expect((await balance(driverEid)) - d0).to.equal(920n);
    expect((await balance(providerEid)) - p0).to.equal(172n);
    expect((await refused(provider, 'paychan/settle', { channelId: id, by: providerEid })).text).to.match(/is settled/);
  });
});
