/** Kubernetes manifests generated from the topology model (what `dec-network k8s --out <dir>` writes). */
export { DEFAULT_K8S_OPTIONS, FABRIC_IMAGES, type K8sOptions } from './layout';
export { kubernetesManifests, secretsScript, writeKubernetesManifests, type NamespaceManifests } from './manifests';
export type { K8sObject } from './objects';
