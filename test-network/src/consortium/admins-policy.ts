/**
 * Who must sign a config update, computed the way the orderer checks it: each
 * changed element is governed by its mod_policy in the current config. Adding
 * or removing an org changes the Application group (mod_policy Admins =
 * ImplicitMeta MAJORITY of the member orgs' Admins); setting an org's anchor
 * peers changes only that org's group (its own Admins). Other parts of the
 * config (orderer, channel-wide values) are outside what these commands change.
 */
import { UserFacingError } from '../progress';
import { applicationGroup, memberOrgs, type ChannelConfig, type ConfigGroup } from './channel-config';
import type { ConfigUpdateJson } from './config-update';

export interface SignerRequirement {
  /** The policy in words, e.g. "/Channel/Application Admins: MAJORITY of 4 orgs' Admins". */
  policy: string;
  candidates: string[];
  threshold: number;
}

const version = (g: { version?: string } | undefined): number => Number(g?.version ?? 0);

function changed(read: ConfigGroup | undefined, write: ConfigGroup): boolean {
  if (!read) return true;
  const valueChanged = Object.entries(write.values).some(([k, v]) => version(v) > version(read.values[k]) || read.values[k] === undefined);
  return version(write) > version(read) || valueChanged;
}

function implicitThreshold(rule: string, n: number): number {
  if (rule === 'ANY') return 1;
  if (rule === 'ALL') return n;
  return Math.floor(n / 2) + 1;
}

function applicationAdmins(config: ChannelConfig): SignerRequirement {
  const app = applicationGroup(config);
  const policy = app.policies[app.mod_policy];
  const value = policy?.policy.value as { rule?: string; sub_policy?: string } | undefined;
  if (!value?.rule || value.sub_policy !== 'Admins') {
    throw new UserFacingError(`the Application group's ${app.mod_policy} policy is not an implicit rule over the orgs' Admins`, 'compute the signers by hand from the channel config');
  }
  const orgs = memberOrgs(config);
  return { policy: `/Channel/Application ${app.mod_policy}: ${value.rule} of ${orgs.length} orgs' Admins`, candidates: orgs, threshold: implicitThreshold(value.rule, orgs.length) };
}

/** What must sign `update` against the channel's current `config`. */
export function requiredSigners(config: ChannelConfig, update: ConfigUpdateJson): SignerRequirement[] {
  const writeApp = update.write_set.groups.Application;
  const readApp = update.read_set.groups.Application;
  const outside = Object.keys(update.write_set.groups).filter((g) => g !== 'Application');
  if (!writeApp || outside.length > 0 || Object.keys(update.write_set.values).length > 0) {
    throw new UserFacingError('the update changes parts of the channel config other than its member orgs', 'these commands compute signers only for Application-group changes');
  }
  if (version(writeApp) > version(readApp)) return [applicationAdmins(config)];
  const orgs = Object.entries(writeApp.groups).filter(([msp, g]) => changed(readApp?.groups[msp], g)).map(([msp]) => msp);
  if (orgs.length === 0) throw new UserFacingError('the update changes nothing this tool can attribute to a policy', 'decode it with configtxlator and check');
  return orgs.map((msp) => ({ policy: `/Channel/Application/${msp} Admins`, candidates: [msp], threshold: 1 }));
}

export interface Shortfall {
  requirement: SignerRequirement;
  /** How many more of `from` must sign. */
  more: number;
  from: string[];
}

/** What is still missing, given the MSPs whose admins signed. */
export function shortfalls(requirements: SignerRequirement[], signed: string[]): Shortfall[] {
  return requirements.flatMap((requirement) => {
    const have = requirement.candidates.filter((c) => signed.includes(c)).length;
    const more = requirement.threshold - have;
    return more > 0 ? [{ requirement, more, from: requirement.candidates.filter((c) => !signed.includes(c)) }] : [];
  });
}

/** "2 more of LessorMSP, SupplierMSP, RegulatorMSP (/Channel/Application Admins: MAJORITY of 4 orgs' Admins)". */
export function describeShortfall(s: Shortfall): string {
  return `${s.more} more of ${s.from.join(', ')} (${s.requirement.policy})`;
}
