/**
 * The objects of each node: its env ConfigMap, its Service, and its workload
 * (StatefulSet with a claim for ledgers and databases, Deployment for stateless
 * chaincode servers). Private keys are never in these objects: the workloads
 * mount Secrets that the org's admin creates from its own crypto (see
 * secretsScript and deploy/README.md).
 */
import path from 'node:path';
import { CA_REGISTRAR_ID, caRegistrarSecretPath } from '../gateway-config';
import { CA_TLS_HOST, CHAINCODE_TLS_HOST } from '../crypto-config';
import type { ChaincodeServer, NetworkModel, OrdererNode, OrgModel, PeerNode } from '../../model';
import { ordererEnv, peerEnv } from './fabric-env';
import * as layout from './layout';
import { configMapObject, healthProbe, labels, serviceObject, workloadObject, type K8sObject } from './objects';

export interface NodeObjects {
  objects: K8sObject[];
  secrets: layout.SecretSource[];
}

const container = (name: string, image: string, ports: Record<string, number>, extra: Record<string, unknown>): Record<string, unknown> => ({
  name,
  image,
  ports: Object.entries(ports).map(([portName, containerPort]) => ({ name: portName, containerPort, protocol: 'TCP' })),
  ...extra,
});

export function peerObjects(o: layout.K8sOptions, org: OrgModel, peer: PeerNode): NodeObjects {
  const ns = layout.orgNamespace(o, org);
  const name = layout.peerService(peer);
  const l = labels(name, 'peer', org.spec.mspId);
  const ports = { grpc: peer.port, chaincode: peer.chaincodePort, operations: peer.operationsPort };
  const secrets = [layout.mspSecret(`${name}-msp`, ns, peer.mspDir, org.domain, peer.name), layout.tlsSecret(`${name}-tls`, ns, peer.tls)];
  const env = configMapObject(`${name}-env`, ns, peerEnv(peer, layout.clusterAddress(o, name, ns)), l);
  const probes = { readinessProbe: healthProbe(peer.operationsPort), livenessProbe: healthProbe(peer.operationsPort) };
  const main = container('peer', layout.FABRIC_IMAGES.peer, ports, { command: ['peer', 'node', 'start'], envFrom: [{ configMapRef: { name: `${name}-env` } }], ...probes });
  const workload = workloadObject({ name, namespace: ns, labels: l, container: main, secrets: secrets.map(layout.toMount), storage: { mountPath: layout.DATA_DIR, size: o.storage.peer } });
  return { objects: [env, serviceObject(name, ns, l, ports), workload], secrets };
}

export function ordererObjects(o: layout.K8sOptions, model: NetworkModel, node: OrdererNode): NodeObjects {
  const ns = layout.ordererNamespace(o, model);
  const name = layout.ordererService(node);
  const l = labels(name, 'orderer', model.ordererOrg.mspId);
  const ports = { grpc: node.port, admin: node.adminPort, operations: node.operationsPort };
  const secrets = [layout.mspSecret(`${name}-msp`, ns, node.mspDir, model.ordererOrg.domain, node.name), layout.tlsSecret(`${name}-tls`, ns, node.tls)];
  const env = configMapObject(`${name}-env`, ns, ordererEnv(model, node), l);
  const probes = { readinessProbe: healthProbe(node.operationsPort), livenessProbe: healthProbe(node.operationsPort) };
  const main = container('orderer', layout.FABRIC_IMAGES.orderer, ports, { command: ['orderer', 'start'], envFrom: [{ configMapRef: { name: `${name}-env` } }], ...probes });
  const workload = workloadObject({ name, namespace: ns, labels: l, container: main, secrets: secrets.map(layout.toMount), storage: { mountPath: layout.DATA_DIR, size: o.storage.orderer } });
  return { objects: [env, serviceObject(name, ns, l, ports), workload], secrets };
}

/** The CA server's config, as the test network writes it, minus the registrar's secret (a Secret, set by the init container). */
function caConfigYaml(org: OrgModel): string {
  const ca = org.ca;
  return [
    'version: 1.5.21',
    `port: ${String(ca.port)}`,
    'address: 0.0.0.0',
    'tls: { enabled: true, certfile: /etc/dec/tls/server.crt, keyfile: /etc/dec/tls/server.key }',
    `ca: { name: ${ca.caName}, certfile: /etc/dec/ca/${path.basename(ca.signingCert)}, keyfile: /etc/dec/ca/${path.basename(ca.signingKey)} }`,
    `affiliations: { ${org.spec.name}: [users, devices] }`,
    'registry:',
    '  maxenrollments: -1',
    '  identities:',
    `    - { name: ${CA_REGISTRAR_ID}, pass: REGISTRAR_SECRET, type: client, affiliation: "",`,
    '        attrs: { hf.Registrar.Roles: "client,user", hf.Registrar.Attributes: "*", hf.Registrar.DelegateRoles: "client,user",',
    '                 hf.Revoker: true, hf.GenCRL: true, hf.AffiliationMgr: true, hf.IntermediateCA: false } }',
    'db: { type: sqlite3, datasource: fabric-ca-server.db }',
    `operations: { listenAddress: "0.0.0.0:${String(ca.operationsPort)}", tls: { enabled: true, cert: { file: /etc/dec/tls/server.crt }, key: { file: /etc/dec/tls/server.key } } }`,
    'metrics: { provider: prometheus }',
    '',
  ].join('\n');
}

export function caObjects(o: layout.K8sOptions, model: NetworkModel, org: OrgModel): NodeObjects {
  const ns = layout.orgNamespace(o, org);
  const name = layout.CA_SERVICE;
  const l = labels(name, 'ca', org.spec.mspId);
  const ports = { https: org.ca.port, operations: org.ca.operationsPort };
  const tlsDir = path.join(model.cryptoDir, 'peerOrganizations', org.domain, 'peers', `${CA_TLS_HOST}.${org.domain}`, 'tls');
  const signing: layout.SecretSource = {
    name: 'ca-signing',
    namespace: ns,
    mountPath: '/etc/dec/ca',
    files: [org.ca.signingCert, org.ca.signingKey].map((f) => ({ key: layout.secretKey(f), source: f, path: path.basename(f) })),
  };
  const registrarFile = caRegistrarSecretPath(model, org.spec.name);
  const registrar: layout.SecretSource = { name: 'ca-registrar', namespace: ns, mountPath: '/etc/dec/registrar', files: [{ key: 'registrar.secret', source: registrarFile, path: 'registrar.secret' }] };
  const tls = layout.tlsSecret('ca-tls', ns, { ca: org.tlsCaCert, cert: path.join(tlsDir, 'server.crt'), key: path.join(tlsDir, 'server.key') });
  const home = '/var/hyperledger/fabric-ca-server';
  const config = configMapObject('ca-config', ns, { 'fabric-ca-server-config.yaml': caConfigYaml(org) }, l);
  const mounts = [signing, tls].map(layout.toMount);
  const probes = { readinessProbe: healthProbe(org.ca.operationsPort), livenessProbe: healthProbe(org.ca.operationsPort) };
  const main = container('ca', layout.FABRIC_IMAGES.ca, ports, { command: ['fabric-ca-server', 'start', '--home', home], ...probes });
  const workload = workloadObject({ name, namespace: ns, labels: l, container: main, secrets: mounts, storage: { mountPath: home, size: o.storage.ca } });
  addCaInit(workload, home, registrar);
  return { objects: [config, serviceObject(name, ns, l, ports), workload], secrets: [signing, tls, registrar] };
}

/** The registrar's secret goes into the server's config file on the data volume, never onto a command line or into a ConfigMap. */
function addCaInit(workload: K8sObject, home: string, registrar: layout.SecretSource): void {
  const pod = (workload.spec as { template: { spec: { volumes: unknown[]; initContainers?: unknown[] } } }).template.spec;
  pod.volumes.push({ name: 'ca-config', configMap: { name: 'ca-config' } }, { name: registrar.name, secret: { secretName: registrar.name, defaultMode: 0o400 } });
  const script = `umask 077; sed "s|REGISTRAR_SECRET|$(cat ${registrar.mountPath}/registrar.secret)|" /etc/dec/ca-config/fabric-ca-server-config.yaml > ${home}/fabric-ca-server-config.yaml`;
  pod.initContainers = [
    {
      name: 'config',
      image: layout.FABRIC_IMAGES.ca,
      command: ['sh', '-c', script],
      volumeMounts: [
        { name: 'ca-config', mountPath: '/etc/dec/ca-config', readOnly: true },
        { name: registrar.name, mountPath: registrar.mountPath, readOnly: true },
        { name: 'data', mountPath: home },
      ],
    },
  ];
}

export function chaincodeObjects(o: layout.K8sOptions, model: NetworkModel, org: OrgModel, server: ChaincodeServer): NodeObjects {
  const ns = layout.orgNamespace(o, org);
  const name = layout.chaincodeService(server);
  const l = labels(name, 'chaincode', org.spec.mspId);
  const tlsDir = path.join(model.cryptoDir, 'peerOrganizations', org.domain, 'peers', `${CHAINCODE_TLS_HOST}.${org.domain}`, 'tls');
  const tls = layout.tlsSecret(`${name}-tls`, ns, { ca: org.tlsCaCert, cert: path.join(tlsDir, 'server.crt'), key: path.join(tlsDir, 'server.key') });
  const ports = { grpc: server.port };
  // The package ID is known once the org's admin has packaged the ccaas connection (deploy/README.md).
  const env = [
    { name: 'CORE_PEER_LOCALMSPID', value: org.spec.mspId },
    { name: 'CHAINCODE_SERVER_ADDRESS', value: `0.0.0.0:${String(server.port)}` },
    { name: 'CHAINCODE_ID', valueFrom: { configMapKeyRef: { name: `${name}-package`, key: 'CHAINCODE_ID' } } },
  ];
  const main = container('chaincode', layout.chaincodeImage(o, server), ports, {
    env,
    readinessProbe: { tcpSocket: { port: server.port }, periodSeconds: 10 },
    livenessProbe: { tcpSocket: { port: server.port }, periodSeconds: 10 },
  });
  const workload = workloadObject({ name, namespace: ns, labels: l, container: main, secrets: [layout.toMount(tls)] });
  return { objects: [serviceObject(name, ns, l, ports), workload], secrets: [tls] };
}

/**
 * One gateway per org, holding only its own org's identities: the org's gateway
 * config (its paths rewritten to the mount) and the files it names, in a Secret.
 */
export function gatewayObjects(o: layout.K8sOptions, model: NetworkModel, org: OrgModel): NodeObjects {
  const ns = layout.orgNamespace(o, org);
  const name = layout.GATEWAY_SERVICE;
  const l = labels(name, 'gateway-api', org.spec.mspId);
  const ports = { http: layout.GATEWAY_PORT };
  const sources = [org.admin.cert, org.admin.key, org.tlsCaCert, caRegistrarSecretPath(model, org.spec.name)];
  const config: layout.SecretSource = {
    name: 'gateway-config',
    namespace: ns,
    mountPath: layout.MOUNTS.gateway,
    files: [
      { key: 'network.json', source: 'network.json', path: 'network.json' },
      ...sources.map((f) => ({ key: layout.secretKey(f), source: f, path: layout.secretKey(f) })),
    ],
  };
  const env = [
    { name: 'DEC_GATEWAY_CONFIG', value: `${layout.MOUNTS.gateway}/network.json` },
    { name: 'DEC_API_HOST', value: '0.0.0.0' },
    { name: 'DEC_API_PORT', value: String(layout.GATEWAY_PORT) },
    { name: 'DEC_API_DATA_DIR', value: '/var/dec/gateway-api' },
  ];
  const probes = { readinessProbe: { ...healthProbe(layout.GATEWAY_PORT, 'HTTP'), httpGet: { path: '/readyz', port: layout.GATEWAY_PORT, scheme: 'HTTP' } }, livenessProbe: healthProbe(layout.GATEWAY_PORT, 'HTTP') };
  const main = container('gateway-api', layout.gatewayImage(o), ports, { env, ...probes });
  const workload = workloadObject({ name, namespace: ns, labels: l, container: main, secrets: [layout.toMount(config)], storage: { mountPath: '/var/dec/gateway-api', size: o.storage.gateway } });
  return { objects: [serviceObject(name, ns, l, ports), workload], secrets: [config] };
}
