/**
 * The gateway's org/identity config: for each org, where its peers and CA are,
 * which TLS roots to trust, which channels and chaincodes it can reach, and the
 * org admin identity used to register API users. The gateway API and the
 * integration tests read this file instead of knowing the topology themselves.
 */
import { endpoint, type NetworkModel } from '../model';

export interface GatewayPeer {
  name: string;
  endpoint: string;
  hostAlias: string;
  tlsRootCertPath: string;
}

export interface GatewayOrg {
  mspId: string;
  name: string;
  description: string;
  peers: GatewayPeer[];
  ca: { url: string; caName: string; tlsRootCertPath: string; registrarId: string; registrarSecretPath: string };
  /**
   * The org's admin (cryptogen's Admin@<org>): its certificate satisfies the org's Admins policy,
   * so it alone may change the org's own MSP group in a channel config (e.g. its CRL).
   */
  admin: { certPath: string; keyPath: string };
  channels: { name: string; chaincodes: string[] }[];
}

/** An ordering node: where an org admin sends a channel config update. */
export interface GatewayOrderer {
  name: string;
  endpoint: string;
  hostAlias: string;
  tlsRootCertPath: string;
}

export interface GatewayNetworkConfig {
  generatedFrom: string;
  orgs: GatewayOrg[];
  /** Absent in configs written before the gateway published CRLs itself. */
  orderers?: GatewayOrderer[];
  channels: { name: string; orgs: string[]; chaincodes: { name: string; endorsingOrgs: string[] }[] }[];
}

export const CA_REGISTRAR_ID = 'admin';

export function caRegistrarSecretPath(model: NetworkModel, orgName: string): string {
  return `${model.runDir}/ca/${orgName}/registrar.secret`;
}

export function gatewayConfig(model: NetworkModel, topologyFile: string): GatewayNetworkConfig {
  return {
    generatedFrom: topologyFile,
    orgs: model.orgs.map((org) => ({
      mspId: org.spec.mspId,
      name: org.spec.name,
      description: org.spec.description,
      peers: org.peers.map((p) => ({ name: p.name, endpoint: endpoint(p, p.port), hostAlias: p.name, tlsRootCertPath: org.tlsCaCert })),
      ca: {
        url: `https://${endpoint(org.ca, org.ca.port)}`,
        caName: org.ca.caName,
        tlsRootCertPath: org.ca.tlsCaCert,
        registrarId: CA_REGISTRAR_ID,
        registrarSecretPath: caRegistrarSecretPath(model, org.spec.name),
      },
      admin: { certPath: org.admin.cert, keyPath: org.admin.key },
      channels: org.channels.map((c) => ({ name: c.name, chaincodes: c.chaincodes.map((cc) => cc.name) })),
    })),
    orderers: model.ordererOrg.nodes.map((n) => ({ name: n.name, endpoint: endpoint(n, n.port), hostAlias: n.name, tlsRootCertPath: model.ordererOrg.tlsCaCert })),
    channels: model.topology.channels.map((c) => ({
      name: c.name,
      orgs: c.orgs,
      chaincodes: c.chaincodes.map((cc) => ({ name: cc.name, endorsingOrgs: c.orgs })),
    })),
  };
}
