/**
 * Proposing a channel config change: an admin edits the decoded config (add an
 * org's definition, remove an org, set anchor peers), configtxlator computes the
 * ConfigUpdate, and it is wrapped, unsigned, in an envelope (channel header type
 * 2, CONFIG_UPDATE). That file is what every signer receives.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../progress';
import { applicationGroup, memberOrgs, type ChannelConfig, type ConfigGroup } from './channel-config';
import { computeUpdate, decodeFile, encodeFile } from './configtxlator';

const CONFIG_UPDATE_TYPE = 2;

export interface ConfigUpdateJson {
  channel_id: string;
  read_set: ConfigGroup;
  write_set: ConfigGroup;
}

/** Writes the unsigned update envelope turning `original` into `updated`; fails when they do not differ. */
export async function proposeUpdate(channel: string, original: ChannelConfig, updated: ChannelConfig, outFile: string): Promise<void> {
  const update = await computeUpdate(channel, original, updated);
  if (update === undefined) throw new UserFacingError(`the change makes no difference to channel ${channel}`, 'it is already in effect');
  mkdirSync(path.dirname(outFile), { recursive: true });
  const envelope = { payload: { header: { channel_header: { channel_id: channel, type: CONFIG_UPDATE_TYPE } }, data: { config_update: update } } };
  await encodeFile('common.Envelope', envelope, outFile);
}

/** The ConfigUpdate inside an update file, decoded (to read which channel and which parts it changes). */
export async function readUpdate(file: string): Promise<ConfigUpdateJson> {
  const env = (await decodeFile('common.Envelope', file)) as { payload?: { data?: { config_update?: ConfigUpdateJson } } };
  const update = env.payload?.data?.config_update;
  if (!update?.channel_id) throw new UserFacingError(`${file} is not a config update envelope`, 'pass the .pb file the `propose` command wrote');
  return update;
}

const clone = (config: ChannelConfig): ChannelConfig => JSON.parse(JSON.stringify(config)) as ChannelConfig;

/** The config with `mspId`'s definition (from `configtxgen -printOrg`) added to the Application group. */
export function withOrg(config: ChannelConfig, mspId: string, definitionFile: string): ChannelConfig {
  if (memberOrgs(config).includes(mspId)) throw new UserFacingError(`${mspId} is already a member`, 'nothing to add');
  const definition = JSON.parse(readFileSync(definitionFile, 'utf8')) as ConfigGroup;
  const mspValue = definition.values.MSP as { value?: { config?: { name?: string } } } | undefined;
  if (mspValue?.value?.config?.name !== mspId) {
    throw new UserFacingError(`${definitionFile} does not define ${mspId} (its MSP name is ${String(mspValue?.value?.config?.name)})`, 'pass the output of `configtxgen -printOrg <MSP ID>`');
  }
  const next = clone(config);
  applicationGroup(next).groups[mspId] = definition;
  return next;
}

/** The config without `mspId` in the Application group. */
export function withoutOrg(config: ChannelConfig, mspId: string): ChannelConfig {
  if (!memberOrgs(config).includes(mspId)) throw new UserFacingError(`${mspId} is not a member`, `members: ${memberOrgs(config).join(', ')}`);
  const next = clone(config);
  const groups = applicationGroup(next).groups;
  applicationGroup(next).groups = Object.fromEntries(Object.entries(groups).filter(([msp]) => msp !== mspId));
  return next;
}

/** The config with `mspId`'s anchor peers set to `anchors`. */
export function withAnchorPeers(config: ChannelConfig, mspId: string, anchors: { host: string; port: number }[]): ChannelConfig {
  const next = clone(config);
  const org = applicationGroup(next).groups[mspId];
  if (!org) throw new UserFacingError(`${mspId} is not a member of the channel`, 'add the org before its anchor peers');
  const version = org.values.AnchorPeers?.version ?? '0';
  org.values.AnchorPeers = { mod_policy: 'Admins', value: { anchor_peers: anchors }, version };
  return next;
}
