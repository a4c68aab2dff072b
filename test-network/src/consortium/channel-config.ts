/**
 * A channel's current configuration, read the way an org admin reads it: the
 * latest config block fetched from the ordering service with the admin's own
 * MSP (`peer channel fetch config`), decoded by configtxlator. The shapes below
 * are the parts of configtxlator's JSON this folder reads or edits.
 */
import type { NetworkModel, OrgModel } from '@dec/network';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { orgAdminEnv, ordererFlags } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { UserFacingError } from '../progress';
import { decodeFile } from './configtxlator';
import { workDir } from './folders';

export interface ConfigPolicy {
  mod_policy: string;
  policy: { type: number; value: Record<string, unknown> };
  version?: string;
}

export interface ConfigGroup {
  groups: Record<string, ConfigGroup>;
  values: Record<string, { mod_policy: string; value: unknown; version?: string }>;
  policies: Record<string, ConfigPolicy>;
  mod_policy: string;
  version?: string;
}

export interface ChannelConfig {
  channel_group: ConfigGroup;
  sequence?: string;
}

interface DecodedBlock {
  data: { data: { payload: { data: { config?: ChannelConfig } } }[] };
}

/** The Application group, where member orgs live. */
export function applicationGroup(config: ChannelConfig): ConfigGroup {
  const app = config.channel_group.groups.Application;
  if (!app) throw new UserFacingError('the channel config has no Application group', 'is this an application channel?');
  return app;
}

/** MSP IDs of the channel's member orgs. */
export function memberOrgs(config: ChannelConfig): string[] {
  return Object.keys(applicationGroup(config).groups).sort();
}

function configOf(block: unknown, what: string): ChannelConfig {
  const config = (block as DecodedBlock).data.data[0]?.payload.data.config;
  if (!config) throw new UserFacingError(`${what} carries no channel config`, 'fetch a config block (the latest config or block 0)');
  return config;
}

/** Fetches `which` ('config' = latest config block, '0' = genesis) as `org`'s admin into `file`. */
export async function fetchBlock(model: NetworkModel, org: OrgModel, channel: string, which: 'config' | 'newest' | '0', file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await run(bin('peer'), ['channel', 'fetch', which, file, '-c', channel, ...ordererFlags(model)], {
    env: orgAdminEnv(org),
    hint: `the orderer serves channel ${channel} only to its members' admins and peers: is ${org.spec.mspId} a member?`,
  });
}

/** The channel's latest configuration, fetched as `org`'s admin. */
export async function fetchConfig(model: NetworkModel, org: OrgModel, channel: string): Promise<ChannelConfig> {
  const dir = mkdtempSync(path.join(workDir(), 'fetch-'));
  try {
    const file = path.join(dir, 'config.block');
    await fetchBlock(model, org, channel, 'config', file);
    return configOf(await decodeFile('common.Block', file), `the latest config block of ${channel}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
