import { expect } from 'chai';
import { activityPoints } from './activity';

describe('activity points', () => {
  it('gives every minute of the window a point, zero where the index has none', () => {
    const since = '2026-01-01T10:00:30.000Z';
    const points = activityPoints({ channel: 'energy', since, minutes: [{ minute: '2026-01-01T10:02', blocks: 2, transactions: 5 }] }, Date.parse('2026-01-01T10:03:10.000Z'));
    expect(points.transactions.map((p) => p.y)).to.deep.equal([0, 0, 5, 0]);
    expect(points.blocks.map((p) => new Date(p.x).toISOString().slice(11, 16))).to.deep.equal(['10:00', '10:01', '10:02', '10:03']);
  });
});
