/**
 * Which nodes run on which host, and where a host's own folder is. A host's
 * folder has the layout of a run folder holding only that host's part, so the
 * model resolved against it (`hostModel`) gives its nodes' file locations.
 */
import { resolveNetwork, type HostSpec, type NetworkModel, type OrdererNode, type OrgModel } from '@dec/network';
import { runPath } from '../paths';
import { UserFacingError } from '../progress';

export interface HostPart {
  host: HostSpec;
  orgs: OrgModel[];
  orderers: OrdererNode[];
}

export function isMultiHost(model: NetworkModel): boolean {
  return model.hosts.length > 0;
}

/** The network namespace simulating a host on this machine. */
export function netnsName(host: HostSpec): string {
  return `dec-${host.name}`;
}

/** The host's own folder in the multi-host test network, unpacked from its bundle. */
export function hostDir(host: HostSpec): string {
  return runPath('hosts', host.name);
}

export function hostPart(model: NetworkModel, host: HostSpec): HostPart {
  return {
    host,
    orgs: model.orgs.filter((o) => o.host.name === host.name),
    orderers: model.ordererOrg.nodes.filter((n) => n.host.name === host.name),
  };
}

/** The same network with every file location inside `dir` (a host's folder or bundle). */
export function modelAt(model: NetworkModel, dir: string): NetworkModel {
  return resolveNetwork(model.topology, dir);
}

/** The host a bundle is for: a host name, or an org's name or MSP ID (its host). */
export function findHost(model: NetworkModel, target: string): HostSpec {
  const org = model.orgs.find((o) => o.spec.name === target || o.spec.mspId === target);
  if (org) return org.host;
  const host = model.hosts.find((h) => h.name === target);
  if (host) return host;
  const known = [...model.orgs.map((o) => o.spec.name), ...model.hosts.map((h) => h.name)];
  throw new UserFacingError(`no org or host named ${target}`, `name one of ${known.join(', ')}`);
}

/** Every process of the host, by the name its PID record has, in start order. */
export function hostProcessNames(part: HostPart, model: NetworkModel): string[] {
  const mine = new Set(part.orgs.map((o) => o.spec.mspId));
  return [
    ...part.orgs.map((o) => o.ca.id),
    ...part.orderers.map((n) => n.id),
    ...part.orgs.flatMap((o) => o.peers.map((p) => p.id)),
    ...model.chaincodeServers.filter((s) => mine.has(s.org.mspId)).map((s) => s.id),
  ];
}
