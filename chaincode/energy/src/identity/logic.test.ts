import { expect } from 'chai';
import { participantEid } from '../common/ids';
import { approve, assertMayRegister, register, registerDevice, reinstate, reject, retireDevice, suspend } from './logic';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const tx = (n: number): EnergyEnv => envAt(`2026-01-0${n}T00:00:00.000Z`, `tx${n}`, 'x509::/CN=op');
const reg = { eid: participantEid('tx1'), kycHash: 'a'.repeat(64), roles: ['producer', 'consumer', 'producer'] as const, mspId: 'SupplierMSP', certId: 'x509::/CN=alice' };

describe('eID lifecycle (pure)', () => {
  it('derives eIDs deterministically from the transaction ID', () => {
    expect(participantEid('tx1')).to.equal(participantEid('tx1'));
    expect(participantEid('tx1')).to.not.equal(participantEid('tx2'));
    expect(participantEid('tx1')).to.match(/^eid:p:[0-9a-f]{32}$/);
  });

  it('registers as pending with sorted, de-duplicated requested roles and no granted roles', () => {
    const c = register({ ...reg, roles: [...reg.roles] }, tx(1));
    expect(c.state).to.include({ status: 'pending', mspId: 'SupplierMSP', certId: 'x509::/CN=alice' });
    expect(c.state.requestedRoles).to.deep.equal(['consumer', 'producer']);
    expect(c.state.roles).to.deep.equal([]);
    expect(c.events.map((e) => e.name)).to.deep.equal(['ParticipantRegistered']);
  });

  it('approves with all requested roles or a requested subset, never more', () => {
    const p = register({ ...reg, roles: [...reg.roles] }, tx(1)).state;
    expect(approve(p, undefined, tx(2)).state.roles).to.deep.equal(['consumer', 'producer']);
    expect(approve(p, ['producer'], tx(2)).state.roles).to.deep.equal(['producer']);
    expect(() => approve(p, ['grid'], tx(2))).to.throw(/request\.roles: role grid was not requested/);
    const a = approve(p, undefined, tx(2)).state;
    expect(a.lastDecision).to.include({ action: 'approved', txId: 'tx2' });
    expect(() => approve(a, undefined, tx(3))).to.throw(/is active; expected pending/);
  });

  it('rejects, suspends and reinstates only from the right status', () => {
    const p = register({ ...reg, roles: [...reg.roles] }, tx(1)).state;
    const rejected = reject(p, 'documents do not match', tx(2)).state;
    expect(rejected.status).to.equal('rejected');
    expect(() => suspend(rejected, 'x', tx(3))).to.throw(/expected active/);
    const active = approve(p, undefined, tx(2)).state;
    const suspended = suspend(active, 'fraud review', tx(3)).state;
    expect(suspended.lastDecision).to.include({ action: 'suspended', reason: 'fraud review' });
    expect(() => suspend(suspended, 'x', tx(4))).to.throw(/expected active/);
    expect(reinstate(suspended, undefined, tx(4)).state.status).to.equal('active');
    expect(() => reinstate(active, undefined, tx(4))).to.throw(/expected suspended/);
  });

  it('lets an identity register again only after a rejection', () => {
    const p = register({ ...reg, roles: [...reg.roles] }, tx(1)).state;
    expect(() => {
      assertMayRegister(p);
    }).to.throw(/already registered/);
    expect(() => {
      assertMayRegister(reject(p, 'no', tx(2)).state);
    }).not.to.throw();
    expect(() => {
      assertMayRegister(undefined);
    }).not.to.throw();
  });

  it('binds devices to an active owner and retires them once', () => {
    const p = register({ ...reg, roles: [...reg.roles] }, tx(1)).state;
    const d = { eid: 'eid:d:' + '0'.repeat(32), kind: 'meter' as const, serial: 'M-1' };
    expect(() => registerDevice(p, d, tx(2))).to.throw(/is pending/);
    const owner = approve(p, undefined, tx(2)).state;
    const dev = registerDevice(owner, d, tx(3)).state;
    expect(dev).to.include({ ownerEid: owner.eid, status: 'active', kind: 'meter' });
    const retired = retireDevice(dev, 'replaced', tx(4)).state;
    expect(retired.status).to.equal('retired');
    expect(() => retireDevice(retired, 'again', tx(5))).to.throw(/already retired/);
  });
});
