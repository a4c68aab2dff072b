import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configtxYaml } from './generate/configtx';
import { cryptoConfigYaml } from './generate/crypto-config';
import { resolveNetwork } from './model';
import { collectionsConfig, endorsementPolicy } from './policies';
import { DEFAULT_TOPOLOGY_FILE, loadTopology, parseTopology } from './topology';

/** The parts of the generated YAML these tests look at. */
interface ConfigtxShape {
  Profiles: Record<string, {
    Application: { Organizations: { ID: string; AnchorPeers: unknown }[] };
    Orderer: { Organizations: { OrdererEndpoints: string[] }[] };
    Capabilities: unknown;
  }>;
}
interface CryptoConfigShape {
  PeerOrgs: { Template: unknown }[];
  OrdererOrgs: { Specs: unknown[] }[];
}

describe('topology', () => {
  const topology = loadTopology(DEFAULT_TOPOLOGY_FILE);
  const model = resolveNetwork(topology, '/run');

  it('declares the six peer orgs, three Raft orderers and both channels', () => {
    expect(topology.orgs.map((o) => o.mspId)).to.deep.equal(['PlatformMSP', 'GridMSP', 'BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']);
    expect(topology.orderer.nodes).to.equal(3);
    const scf = topology.channels.find((c) => c.name === 'scf');
    expect(scf?.orgs).to.deep.equal(['BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']);
    expect(topology.channels.find((c) => c.name === 'energy')?.orgs).to.have.length(6);
  });

  it('gives every process its own port', () => {
    const used = [
      ...model.ordererOrg.nodes.flatMap((n) => [n.port, n.adminPort, n.operationsPort]),
      ...model.orgs.flatMap((o) => [o.ca.port, o.ca.operationsPort, ...o.peers.flatMap((p) => [p.port, p.chaincodePort, p.operationsPort])]),
      ...model.chaincodeServers.map((s) => s.port),
    ];
    expect(new Set(used).size).to.equal(used.length);
  });

  it('runs one chaincode server per org per chaincode on its channels only', () => {
    expect(model.chaincodeServers.map((s) => s.id)).to.include.members(['platform-energy', 'bank-energy', 'bank-scf']);
    expect(model.chaincodeServers.map((s) => s.id)).not.to.include('platform-scf');
    expect(model.chaincodeServers).to.have.length(10);
  });

  it('derives endorsement policies and collections', () => {
    const scf = topology.channels[1]!;
    expect(endorsementPolicy(scf, scf.chaincodes[0]!)).to.equal("OutOf(2, 'BankMSP.peer', 'LessorMSP.peer', 'SupplierMSP.peer', 'RegulatorMSP.peer')");
    const cols = collectionsConfig(scf.chaincodes[0]!.collections) as { name: string; policy: string }[];
    expect(cols[0]).to.include({ name: 'termsBankLessor', policy: "OR('BankMSP.member', 'LessorMSP.member', 'RegulatorMSP.member')" });
  });

  it('generates a configtx profile per channel with anchor peers and per-org orderer endpoints', () => {
    const cfg = parse(configtxYaml(model)) as ConfigtxShape;
    expect(Object.keys(cfg.Profiles)).to.deep.equal(['energy', 'scf']);
    const app = cfg.Profiles.scf!.Application;
    expect(app.Organizations.map((o) => o.ID)).to.deep.equal(['BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']);
    expect(app.Organizations[0]!.AnchorPeers).to.deep.equal([{ Host: '127.0.0.1', Port: 7210 }]);
    expect(cfg.Profiles.energy!.Orderer.Organizations[0]!.OrdererEndpoints).to.deep.equal(['127.0.0.1:6000', '127.0.0.1:6010', '127.0.0.1:6020']);
    expect(cfg.Profiles.energy!.Capabilities).to.deep.equal({ V3_0: true });
  });

  it('asks cryptogen for peers plus CA and chaincode-server TLS certs with loopback SANs', () => {
    const cfg = parse(cryptoConfigYaml(model)) as CryptoConfigShape;
    expect(cfg.PeerOrgs).to.have.length(6);
    expect(cfg.PeerOrgs[0]!.Template).to.deep.equal({ Count: 1, SANS: ['localhost', '127.0.0.1'] });
    expect(cfg.OrdererOrgs[0]!.Specs).to.have.length(3);
  });

  it('rejects a topology that puts an unknown org on a channel, naming where', () => {
    const text = readFileSync(DEFAULT_TOPOLOGY_FILE, 'utf8').replace('orgs: [BankMSP, LessorMSP', 'orgs: [BankMSP, NobodyMSP');
    expect(() => parseTopology(text, 'topology.yaml')).to.throw(/topology.yaml: channels\.1\.orgs\.1: unknown org NobodyMSP/);
  });
});
