import { expect } from 'chai';
import { incomeRows, notYetRecorded, rentCollected, rentDue, type LeaseRecord } from './lease-income';

const lease: LeaseRecord = {
  id: 'L1', status: 'late', projectCompany: 'LessorMSP:pc', collected: '350',
  schedule: [{ n: 1, dueDate: '2026-02-01', rent: '300', collected: '300' }, { n: 2, dueDate: '2026-03-01', rent: '300', collected: '50' }],
  collections: [
    { instalment: 2, amount: '50', at: '2026-02-20T00:00:00.000Z', txId: 'b', evidenceHash: 'h' },
    { instalment: 1, amount: '300', at: '2026-01-20T00:00:00.000Z', txId: 'a', evidenceHash: 'h' },
  ],
};

describe('lease income across channels', () => {
  it('steps the cumulative rent due at each due date, and accumulates collections in time order', () => {
    expect(rentDue(lease).map((p) => p.y)).to.deep.equal([300, 600]);
    expect(rentDue(lease)[0]!.x).to.equal(Date.parse('2026-02-01T00:00:00.000Z'));
    expect(rentCollected(lease).map((p) => p.y)).to.deep.equal([300, 350]);
  });

  it('lists scf collections and the energy figure, and what energy paid that scf has not recorded yet', () => {
    const link = { assignmentId: 'asg:1', synced: '350', applied: '350', surplus: '0', syncs: 2 };
    const rows = incomeRows(lease, link, '400', '2026-03-02T00:00:00.000Z');
    expect(rows.map((r) => r.channel)).to.deep.equal(['scf', 'scf', 'energy']);
    expect(rows[0]).to.include({ amount: '300', txId: 'a' });
    expect(notYetRecorded(link, '400')).to.equal(50n);
    expect(notYetRecorded(link, '300')).to.equal(0n);
    expect(notYetRecorded(null, '300')).to.equal(0n);
  });
});
