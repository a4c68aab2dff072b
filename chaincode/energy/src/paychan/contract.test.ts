import { expect } from 'chai';
import { dec, operator, regulator, user } from '../test-support/energy-world';
import { T0 } from '../test-support/market-world';
import { keyPair, PaychanWorld, signed, type KeyPair } from '../test-support/paychan-world';
import type { Channel } from './state';

describe('paychan contract: payment channels with balance proofs signed by both', () => {
  let w: PaychanWorld;
  const prov = user('pc-provider', 'SupplierMSP');
  const driver = user('pc-driver', 'BankMSP');
  const stranger = user('pc-stranger', 'LessorMSP');
  let provEid: string, driverEid: string;
  let uk: KeyPair, pk: KeyPair;
  let ch: Channel;
  const HOUR = 3_600_000;

  beforeEach(async () => {
    w = new PaychanWorld();
    await w.setupCharging(1000);
    ({ eid: provEid } = await w.provider(prov));
    await w.call('token', 'MintDecc', prov, { account: provEid, decAmount: dec(10) });
    driverEid = await w.trader(driver, ['consumer'], 100);
    await w.trader(stranger, ['consumer'], 100);
    uk = keyPair();
    pk = keyPair();
    ch = await w.pc<Channel>('Open', driver, { user: driverEid, provider: provEid, deposit: '1000', userKey: uk.pem, challengeSeconds: 3600 });
    ch = await w.pc<Channel>('Join', prov, { channelId: ch.id, deposit: '200', providerKey: pk.pem });
  });

  it('opens with both deposits locked; refuses a stranger, a bad key, a short window and a second join, changing nothing', async () => {
    expect(ch).to.include({ status: 'open', userDeposit: '1000', providerDeposit: '200', nonce: 0 });
    const fp = w.stateFingerprint();
    expect((await w.pcFails('Open', stranger, { user: driverEid, provider: provEid, deposit: '1', userKey: uk.pem })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.pcFails('Open', driver, { user: driverEid, provider: provEid, deposit: '1', userKey: 'x' })).message).to.match(/request\.userKey/);
    expect((await w.pcFails('Open', driver, { user: driverEid, provider: provEid, deposit: '1', userKey: uk.pem, challengeSeconds: 60 })).message).to.match(/request\.challengeSeconds: must be at least 3600/);
    expect((await w.pcFails('Open', driver, { user: driverEid, provider: driverEid, deposit: '1', userKey: uk.pem })).message).to.match(/request\.provider/);
    expect((await w.pcFails('Join', prov, { channelId: ch.id, deposit: '0', providerKey: pk.pem })).message).to.match(/is open/);
    expect((await w.pcFails('Get', stranger, { channelId: ch.id })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(fp);
    await w.expectInvariants();
  });

  it('cooperative close with the final state settles at once: each side to the unit, 10 % fee on the provider net gain', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const p0 = await w.balance(provEid, 'DECC');
    const f0 = await w.balance('sys:fees', 'DECC');
    // a balance proof is not a close: refused
    const fp = w.stateFingerprint();
    const notFinal = signed('proof', ch.id, 7, '355', '5', uk, pk);
    expect((await w.pcFails('CooperativeClose', driver, { channelId: ch.id, ...notFinal })).message).to.match(/request\.userSig: is not the user's signature/);
    expect(w.stateFingerprint()).to.equal(fp);
    const fin = signed('close', ch.id, 7, '355', '5', uk, pk);
    const done = await w.pc<Channel>('CooperativeClose', prov, { channelId: ch.id, ...fin });
    // net to provider 350, fee 35: user 1000-355+5 = 650, provider 200-5+355-35 = 515
    expect(done).to.include({ status: 'settled', settledHow: 'cooperative', toUser: '650', toProvider: '515', platformFee: '35' });
    expect((await w.balance(driverEid, 'DECC')) - d0).to.equal(650n);
    expect((await w.balance(provEid, 'DECC')) - p0).to.equal(515n);
    expect((await w.balance('sys:fees', 'DECC')) - f0).to.equal(35n);
    const fp2 = w.stateFingerprint();
    expect((await w.pcFails('CooperativeClose', prov, { channelId: ch.id, ...fin })).message).to.match(/is settled/);
    expect((await w.pcFails('Close', driver, { channelId: ch.id, by: driverEid })).message).to.match(/is settled/);
    expect(w.stateFingerprint()).to.equal(fp2);
    await w.expectInvariants();
  });

  it('unilateral close with a stale proof, challenged by a later one: the latest proof wins, funds move once', async () => {
    const d0 = await w.balance(driverEid, 'DECC');
    const p0 = await w.balance(provEid, 'DECC');
    w.at(T0 + HOUR);
    const closing = await w.pc<Channel>('Close', driver, { channelId: ch.id, by: driverEid, proof: signed('proof', ch.id, 2, '100', '0', uk, pk) });
    expect(closing).to.include({ status: 'closing', nonce: 2, userPaid: '100', closedBy: driverEid, challengeEndsAt: new Date(T0 + 2 * HOUR).toISOString() });
    const fp = w.stateFingerprint();
    // the closer may not settle during the window; stale, replayed, forged and foreign proofs are refused
    expect((await w.pcFails('Settle', driver, { channelId: ch.id, by: driverEid })).message).to.match(/challenge window .* runs until/);
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 1, '50', '0', uk, pk) })).message).to.match(/nonce 1 is stale/);
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 2, '100', '0', uk, pk) })).message).to.match(/nonce 2 was already used .*replayed/);
    const forged = { ...signed('proof', ch.id, 5, '400', '0', uk, pk), providerSig: signed('proof', ch.id, 5, '400', '0', uk, keyPair()).providerSig };
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: forged })).message).to.match(/request\.proof\.providerSig: is not the provider's signature/);
    const tampered = { ...signed('proof', ch.id, 5, '400', '0', uk, pk), userPaid: '900' };
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: tampered })).message).to.match(/request\.proof\.userSig/);
    const foreign = signed('proof', 'pch:00000000000000000000000000000000', 5, '400', '0', uk, pk);
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: foreign })).message).to.match(/request\.proof\.userSig/);
    expect((await w.pcFails('Update', prov, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 6, '1300', '0', uk, pk) })).message).to.match(/request\.userPaid: exceeds/);
    expect((await w.pcFails('Update', stranger, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 5, '400', '0', uk, pk) })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(fp);

    w.at(T0 + HOUR + 30 * 60_000);
    const challenged = await w.pc<Channel>('Update', prov, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 5, '400', '0', uk, pk) });
    expect(challenged).to.include({ nonce: 5, userPaid: '400', lastProofBy: provEid });
    w.at(T0 + 2 * HOUR);
    expect((await w.pcFails('Update', driver, { channelId: ch.id, by: driverEid, proof: signed('proof', ch.id, 9, '1', '0', uk, pk) })).message).to.match(/challenge window .* ended/);
    const done = await w.pc<Channel>('Settle', operator, { channelId: ch.id, by: driverEid });
    // net 400 to the provider, fee 40: user 600, provider 200 + 400 - 40 = 560
    expect(done).to.include({ status: 'settled', settledHow: 'unilateral', toUser: '600', toProvider: '560', platformFee: '40' });
    expect((await w.balance(driverEid, 'DECC')) - d0).to.equal(600n);
    expect((await w.balance(provEid, 'DECC')) - p0).to.equal(560n);
    const fp2 = w.stateFingerprint();
    expect((await w.pcFails('Settle', prov, { channelId: ch.id, by: provEid })).message).to.match(/is settled/);
    expect(w.stateFingerprint()).to.equal(fp2);
    await w.expectInvariants();
  });

  it('the party that did not close may waive the window; a net flow to the user carries no fee; a never-joined channel is withdrawn', async () => {
    await w.pc('Close', prov, { channelId: ch.id, by: provEid, proof: signed('proof', ch.id, 1, '0', '150', uk, pk) });
    expect((await w.pcFails('Settle', prov, { channelId: ch.id, by: provEid })).message).to.match(/only the other party/);
    const done = await w.pc<Channel>('Settle', driver, { channelId: ch.id, by: driverEid });
    expect(done).to.include({ toUser: '1150', toProvider: '50', platformFee: '0' });

    const d0 = await w.balance(driverEid, 'DECC');
    const lone = await w.pc<Channel>('Open', driver, { user: driverEid, provider: provEid, deposit: '70', userKey: uk.pem });
    expect((await w.pcFails('Close', prov, { channelId: lone.id, by: provEid })).message).to.match(/never joined/);
    expect((await w.pcFails('Update', driver, { channelId: lone.id, by: driverEid, proof: signed('proof', lone.id, 1, '1', '0', uk, pk) })).message).to.match(/is opening/);
    const back = await w.pc<Channel>('Close', driver, { channelId: lone.id, by: driverEid });
    expect(back).to.include({ status: 'settled', settledHow: 'withdrawn', toUser: '70' });
    expect(await w.balance(driverEid, 'DECC')).to.equal(d0);
    expect((await w.pc<Channel>('Get', regulator, { channelId: lone.id })).status).to.equal('settled');
    await w.expectInvariants();
  });
});
