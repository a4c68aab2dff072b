/**
 * Kubernetes manifests of the whole consortium from the topology model: one
 * namespace per org (its CA, peers, chaincode servers and gateway) and one for
 * the orderers, with the official Fabric images. Besides the manifests it
 * writes, per namespace, the script that creates the Secrets the workloads
 * mount from the org's own crypto (file names only, never key material), and
 * the in-cluster address each node's TLS certificate must carry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { NetworkModel } from '../../model';
import * as layout from './layout';
import { namespaceObject, type K8sObject } from './objects';
import { caObjects, chaincodeObjects, gatewayObjects, ordererObjects, peerObjects, type NodeObjects } from './workloads';

/** Everything that goes into one namespace. */
export interface NamespaceManifests {
  namespace: string;
  mspId: string;
  objects: K8sObject[];
  secrets: layout.SecretSource[];
  /** Node → the cluster address its TLS server certificate must name (a SAN). */
  addresses: Record<string, string>;
}

function merge(namespace: string, mspId: string, nodes: NodeObjects[], o: layout.K8sOptions): NamespaceManifests {
  const objects = [namespaceObject(namespace, mspId), ...nodes.flatMap((n) => n.objects)];
  const addresses: Record<string, string> = {};
  for (const obj of objects) if (obj.kind === 'Service') addresses[obj.metadata.name] = layout.clusterAddress(o, obj.metadata.name, namespace);
  return { namespace, mspId, objects, secrets: nodes.flatMap((n) => n.secrets), addresses };
}

export function kubernetesManifests(model: NetworkModel, options: Partial<layout.K8sOptions> = {}): NamespaceManifests[] {
  const o = { ...layout.DEFAULT_K8S_OPTIONS, ...options };
  const ordererNs = layout.ordererNamespace(o, model);
  const orgs = model.orgs.map((org) => {
    const ns = layout.orgNamespace(o, org);
    if (ns === ordererNs) throw new Error(`org ${org.spec.mspId} would share the namespace ${ns} with the orderers; rename the org or the orderer org in the topology`);
    const servers = model.chaincodeServers.filter((s) => s.org.mspId === org.spec.mspId);
    const nodes = [
      caObjects(o, model, org),
      ...org.peers.map((peer) => peerObjects(o, org, peer)),
      ...servers.map((server) => chaincodeObjects(o, model, org, server)),
      gatewayObjects(o, model, org),
    ];
    return merge(ns, org.spec.mspId, nodes, o);
  });
  const orderers = merge(ordererNs, model.ordererOrg.mspId, model.ordererOrg.nodes.map((n) => ordererObjects(o, model, n)), o);
  return [...orgs, orderers];
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Where the script reads a Secret's file: the crypto folder, the registrar's secret, or the org's gateway config. */
function sourceArgument(model: NetworkModel, source: string): string {
  if (source.startsWith(model.cryptoDir)) return `"$CRYPTO"/${quote(path.relative(model.cryptoDir, source))}`;
  if (source.endsWith('registrar.secret')) return '"$CA_REGISTRAR_SECRET"';
  return '"$GATEWAY_CONFIG"';
}

/**
 * `kubectl create secret` for each Secret of a namespace, reading the files from
 * the org's crypto folder (CRYPTO, the cryptogen layout of its bundle).
 */
export function secretsScript(model: NetworkModel, ns: NamespaceManifests): string {
  const orderers = ns.mspId === model.ordererOrg.mspId;
  const lines = [
    '#!/bin/sh',
    `# Creates the Secrets of namespace ${ns.namespace} (${ns.mspId}) from the org's own files; run by its admin.`,
    '# CRYPTO: the folder holding peerOrganizations/ or ordererOrganizations/ (the org\'s bundle).',
    ...(orderers ? [] : ['# CA_REGISTRAR_SECRET: the file with the CA registrar\'s secret; GATEWAY_CONFIG: the org\'s network.json with paths under /etc/dec/gateway.']),
    'set -eu',
    ': "${CRYPTO:?set CRYPTO}"',
    ...(orderers ? [] : [': "${CA_REGISTRAR_SECRET:?set CA_REGISTRAR_SECRET}"', ': "${GATEWAY_CONFIG:?set GATEWAY_CONFIG}"']),
  ];
  for (const secret of ns.secrets) {
    const from = secret.files.map((f) => `--from-file=${f.key}=${sourceArgument(model, f.source)}`);
    lines.push(`kubectl -n ${ns.namespace} create secret generic ${secret.name} ${from.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `<dir>/<namespace>/{manifests.yaml,create-secrets.sh,addresses.json}`; returns the files written. */
export function writeKubernetesManifests(model: NetworkModel, dir: string, options: Partial<layout.K8sOptions> = {}): string[] {
  const written: string[] = [];
  for (const ns of kubernetesManifests(model, options)) {
    const folder = path.join(dir, ns.namespace);
    mkdirSync(folder, { recursive: true });
    const files: Record<string, string> = {
      'manifests.yaml': ns.objects.map((obj) => stringify(obj)).join('---\n'),
      'create-secrets.sh': secretsScript(model, ns),
      'addresses.json': `${JSON.stringify(ns.addresses, null, 2)}\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(folder, name), text);
      written.push(path.join(folder, name));
    }
  }
  return written;
}
