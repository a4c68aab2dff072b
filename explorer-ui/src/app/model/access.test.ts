import { expect } from 'chai';
import type { Identity } from '../api/types';
import { canReadLedger, describeIdentity, membershipOf } from './access';

const me = (apiRole: 'admin' | 'user', attributes: Record<string, string>): Identity => ({
  id: '1',
  mspId: 'RegulatorMSP',
  enrollmentId: 'ann',
  apiRole,
  attributes,
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('explorer access', () => {
  it('lets regulators and API admins read the ledger, nobody else', () => {
    expect(canReadLedger(me('user', { role: 'regulator' }))).to.equal(true);
    expect(canReadLedger(me('admin', { role: 'api-admin' }))).to.equal(true);
    expect(canReadLedger(me('user', { role: 'bank-officer' }))).to.equal(false);
    expect(describeIdentity(me('user', { role: 'regulator' }))).to.equal('ann · RegulatorMSP · regulator');
  });
  it('reads channel membership from the probe status', () => {
    expect(membershipOf(200)).to.equal('member');
    expect(membershipOf(403)).to.equal('denied');
    expect(membershipOf(503)).to.equal('unknown');
  });
});
