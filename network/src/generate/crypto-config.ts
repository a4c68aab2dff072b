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

export const CA_TLS_HOST = 'ca';
export const CHAINCODE_TLS_HOST = 'chaincode';
const SANS = ['localhost', LOOPBACK];

export function cryptoConfigYaml(model: NetworkModel): string {
  const t = model.topology;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return stringify({
    OrdererOrgs: [
      {
        Name: capital(t.orderer.name),
        Domain: model.ordererOrg.domain,
        EnableNodeOUs: true,
        Specs: model.ordererOrg.nodes.map((n) => ({ Hostname: `orderer${n.index}`, SANS })),
      },
    ],
    PeerOrgs: model.orgs.map((org) => ({
      Name: capital(org.spec.name),
      Domain: org.domain,
      EnableNodeOUs: true,
      Template: { Count: org.spec.peers, SANS },
      Specs: [
        { Hostname: CA_TLS_HOST, SANS },
        { Hostname: CHAINCODE_TLS_HOST, SANS },
      ],
      Users: { Count: 1 },
    })),
  });
}
