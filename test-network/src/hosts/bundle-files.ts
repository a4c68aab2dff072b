/**
 * What a host's bundle holds, file by file: the private crypto of its own org
 * (or of its orderer nodes) and nothing private of anyone else; the public MSP
 * of the other orgs and of ordering (their CA and TLS CA certificates, to
 * verify them); its channels' genesis blocks (the join material); its org's CA
 * secret and connection profile. The copy is made from the operator's run folder.
 */
import type { NetworkModel } from '@dec/network';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { FABRIC_CONFIG, BUILDER_DIR } from '../paths';
import { profilePath } from '../steps/generate';
import type { HostPart } from './layout';

/** `from` (a file or folder of the run folder) goes to `to`, relative to the bundle. */
export interface BundleCopy {
  from: string;
  to: string;
}

function underRun(model: NetworkModel, file: string): BundleCopy {
  return { from: file, to: path.relative(model.runDir, file) };
}

/** An org's verifying MSP and TLS root: public certificates only. */
function publicOrg(model: NetworkModel, orgDir: string, tlsCaCert: string): BundleCopy[] {
  return [underRun(model, path.join(orgDir, 'msp')), underRun(model, tlsCaCert)];
}

function ownOrgs(model: NetworkModel, part: HostPart): BundleCopy[] {
  return part.orgs.flatMap((org) => [
    underRun(model, path.join(model.cryptoDir, 'peerOrganizations', org.domain)),
    underRun(model, path.join(model.runDir, 'ca', org.spec.name, 'registrar.secret')),
    { from: profilePath(org.spec.name), to: path.join('profiles', `${org.spec.name}.json`) },
  ]);
}

function ownOrderers(model: NetworkModel, part: HostPart): BundleCopy[] {
  if (part.orderers.length === 0) return [];
  const ordererOrgDir = path.join(model.cryptoDir, 'ordererOrganizations', model.ordererOrg.domain);
  return [
    ...part.orderers.map((n) => underRun(model, path.join(ordererOrgDir, 'orderers', n.name))),
    // The orderer org's admin joins this host's orderers to channels (osnadmin, mutual TLS).
    underRun(model, path.join(ordererOrgDir, 'users', `Admin@${model.ordererOrg.domain}`)),
  ];
}

function othersPublic(model: NetworkModel, part: HostPart): BundleCopy[] {
  const mine = new Set(part.orgs.map((o) => o.spec.mspId));
  const ordererOrgDir = path.join(model.cryptoDir, 'ordererOrganizations', model.ordererOrg.domain);
  return [
    ...model.orgs.filter((o) => !mine.has(o.spec.mspId)).flatMap((o) => publicOrg(model, path.join(model.cryptoDir, 'peerOrganizations', o.domain), o.tlsCaCert)),
    ...publicOrg(model, ordererOrgDir, model.ordererOrg.tlsCaCert),
  ];
}

function channelBlocks(model: NetworkModel, part: HostPart): BundleCopy[] {
  const channels = part.orderers.length > 0 ? model.topology.channels.map((c) => c.name) : [...new Set(part.orgs.flatMap((o) => o.channels.map((c) => c.name)))];
  return channels.map((c) => underRun(model, model.channelBlock(c)));
}

/** Every copy that makes up the host's bundle (generated files such as env and scripts come on top). */
export function bundleCopies(model: NetworkModel, part: HostPart): BundleCopy[] {
  return [
    ...ownOrgs(model, part),
    ...ownOrderers(model, part),
    ...othersPublic(model, part),
    ...channelBlocks(model, part),
    { from: FABRIC_CONFIG, to: 'fabric-config' },
    { from: BUILDER_DIR, to: path.join('builders', 'ccaas') },
  ];
}

export function copyInto(dir: string, copies: BundleCopy[]): void {
  for (const { from, to } of copies) {
    if (!existsSync(from)) throw new Error(`bundle: ${from} is missing (was the network generated?)`);
    const target = path.join(dir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(from, target, { recursive: true });
  }
}
