/**
 * Environment for each Fabric process. Runtime config is the pinned module's
 * sampleconfig (FABRIC_CFG_PATH) with these overrides: every listener on its
 * node's host address (127.0.0.1 without hosts), TLS on everywhere (gRPC, admin, operations), data in the run folder.
 */
import { endpoint, type NetworkModel, type OrdererNode, type OrgModel, type PeerNode } from '@dec/network';
import path from 'node:path';
import { first } from './lists';
import { BUILDER_DIR, FABRIC_CONFIG } from './paths';

const list = (items: string[]) => `[${items.join(',')}]`;

export function peerEnv(peer: PeerNode): NodeJS.ProcessEnv {
  const addr = endpoint(peer, peer.port);
  return {
    FABRIC_CFG_PATH: FABRIC_CONFIG,
    FABRIC_LOGGING_SPEC: process.env.DEC_PEER_LOGGING ?? 'INFO',
    CORE_PEER_ID: peer.name,
    CORE_PEER_ADDRESS: addr,
    CORE_PEER_LISTENADDRESS: addr,
    CORE_PEER_CHAINCODEADDRESS: endpoint(peer, peer.chaincodePort),
    CORE_PEER_CHAINCODELISTENADDRESS: endpoint(peer, peer.chaincodePort),
    // Gossip must advertise a reachable endpoint, or cross-org endorsement
    // discovery and private data dissemination fail.
    CORE_PEER_GOSSIP_BOOTSTRAP: addr,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: addr,
    CORE_PEER_LOCALMSPID: peer.org.mspId,
    CORE_PEER_MSPCONFIGPATH: peer.mspDir,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: peer.tls.cert,
    CORE_PEER_TLS_KEY_FILE: peer.tls.key,
    CORE_PEER_TLS_ROOTCERT_FILE: peer.tls.ca,
    CORE_PEER_FILESYSTEMPATH: peer.dataDir,
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(peer.dataDir, 'snapshots'),
    CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb',
    CORE_OPERATIONS_LISTENADDRESS: endpoint(peer, peer.operationsPort),
    CORE_OPERATIONS_TLS_ENABLED: 'true',
    CORE_OPERATIONS_TLS_CERT_FILE: peer.tls.cert,
    CORE_OPERATIONS_TLS_KEY_FILE: peer.tls.key,
    // /metrics answers only clients with a certificate of the org's TLS CA (the org admin's
    // pair, as the gateway's consortium view uses); /healthz stays open. One file: the
    // peer reads this setting as a plain path, not as a [list].
    CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES: peer.tls.ca,
    CORE_METRICS_PROVIDER: 'prometheus',
    // No Docker: an empty VM endpoint disables the Docker health check; chaincode
    // runs as a service through our external builder.
    CORE_VM_ENDPOINT: '',
    CORE_CHAINCODE_EXTERNALBUILDERS: `[{name: dec-ccaas, path: ${BUILDER_DIR}}]`,
    CORE_PEER_GATEWAY_ENABLED: 'true',
  };
}

export function ordererEnv(model: NetworkModel, node: OrdererNode): NodeJS.ProcessEnv {
  return {
    FABRIC_CFG_PATH: FABRIC_CONFIG,
    FABRIC_LOGGING_SPEC: process.env.DEC_ORDERER_LOGGING ?? 'INFO',
    ORDERER_GENERAL_LISTENADDRESS: node.host.address,
    ORDERER_GENERAL_LISTENPORT: String(node.port),
    ORDERER_GENERAL_LOCALMSPID: model.ordererOrg.mspId,
    ORDERER_GENERAL_LOCALMSPDIR: node.mspDir,
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_PRIVATEKEY: node.tls.key,
    ORDERER_GENERAL_TLS_CERTIFICATE: node.tls.cert,
    ORDERER_GENERAL_TLS_ROOTCAS: list([node.tls.ca]),
    // Raft traffic shares the TLS listener; these are the client side of it.
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: node.tls.cert,
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: node.tls.key,
    ORDERER_GENERAL_CLUSTER_ROOTCAS: list([node.tls.ca]),
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
    ORDERER_FILELEDGER_LOCATION: path.join(node.dataDir, 'ledger'),
    ORDERER_CONSENSUS_WALDIR: path.join(node.dataDir, 'etcdraft', 'wal'),
    ORDERER_CONSENSUS_SNAPDIR: path.join(node.dataDir, 'etcdraft', 'snapshot'),
    ORDERER_ADMIN_LISTENADDRESS: endpoint(node, node.adminPort),
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: node.tls.cert,
    ORDERER_ADMIN_TLS_PRIVATEKEY: node.tls.key,
    ORDERER_ADMIN_TLS_ROOTCAS: list([node.tls.ca]),
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: list([model.ordererOrg.tlsCaCert]),
    ORDERER_OPERATIONS_LISTENADDRESS: endpoint(node, node.operationsPort),
    ORDERER_OPERATIONS_TLS_ENABLED: 'true',
    ORDERER_OPERATIONS_TLS_CERTIFICATE: node.tls.cert,
    ORDERER_OPERATIONS_TLS_PRIVATEKEY: node.tls.key,
    // /metrics (Raft leader, heights) answers clients with a certificate from the orderer org's TLS CA.
    ORDERER_OPERATIONS_TLS_CLIENTROOTCAS: list([model.ordererOrg.tlsCaCert]),
    ORDERER_METRICS_PROVIDER: 'prometheus',
  };
}

/** The `peer` CLI acting as an org's admin against one of its peers. */
export function orgAdminEnv(org: OrgModel, peer: PeerNode = first(org.peers, `peer of ${org.spec.mspId}`)): NodeJS.ProcessEnv {
  return {
    FABRIC_CFG_PATH: FABRIC_CONFIG,
    FABRIC_LOGGING_SPEC: 'WARNING',
    CORE_PEER_LOCALMSPID: org.spec.mspId,
    CORE_PEER_MSPCONFIGPATH: org.admin.mspDir,
    CORE_PEER_ADDRESS: endpoint(peer, peer.port),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: org.tlsCaCert,
  };
}

/** Flags every `peer` command that talks to the ordering service needs. */
export function ordererFlags(model: NetworkModel, node: OrdererNode = first(model.ordererOrg.nodes, 'orderer')): string[] {
  return ['-o', endpoint(node, node.port), '--tls', '--cafile', model.ordererOrg.tlsCaCert];
}
