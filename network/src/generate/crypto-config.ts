/**
 * cryptogen's input. Node and admin identities come from cryptogen; user
 * identities with attributes come from each org's Fabric CA, which issues under
 * the same org CA key so its certificates are valid in the org's MSP.
 * Besides peers, each org gets TLS server certificates for its Fabric CA
 * (`ca.<org domain>`) and its chaincode servers (`chaincode.<org domain>`);
 * only the tls/ folder of those two is used.
 */
import { stringify } from 'yaml';
import { LOOPBACK, type NetworkModel } from '../model';
import type { HostSpec } from '../topology';

export const CA_TLS_HOST = 'ca';
export const CHAINCODE_TLS_HOST = 'chaincode';
/**
 * Every TLS certificate names 127.0.0.1 and localhost (admin commands on the
 * host itself) and, with hosts, the host's name and address: clients reach the
 * node there and check the SANs.
 */
export function sansFor(host: HostSpec): string[] {
  const base = ['localhost', LOOPBACK];
  return host.address === LOOPBACK ? base : [...base, host.name, host.address];
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** cryptogen's entry for one peer org (also used alone, when an org makes its crypto on its own host). */
export function peerOrgSpec(name: string, domain: string, peers: number, SANS: string[]): object {
  return {
    Name: capital(name),
    Domain: domain,
    EnableNodeOUs: true,
    Template: { Count: peers, SANS },
    Specs: [
      { Hostname: CA_TLS_HOST, SANS },
      { Hostname: CHAINCODE_TLS_HOST, SANS },
    ],
    Users: { Count: 1 },
  };
}

export function cryptoConfigYaml(model: NetworkModel): string {
  const t = model.topology;
  return stringify({
    OrdererOrgs: [
      {
        Name: capital(t.orderer.name),
        Domain: model.ordererOrg.domain,
        EnableNodeOUs: true,
        Specs: model.ordererOrg.nodes.map((n) => ({ Hostname: `orderer${n.index}`, SANS: sansFor(n.host) })),
      },
    ],
    PeerOrgs: model.orgs.map((org) => peerOrgSpec(org.spec.name, org.domain, org.spec.peers, sansFor(org.host))),
  });
}
