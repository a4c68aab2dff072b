/**
 * Issue 13, item 8: participant identity must not collide. One Fabric identity
 * (MSP + certificate ID, the same for every certificate of one enrollment ID)
 * may have several eIDs over time (a rejected application, then a new one). A
 * certificate without an `eid` attribute acts only as the identity's one live
 * eID, never as every eID bound to the same enrollment ID; a certificate with
 * an `eid` attribute acts only as that eID. And the `role` attribute counts
 * only from the MSPs whose registrar may grant it (access/principals.ts).
 */
import { expect } from 'chai';
import type { Participant } from './state';
import { dec, EnergyWorld, kycHash, operator, user } from '../test-support/energy-world';

describe('eID binding: no identity acts as several eIDs (issue 13, item 8)', () => {
  it('after a rejected application and a new one, a certificate without an eid attribute acts only as the new eID', async () => {
    const w = new EnergyWorld();
    const alice = user('alice-twice');
    const first = await w.call<Participant>('identity', 'Register', alice, { kycHash: kycHash('a1'), roles: ['consumer'] });
    await w.call('identity', 'Reject', operator, { eid: first.eid, reason: 'documents unreadable' });
    const second = await w.onboard(alice, ['consumer']);
    await w.genesis();
    await w.fundDec(second, 5);
    // The live eID: readable and usable.
    expect(BigInt((await w.call<{ balance: string }>('token', 'Balance', alice, { account: second, asset: 'DEC' })).balance)).to.equal(BigInt(dec(5)));
    // The rejected one is not the caller's any more.
    const before = w.stateFingerprint();
    expect((await w.fails('token', 'Balance', alice, { account: first.eid, asset: 'DEC' })).message).to.match(/^ACCESS_DENIED/);
    expect((await w.fails('token', 'History', alice, { account: first.eid, asset: 'DEC' })).message).to.match(/^ACCESS_DENIED/);
    expect(w.stateFingerprint()).to.equal(before);
    // A certificate naming the eID explicitly acts as that eID only.
    const aliceAsSecond = { ...alice, attributes: { ...alice.attributes, eid: second } };
    expect((await w.fails('token', 'Balance', aliceAsSecond, { account: first.eid, asset: 'DEC' })).message).to.match(/^ACCESS_DENIED/);
    await w.call('token', 'Balance', aliceAsSecond, { account: second, asset: 'DEC' });
  });

  it('role=operator or role=ingestor counts only from the MSPs allowed to grant it; nothing is written', async () => {
    const w = new EnergyWorld();
    const forged = [user('bank-minted-operator', 'BankMSP'), user('supplier-minted-ingestor', 'SupplierMSP'), user('regulator-minted-operator', 'RegulatorMSP')];
    forged[0]!.attributes = { role: 'operator' };
    forged[1]!.attributes = { role: 'ingestor' };
    forged[2]!.attributes = { role: 'operator' };
    const before = w.stateFingerprint();
    for (const caller of forged) {
      expect((await w.fails('token', 'Genesis', caller, {})).message, caller.name).to.match(/^ACCESS_DENIED/);
      expect((await w.fails('identity', 'Approve', caller, { eid: `eid:p:${'1'.repeat(32)}` })).message, caller.name).to.match(/^ACCESS_DENIED/);
    }
    expect(w.stateFingerprint()).to.equal(before);
  });
});
