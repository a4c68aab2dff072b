import { expect } from 'chai';
import type { IndexedState } from '../api/types';
import { providerEarnings, sessionTimeline, type OrderValue, type SessionValue } from './charging';

const session = (over: Partial<SessionValue>): SessionValue => ({ id: 'ses:1', user: 'u', provider: 'p', pointId: 'cp:1', connectorId: 1, mode: 'instant', status: 'active', startedAt: '2026-01-01T10:00:00.000Z', held: '900', ...over });
const version = (block: number, value: SessionValue): IndexedState => ({ objectType: 'charging.ses', key: value.id, value, transactionId: `tx${String(block)}`, blockNumber: String(block), time: `2026-01-01T10:0${String(block)}:00.000Z` });

describe('charging pages model', () => {
  it('turns the versions of a session into its timeline, oldest first', () => {
    const steps = sessionTimeline([
      version(3, session({ status: 'settled', lastMeterWh: '4000', energyWh: '4000', seconds: 600, cost: '1200', providerPaid: '1080', platformFee: '120', refunded: '0', stoppedAt: '2026-01-01T10:10:00.000Z' })),
      version(1, session({ meterStartWh: '0' })),
      version(2, session({ lastMeterWh: '2500' })),
    ]);
    expect(steps.map((s) => s.what)).to.deep.equal(['started (instant)', 'meter reading', 'stopped and settled']);
    expect(steps[1]?.detail).to.equal('2500 Wh');
    expect(steps[2]?.detail).to.contain('provider paid 1080').and.contain('platform fee 120');
    expect(steps[2]?.transactionId).to.equal('tx3');
  });

  it('sums a provider\'s settled sessions and paid repairs with bigint, other providers and open records left out', () => {
    const sessions = [
      session({ id: 'a', status: 'settled', providerPaid: '1080', stoppedAt: '2026-01-01T11:00:00.000Z' }),
      session({ id: 'b', status: 'settled', providerPaid: '99999999999999999999', stoppedAt: '2026-01-01T10:00:00.000Z' }),
      session({ id: 'c', status: 'active' }),
      session({ id: 'd', provider: 'other', status: 'settled', providerPaid: '5', stoppedAt: '2026-01-01T10:30:00.000Z' }),
    ];
    const orders: OrderValue[] = [
      { id: 'o1', pointId: 'cp:1', connectorId: 1, provider: 'p', status: 'paid', charge: '700', reportedAt: '2026-01-01T09:00:00.000Z', paidAt: '2026-01-01T12:00:00.000Z' },
      { id: 'o2', pointId: 'cp:1', connectorId: 1, provider: 'p', status: 'accepted', charge: '700', reportedAt: '2026-01-01T09:00:00.000Z' },
    ];
    const e = providerEarnings('p', sessions, orders);
    expect(e.totalEarned).to.equal(99999999999999999999n + 1080n);
    expect(e.sessions).to.equal(2);
    expect(e.earned.map((p) => p.x)).to.deep.equal([Date.parse('2026-01-01T10:00:00.000Z'), Date.parse('2026-01-01T11:00:00.000Z')]);
    expect(e.totalMaintenance).to.equal(700n);
    expect(e.maintenance).to.deep.equal([{ x: Date.parse('2026-01-01T12:00:00.000Z'), y: 7 }]);
  });
});
