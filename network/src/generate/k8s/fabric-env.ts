/**
 * CORE_* / ORDERER_* settings of each node in the cluster. They mirror the test
 * network's (test-network/src/env.ts): TLS on every listener (gRPC, admin,
 * operations), Raft sharing the TLS listener, channel participation without a
 * system channel, goleveldb state, Prometheus metrics. What differs is only
 * where things are: listeners bind 0.0.0.0 inside the pod, nodes advertise their
 * Service's cluster address, and files come from the mounted Secrets. The
 * operations endpoint trusts the node's own org TLS CA for client certificates,
 * so a monitor with an org TLS client certificate can read `/metrics`
 * (`/healthz` stays open for probes).
 */
import type { NetworkModel, OrdererNode, PeerNode } from '../../model';
import { DATA_DIR, MOUNTS } from './layout';

const ANY = '0.0.0.0';
const list = (items: string[]): string => `[${items.join(',')}]`;
const TLS = { ca: `${MOUNTS.tls}/ca.crt`, cert: `${MOUNTS.tls}/server.crt`, key: `${MOUNTS.tls}/server.key` };

export function peerEnv(peer: PeerNode, address: string): Record<string, string> {
  const advertised = `${address}:${String(peer.port)}`;
  return {
    FABRIC_LOGGING_SPEC: 'INFO',
    CORE_PEER_ID: peer.name,
    CORE_PEER_ADDRESS: advertised,
    CORE_PEER_LISTENADDRESS: `${ANY}:${String(peer.port)}`,
    CORE_PEER_CHAINCODEADDRESS: `${address}:${String(peer.chaincodePort)}`,
    CORE_PEER_CHAINCODELISTENADDRESS: `${ANY}:${String(peer.chaincodePort)}`,
    // Gossip must advertise a reachable endpoint, or cross-org endorsement
    // discovery and private data dissemination fail.
    CORE_PEER_GOSSIP_BOOTSTRAP: advertised,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: advertised,
    CORE_PEER_LOCALMSPID: peer.org.mspId,
    CORE_PEER_MSPCONFIGPATH: MOUNTS.msp,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: TLS.cert,
    CORE_PEER_TLS_KEY_FILE: TLS.key,
    CORE_PEER_TLS_ROOTCERT_FILE: TLS.ca,
    CORE_PEER_FILESYSTEMPATH: DATA_DIR,
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: `${DATA_DIR}/snapshots`,
    CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb',
    CORE_OPERATIONS_LISTENADDRESS: `${ANY}:${String(peer.operationsPort)}`,
    CORE_OPERATIONS_TLS_ENABLED: 'true',
    CORE_OPERATIONS_TLS_CERT_FILE: TLS.cert,
    CORE_OPERATIONS_TLS_KEY_FILE: TLS.key,
    CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES: list([TLS.ca]),
    CORE_METRICS_PROVIDER: 'prometheus',
    // No Docker in the pod: chaincode runs as a service (its own Deployment),
    // reached through the image's built-in ccaas_builder.
    CORE_VM_ENDPOINT: '',
    CORE_PEER_GATEWAY_ENABLED: 'true',
  };
}

export function ordererEnv(model: NetworkModel, node: OrdererNode): Record<string, string> {
  return {
    FABRIC_LOGGING_SPEC: 'INFO',
    ORDERER_GENERAL_LISTENADDRESS: ANY,
    ORDERER_GENERAL_LISTENPORT: String(node.port),
    ORDERER_GENERAL_LOCALMSPID: model.ordererOrg.mspId,
    ORDERER_GENERAL_LOCALMSPDIR: MOUNTS.msp,
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_PRIVATEKEY: TLS.key,
    ORDERER_GENERAL_TLS_CERTIFICATE: TLS.cert,
    ORDERER_GENERAL_TLS_ROOTCAS: list([TLS.ca]),
    // Raft traffic shares the TLS listener; these are the client side of it.
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: TLS.cert,
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: TLS.key,
    ORDERER_GENERAL_CLUSTER_ROOTCAS: list([TLS.ca]),
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
    ORDERER_FILELEDGER_LOCATION: `${DATA_DIR}/ledger`,
    ORDERER_CONSENSUS_WALDIR: `${DATA_DIR}/etcdraft/wal`,
    ORDERER_CONSENSUS_SNAPDIR: `${DATA_DIR}/etcdraft/snapshot`,
    ORDERER_ADMIN_LISTENADDRESS: `${ANY}:${String(node.adminPort)}`,
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: TLS.cert,
    ORDERER_ADMIN_TLS_PRIVATEKEY: TLS.key,
    ORDERER_ADMIN_TLS_ROOTCAS: list([TLS.ca]),
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    // The orderer org's TLS CA (the same CA that issued this node's pair).
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: list([TLS.ca]),
    ORDERER_OPERATIONS_LISTENADDRESS: `${ANY}:${String(node.operationsPort)}`,
    ORDERER_OPERATIONS_TLS_ENABLED: 'true',
    ORDERER_OPERATIONS_TLS_CERTIFICATE: TLS.cert,
    ORDERER_OPERATIONS_TLS_PRIVATEKEY: TLS.key,
    ORDERER_OPERATIONS_TLS_CLIENTROOTCAS: list([TLS.ca]),
    ORDERER_METRICS_PROVIDER: 'prometheus',
  };
}
