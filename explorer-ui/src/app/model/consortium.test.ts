/** The Consortium page's rows: heights behind the channel's top, the Raft leader marked, health counted. */
import { expect } from 'chai';
import { channelSummary, healthLine, nodeRows, type ConsortiumView } from './consortium';

const host = { name: 'localhost', address: '127.0.0.1' };
const VIEW: ConsortiumView = {
  observedAt: '2026-01-01T00:00:00.000Z',
  hosts: [host],
  orgs: [
    {
      mspId: 'BankMSP',
      name: 'bank',
      description: 'bank',
      host,
      peers: [{ name: 'peer0.bank', host, address: '127.0.0.1:7210', health: 'ok', metrics: 'ok', channels: [{ channel: 'energy', height: 10 }, { channel: 'scf', height: null }] }],
    },
  ],
  orderers: {
    mspId: 'OrdererMSP',
    nodes: [
      { name: 'orderer0', host, address: '127.0.0.1:6000', health: 'unreachable', healthDetail: 'connect ECONNREFUSED', metrics: 'unreachable', channels: [] },
      { name: 'orderer1', host, address: '127.0.0.1:6010', health: 'ok', metrics: 'ok', channels: [{ channel: 'energy', height: 12, isLeader: true, participation: 'active', relation: 'consenter' }] },
    ],
  },
  channels: [
    { name: 'energy', orgs: ['BankMSP'], leader: 'orderer1', height: 12 },
    { name: 'scf', orgs: ['BankMSP'], leader: null, height: null },
  ],
};

describe('consortium page model', () => {
  it('gives each node its heights and how far behind the channel it is, marking the Raft leader', () => {
    const rows = nodeRows(VIEW);
    expect(rows.map((r) => `${r.kind} ${r.org} ${r.name} ${r.health}`)).to.deep.equal([
      'peer BankMSP peer0.bank ok',
      'orderer OrdererMSP orderer0 unreachable',
      'orderer OrdererMSP orderer1 ok',
    ]);
    expect(rows[0]?.channels).to.deep.equal([
      { channel: 'energy', height: 10, behind: 2, leader: false },
      { channel: 'scf', height: null, behind: null, leader: false },
    ]);
    expect(rows[2]?.channels).to.deep.equal([{ channel: 'energy', height: 12, behind: 0, leader: true }]);
    expect(rows[1]?.detail).to.equal('connect ECONNREFUSED');
  });

  it('summarises channels and health', () => {
    expect(channelSummary(VIEW)).to.deep.equal([
      { name: 'energy', leader: 'orderer1', height: '12', members: 'BankMSP' },
      { name: 'scf', leader: 'none reported', height: 'unknown', members: 'BankMSP' },
    ]);
    expect(healthLine(nodeRows(VIEW))).to.equal('1 of 3 nodes unhealthy');
    expect(healthLine(nodeRows({ ...VIEW, orderers: { ...VIEW.orderers, nodes: [] } }))).to.equal('all 1 nodes healthy');
  });
});
