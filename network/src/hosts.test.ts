/**
 * Hosts in the topology: every generated address is the node's host address,
 * ports restart on each host, TLS certificates name the host, and a topology
 * that places some nodes but not others is refused naming the field.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { configtxYaml } from './generate/configtx';
import { cryptoConfigYaml } from './generate/crypto-config';
import { gatewayConfig } from './generate/gateway-config';
import { resolveNetwork } from './model';
import { loadTopology, parseTopology, REPO_ROOT } from './topology';

interface ConfigtxShape {
  Profiles: Record<string, {
    Application: { Organizations: { ID: string; AnchorPeers: unknown }[] };
    Orderer: { Organizations: { OrdererEndpoints: string[] }[]; EtcdRaft: { Consenters: { Host: string; Port: number }[] } };
  }>;
}
interface CryptoConfigShape {
  PeerOrgs: { Domain: string; Template: { SANS: string[] }; Specs: { SANS: string[] }[] }[];
  OrdererOrgs: { Specs: { Hostname: string; SANS: string[] }[] }[];
}

const HOSTS_FILE = path.join(REPO_ROOT, 'network', 'topology.hosts.yaml');

describe('topology with hosts', () => {
  const topology = loadTopology(HOSTS_FILE);
  const model = resolveNetwork(topology, '/run');

  it('places each org and each orderer on its host and derives ports per host, so they repeat', () => {
    expect(model.orgs.map((o) => [o.spec.mspId, o.host.address, o.peers[0]?.port, o.ca.port])).to.deep.equal([
      ['PlatformMSP', '10.77.0.11', 7010, 7000],
      ['GridMSP', '10.77.0.12', 7010, 7000],
      ['BankMSP', '10.77.0.13', 7010, 7000],
    ]);
    expect(model.ordererOrg.nodes.map((n) => `${n.host.address}:${n.port}`)).to.deep.equal(['10.77.0.21:6000', '10.77.0.22:6000', '10.77.0.23:6000']);
    expect(model.chaincodeServers.map((s) => `${s.id}@${s.host.address}:${s.port}`)).to.deep.equal([
      'platform-energy@10.77.0.11:7090', 'grid-energy@10.77.0.12:7090', 'bank-energy@10.77.0.13:7090',
    ]);
  });

  it('writes host addresses into anchor peers, orderer endpoints and consenters', () => {
    const cfg = parse(configtxYaml(model)) as ConfigtxShape;
    const energy = cfg.Profiles.energy!;
    expect(energy.Application.Organizations.map((o) => o.AnchorPeers)).to.deep.equal([
      [{ Host: '10.77.0.11', Port: 7010 }], [{ Host: '10.77.0.12', Port: 7010 }], [{ Host: '10.77.0.13', Port: 7010 }],
    ]);
    expect(energy.Orderer.Organizations[0]!.OrdererEndpoints).to.deep.equal(['10.77.0.21:6000', '10.77.0.22:6000', '10.77.0.23:6000']);
    expect(energy.Orderer.EtcdRaft.Consenters.map((c) => `${c.Host}:${c.Port}`)).to.deep.equal(['10.77.0.21:6000', '10.77.0.22:6000', '10.77.0.23:6000']);
    expect(configtxYaml(model)).not.to.include('127.0.0.1');
  });

  it('asks cryptogen for TLS certificates naming the host (name and address) besides loopback', () => {
    const cfg = parse(cryptoConfigYaml(model)) as CryptoConfigShape;
    const bank = cfg.PeerOrgs.find((o) => o.Domain === 'bank.dec.local')!;
    expect(bank.Template.SANS).to.deep.equal(['localhost', '127.0.0.1', 'bank-host', '10.77.0.13']);
    expect(bank.Specs.map((s) => s.SANS)).to.deep.equal([bank.Template.SANS, bank.Template.SANS]);
    expect(cfg.OrdererOrgs[0]!.Specs.map((s) => s.SANS.slice(2))).to.deep.equal([
      ['orderer0-host', '10.77.0.21'], ['orderer1-host', '10.77.0.22'], ['orderer2-host', '10.77.0.23'],
    ]);
  });

  it('gives clients the host addresses of peers and CAs', () => {
    const cfg = gatewayConfig(model, HOSTS_FILE);
    expect(cfg.orgs.map((o) => [o.peers[0]?.endpoint, o.ca.url])).to.deep.equal([
      ['10.77.0.11:7010', 'https://10.77.0.11:7000'],
      ['10.77.0.12:7010', 'https://10.77.0.12:7000'],
      ['10.77.0.13:7010', 'https://10.77.0.13:7000'],
    ]);
  });

  it('keeps the default topology on 127.0.0.1 with no hosts', () => {
    const loopback = resolveNetwork(loadTopology(), '/run');
    expect(loopback.hosts).to.deep.equal([]);
    const addresses = new Set([...loopback.orgs.flatMap((o) => [o.host.address, o.ca.host.address, ...o.peers.map((p) => p.host.address)]), ...loopback.ordererOrg.nodes.map((n) => n.host.address)]);
    expect([...addresses]).to.deep.equal(['127.0.0.1']);
  });

  describe('refuses a half-placed topology, naming the field', () => {
    const text = readFileSync(HOSTS_FILE, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['an org without a host', text.replace('    host: grid-host\n', ''), /orgs\.1\.host: missing/],
      ['an org on an unknown host', text.replace('host: bank-host', 'host: nowhere'), /orgs\.2\.host: unknown host nowhere/],
      ['too few orderer hosts', text.replace('hosts: [orderer0-host, orderer1-host, orderer2-host]', 'hosts: [orderer0-host]'), /orderer\.hosts: must name one host per orderer node/],
      ['two hosts at one address', text.replace('10.77.0.12', '10.77.0.11'), /hosts: duplicate host address/],
      ['an address that is not IPv4', text.replace('10.77.0.12', '10.77.0.300'), /hosts\.1\.address: must be an IPv4 address/],
      ['the workstation on a host address', text.replace('workstation: 10.77.0.1', 'workstation: 10.77.0.11'), /simulation\.workstation: must differ/],
    ];
    for (const [what, broken, error] of cases) {
      it(what, () => {
        expect(() => parseTopology(broken, 'topology.hosts.yaml')).to.throw(error);
      });
    }
    it('an org host in a topology without hosts', () => {
      const loopback = readFileSync(path.join(REPO_ROOT, 'network', 'topology.yaml'), 'utf8').replace('    peers: 1\n', '    peers: 1\n    host: somewhere\n');
      expect(() => parseTopology(loopback, 'topology.yaml')).to.throw(/orgs\.0\.host: names host somewhere but the topology has no hosts/);
    });
  });
});
