/**
 * Where each node lives in the cluster: its namespace, Service name, in-cluster
 * address, and the Secrets its workload mounts (each file of a Secret named with
 * the model's file it comes from, so the creation script and the mounts come
 * from one list). Images are the project's pinned Fabric versions.
 */
import path from 'node:path';
import type { ChaincodeServer, NetworkModel, OrdererNode, OrgModel, PeerNode } from '../../model';
import type { SecretMount } from './objects';

/** The versions the test network builds from source (test-network/scripts/build-fabric.sh). */
export const FABRIC_IMAGES = {
  peer: 'hyperledger/fabric-peer:3.1.1',
  orderer: 'hyperledger/fabric-orderer:3.1.1',
  ca: 'hyperledger/fabric-ca:1.5.21',
} as const;

export interface K8sOptions {
  /** Namespaces are `<prefix>-<org name>` and `<prefix>-<orderer org name>`. */
  namespacePrefix: string;
  /** Registry/repository prefix of the images built from deploy/*.Dockerfile. */
  imageRepository: string;
  imageTag: string;
  clusterDomain: string;
  storage: { peer: string; orderer: string; ca: string; gateway: string };
}

export const DEFAULT_K8S_OPTIONS: K8sOptions = {
  namespacePrefix: 'dec',
  imageRepository: 'dec',
  imageTag: '0.1.0',
  clusterDomain: 'cluster.local',
  storage: { peer: '20Gi', orderer: '20Gi', ca: '1Gi', gateway: '1Gi' },
};

/** Inside every container: the node's MSP, its TLS pair, and the chaincode server's TLS pair. */
export const MOUNTS = { msp: '/etc/dec/msp', tls: '/etc/dec/tls', gateway: '/etc/dec/gateway' } as const;
export const DATA_DIR = '/var/hyperledger/production';
export const GATEWAY_PORT = 3000;

export const orgNamespace = (o: K8sOptions, org: OrgModel): string => `${o.namespacePrefix}-${org.spec.name}`;
export const ordererNamespace = (o: K8sOptions, model: NetworkModel): string => `${o.namespacePrefix}-${model.topology.orderer.name}`;
export const peerService = (peer: PeerNode): string => `peer${String(peer.index)}`;
export const ordererService = (node: OrdererNode): string => `orderer${String(node.index)}`;
export const CA_SERVICE = 'ca';
export const GATEWAY_SERVICE = 'gateway';
export const chaincodeService = (server: ChaincodeServer): string => `${server.chaincode.name}-chaincode`;
export const chaincodeImage = (o: K8sOptions, server: ChaincodeServer): string => `${o.imageRepository}/chaincode-${server.chaincode.name}:${o.imageTag}`;
export const gatewayImage = (o: K8sOptions): string => `${o.imageRepository}/gateway-api:${o.imageTag}`;

/** `<service>.<namespace>.svc.<cluster domain>`: the name the node's TLS certificate must carry. */
export function clusterAddress(o: K8sOptions, service: string, namespace: string): string {
  return `${service}.${namespace}.svc.${o.clusterDomain}`;
}

/** A Secret to create from the org's crypto: key (file name) → source file in the crypto folder → path in the mount. */
export interface SecretSource {
  name: string;
  namespace: string;
  mountPath: string;
  files: { key: string; source: string; path: string }[];
}

export function toMount(secret: SecretSource): SecretMount {
  return { secret: secret.name, mountPath: secret.mountPath, items: secret.files.map((f) => ({ key: f.key, path: f.path })) };
}

/** A Secret key may hold only [-._a-zA-Z0-9]: `Admin@bank…-cert.pem` becomes `Admin-bank…-cert.pem`. */
export function secretKey(source: string): string {
  return path.basename(source).replace(/[^-._a-zA-Z0-9]/g, '-');
}

function file(source: string, mountedAs: string): { key: string; source: string; path: string } {
  return { key: secretKey(source), source, path: mountedAs };
}

/** A node's local MSP (cryptogen layout): CA cert, TLS CA cert, its signing cert and key, NodeOU config. */
export function mspSecret(name: string, namespace: string, mspDir: string, domain: string, nodeName: string): SecretSource {
  const ca = `ca.${domain}-cert.pem`;
  const tlsca = `tlsca.${domain}-cert.pem`;
  const sign = `${nodeName}-cert.pem`;
  return {
    name,
    namespace,
    mountPath: MOUNTS.msp,
    files: [
      file(path.join(mspDir, 'cacerts', ca), `cacerts/${ca}`),
      file(path.join(mspDir, 'tlscacerts', tlsca), `tlscacerts/${tlsca}`),
      file(path.join(mspDir, 'signcerts', sign), `signcerts/${sign}`),
      file(path.join(mspDir, 'keystore', 'priv_sk'), 'keystore/priv_sk'),
      file(path.join(mspDir, 'config.yaml'), 'config.yaml'),
    ],
  };
}

/** A TLS server pair and the CA that issued it (`ca.crt`, `server.crt`, `server.key`). */
export function tlsSecret(name: string, namespace: string, tls: { ca: string; cert: string; key: string }): SecretSource {
  return {
    name,
    namespace,
    mountPath: MOUNTS.tls,
    files: [file(tls.ca, 'ca.crt'), file(tls.cert, 'server.crt'), file(tls.key, 'server.key')],
  };
}
