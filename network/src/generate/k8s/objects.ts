/**
 * Plain Kubernetes objects and the few shapes the Fabric workloads share.
 * The generator emits plain data (no runtime dependency on a Kubernetes
 * library); the unit test builds every object with its `kubernetes-models`
 * class and validates it against the Kubernetes schemas, so nothing written
 * here reaches a cluster unvalidated.
 */

/** Any generated object: apiVersion + kind + metadata, the rest as the schema says. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** A Secret the workload mounts: created by the org's admin from its bundle, never generated. */
export interface SecretMount {
  secret: string;
  mountPath: string;
  /** Key in the Secret → file path below mountPath (MSP folders have sub-folders). */
  items: { key: string; path: string }[];
}

export const APP_LABEL = 'app.kubernetes.io/name';
export const PART_LABEL = 'app.kubernetes.io/part-of';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const ORG_LABEL = 'dec.network/msp-id';

export function labels(name: string, component: string, mspId: string): Record<string, string> {
  return { [APP_LABEL]: name, [PART_LABEL]: 'dec-network', [COMPONENT_LABEL]: component, [ORG_LABEL]: mspId };
}

export function namespaceObject(name: string, mspId: string): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [PART_LABEL]: 'dec-network', [ORG_LABEL]: mspId } } };
}

export function configMapObject(name: string, namespace: string, data: Record<string, string>, objectLabels: Record<string, string>): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels: objectLabels }, data };
}

export function serviceObject(name: string, namespace: string, objectLabels: Record<string, string>, ports: Record<string, number>): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: objectLabels },
    spec: {
      selector: { [APP_LABEL]: objectLabels[APP_LABEL] ?? name },
      ports: Object.entries(ports).map(([portName, port]) => ({ name: portName, port, targetPort: port, protocol: 'TCP' })),
    },
  };
}

/** Fabric's operations endpoint answers `/healthz` over TLS; the kubelet does not verify the certificate. */
export function healthProbe(port: number, scheme: 'HTTPS' | 'HTTP' = 'HTTPS'): Record<string, unknown> {
  return { httpGet: { path: '/healthz', port, scheme }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 };
}

export function secretVolumes(mounts: SecretMount[]): { volumes: Record<string, unknown>[]; volumeMounts: Record<string, unknown>[] } {
  return {
    volumes: mounts.map((m) => ({ name: m.secret, secret: { secretName: m.secret, defaultMode: 0o400, items: m.items } })),
    volumeMounts: mounts.map((m) => ({ name: m.secret, mountPath: m.mountPath, readOnly: true })),
  };
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  container: Record<string, unknown>;
  secrets: SecretMount[];
  /** A ledger or database volume: StatefulSet with a claim template; none: Deployment. */
  storage?: { mountPath: string; size: string };
}

/** One replica per node: a Fabric node's identity is its certificate, so it is never scaled out. */
export function workloadObject(spec: WorkloadSpec): K8sObject {
  const { volumes, volumeMounts } = secretVolumes(spec.secrets);
  const storageMounts = spec.storage ? [{ name: 'data', mountPath: spec.storage.mountPath }] : [];
  const podSpec = {
    automountServiceAccountToken: false,
    containers: [{ ...spec.container, volumeMounts: [...volumeMounts, ...storageMounts] }],
    volumes,
  };
  const template = { metadata: { labels: spec.labels }, spec: podSpec };
  const selector = { matchLabels: { [APP_LABEL]: spec.labels[APP_LABEL] ?? spec.name } };
  const metadata = { name: spec.name, namespace: spec.namespace, labels: spec.labels };
  if (!spec.storage) {
    return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { replicas: 1, strategy: { type: 'Recreate' }, selector, template } };
  }
  const claim = {
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: spec.storage.size } } },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata,
    spec: { replicas: 1, serviceName: spec.name, selector, template, volumeClaimTemplates: [claim] },
  };
}
