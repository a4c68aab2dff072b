/** Parsing the operations metrics the consortium view reads, in Fabric's Prometheus text format. */
import { expect } from 'chai';
import { ordererChannels, parseMetrics, peerHeights } from './metrics';

const PEER = `# HELP ledger_blockchain_height Height of the chain in blocks.
# TYPE ledger_blockchain_height gauge
ledger_blockchain_height{channel="energy"} 184
ledger_blockchain_height{channel="scf"} 50
# HELP gossip_state_height Current ledger height
# TYPE gossip_state_height gauge
gossip_state_height{channel="energy"} 184
go_goroutines 212
`;

const ORDERER = `# TYPE consensus_etcdraft_is_leader gauge
consensus_etcdraft_is_leader{channel="energy"} 1
consensus_etcdraft_is_leader{channel="scf"} 0
# TYPE consensus_etcdraft_committed_block_number gauge
consensus_etcdraft_committed_block_number{channel="energy"} 183
consensus_etcdraft_committed_block_number{channel="scf"} 49
# TYPE participation_status gauge
participation_status{channel="energy"} 1
participation_status{channel="scf"} 2
# TYPE participation_consensus_relation gauge
participation_consensus_relation{channel="energy"} 1
participation_consensus_relation{channel="scf"} 2
`;

describe('consortium metrics', () => {
  it('reads every sample with its labels and skips comments and malformed lines', () => {
    const samples = parseMetrics(`${PEER}not a sample\nbroken{channel="x"} NaN-ish\nescaped{path="a\\"b\\\\c",channel="e"} 2.5e1 1700000000\n`);
    expect(samples).to.deep.include({ name: 'go_goroutines', labels: {}, value: 212 });
    expect(samples).to.deep.include({ name: 'escaped', labels: { path: 'a"b\\c', channel: 'e' }, value: 25 });
    expect(samples.some((s) => s.name === 'not' || s.name === 'broken')).to.equal(false);
  });

  it("gives a peer's ledger height per channel, not gossip's", () => {
    expect(Object.fromEntries(peerHeights(parseMetrics(PEER)))).to.deep.equal({ energy: 184, scf: 50 });
  });

  it("gives an orderer's Raft role, height (committed block + 1), participation and relation per channel", () => {
    expect(ordererChannels(parseMetrics(ORDERER))).to.deep.equal([
      { channel: 'energy', height: 184, isLeader: true, participation: 'active', relation: 'consenter' },
      { channel: 'scf', height: 50, isLeader: false, participation: 'onboarding', relation: 'follower' },
    ]);
  });

  it('says null for what an orderer does not report (a channel it only follows, an unknown status code)', () => {
    expect(ordererChannels(parseMetrics('participation_status{channel="side"} 7\n'))).to.deep.equal([
      { channel: 'side', height: null, isLeader: null, participation: null, relation: null },
    ]);
    expect(ordererChannels(parseMetrics(''))).to.deep.equal([]);
  });
});
