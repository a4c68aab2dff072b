/**
 * Fabric common connection profiles (the format fabric-samples and every Fabric
 * SDK read), one per org: its peers, its CA and the channels it is on. PEMs are
 * embedded, so a profile is self-contained.
 */
import { readFileSync } from 'node:fs';
import { endpoint, type NetworkModel, type OrgModel } from '../model';

export function connectionProfile(model: NetworkModel, org: OrgModel): object {
  const pem = (file: string) => readFileSync(file, 'utf8');
  return {
    name: `dec-network-${org.spec.name}`,
    version: '1.0.0',
    client: {
      organization: org.spec.mspId,
      connection: { timeout: { peer: { endorser: '300' } } },
    },
    channels: Object.fromEntries(
      org.channels.map((c) => [c.name, { peers: Object.fromEntries(org.peers.map((p) => [p.name, { endorsingPeer: true, chaincodeQuery: true, ledgerQuery: true, eventSource: true }])) }]),
    ),
    organizations: {
      [org.spec.mspId]: {
        mspid: org.spec.mspId,
        peers: org.peers.map((p) => p.name),
        certificateAuthorities: [org.ca.caName],
      },
    },
    peers: Object.fromEntries(
      org.peers.map((p) => [
        p.name,
        {
          url: `grpcs://${endpoint(p, p.port)}`,
          tlsCACerts: { pem: pem(org.tlsCaCert) },
          grpcOptions: { 'ssl-target-name-override': p.name, hostnameOverride: p.name },
        },
      ]),
    ),
    certificateAuthorities: {
      [org.ca.caName]: {
        url: `https://${endpoint(org.ca, org.ca.port)}`,
        caName: org.ca.caName,
        tlsCACerts: { pem: [pem(org.ca.tlsCaCert)] },
        httpOptions: { verify: true },
      },
    },
    // Not part of every SDK's schema, but useful to admin tools: where ordering is.
    orderers: Object.fromEntries(
      model.ordererOrg.nodes.map((n) => [n.name, { url: `grpcs://${endpoint(n, n.port)}`, tlsCACerts: { pem: pem(model.ordererOrg.tlsCaCert) } }]),
    ),
  };
}
