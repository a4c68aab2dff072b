/**
 * A side chain: a new channel among some of the consortium's orgs, created on
 * the running network. Its genesis block comes from a configtxgen profile
 * generated from the topology model (the same orderers, policies and
 * capabilities as the topology's channels, only the chosen orgs as members; no
 * consortium: orderers join through the channel participation API). Every
 * orderer joins it, the members' peers join, and a chaincode is deployed on it
 * under a definition of its own: each member approves with the package its
 * peers already run for that chaincode, so the same chaincode servers serve it.
 */
import { configtxYaml, orgByMsp, type NetworkModel } from '@dec/network';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { run } from '../exec';
import { waitFor } from '../health';
import { bin, runPath } from '../paths';
import { step, UserFacingError } from '../progress';
import { joinOrderer, ordererChannelInfo } from '../steps/orderers';
import { joinPeer } from '../steps/peers';
import { definition } from './commands';
import { consortium } from './orgs';

const CHANNEL_NAME = /^[a-z][a-z0-9.-]{0,248}$/;

interface Profile {
  Application: { Organizations: { Name: string }[] };
}

/** configtx.yaml with one profile: the topology's channel profile, limited to `orgs`. */
function sideChainConfigtx(model: NetworkModel, channel: string, orgs: string[]): string {
  const all = parse(configtxYaml(model)) as { Profiles: Record<string, Profile> };
  const template = Object.values(all.Profiles)[0];
  if (!template) throw new Error('the topology generates no channel profile');
  const members = orgs.map((m) => {
    const org = Object.values(all.Profiles).flatMap((p) => p.Application.Organizations).find((o) => o.Name === m);
    if (!org) throw new UserFacingError(`unknown org ${m}`, `name orgs of the topology: ${model.orgs.map((o) => o.spec.mspId).join(', ')}`);
    return org;
  });
  return stringify({ Profiles: { [channel]: { ...template, Application: { ...template.Application, Organizations: members } } } }, { aliasDuplicateObjects: false });
}

async function createBlock(model: NetworkModel, channel: string, orgs: string[]): Promise<void> {
  const dir = runPath('consortium', 'sidechains', channel);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'configtx.yaml'), sideChainConfigtx(model, channel, orgs));
  mkdirSync(path.dirname(model.channelBlock(channel)), { recursive: true });
  await run(bin('configtxgen'), ['-configPath', dir, '-profile', channel, '-channelID', channel, '-outputBlock', model.channelBlock(channel)], { env: { FABRIC_LOGGING_SPEC: 'warning' } });
}

async function joinOrderers(model: NetworkModel, channel: string): Promise<void> {
  for (const node of model.ordererOrg.nodes) await joinOrderer(model, node, channel);
  for (const node of model.ordererOrg.nodes) {
    const active = (): Promise<boolean> => ordererChannelInfo(model, node, channel).then((i) => i.status === 'active', () => false);
    await waitFor(`${node.id} on ${channel}`, active, 60_000, `read the orderer log .run/logs/${node.id}.log`);
  }
}

/** Creates side chain `channel` among `orgs` and deploys `chaincode` on it. */
export async function sidechain(channel: string, orgs: string[], chaincode: string): Promise<void> {
  if (!CHANNEL_NAME.test(channel)) throw new UserFacingError(`channel name ${channel} is not valid`, 'use lower case letters, digits, dots and dashes, starting with a letter');
  if (orgs.length < 2) throw new UserFacingError('a side chain needs at least 2 orgs', 'list them with --orgs A,B');
  const model = consortium();
  if (model.topology.channels.some((c) => c.name === channel)) throw new UserFacingError(`${channel} is a channel of the topology`, 'choose a new name');
  if (!existsSync(model.channelBlock(channel))) await step(`Genesis block of ${channel} (configtxgen)`, () => createBlock(model, channel, orgs));
  await step(`Orderers join ${channel} (osnadmin)`, () => joinOrderers(model, channel));
  await step(`Peers of ${orgs.join(', ')} join ${channel}`, async () => {
    for (const m of orgs) {
      const org = orgByMsp(model, m);
      for (const peer of org.peers) await joinPeer(model, org, peer, channel);
    }
  });
  await step(`Chaincode ${chaincode} on ${channel}`, () => definition(channel, chaincode, orgs));
}
