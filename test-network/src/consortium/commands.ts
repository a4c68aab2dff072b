/**
 * The consortium commands, one admin each (see cli.ts for their usage). They
 * compose the pieces of this folder: a joining org's own host, proposing a
 * config change, signing it, submitting it with the signature files, joining
 * peers, and the chaincode definition a membership change needs.
 */
import { type ChaincodeSpec, type ChannelSpec } from '@dec/network';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPath } from '../paths';
import { records, stop } from '../processes';
import { say, UserFacingError } from '../progress';
import { joinPeer } from '../steps/peers';
import { runChaincodeForOrg } from './ccaas';
import { fetchBlock, fetchConfig } from './channel-config';
import { decodeFile } from './configtxlator';
import { proposeUpdate, readUpdate, withAnchorPeers, withOrg, withoutOrg } from './config-update';
import { updateDefinition, type Participant } from './definition';
import { createCrypto, gatewayOrg, printOrgDefinition, receiveJoinMaterial, startOrgCa, startOrgPeers, waitForHeight, type JoiningOrg } from './joining-org';
import { acting, consortium, deployedPackage } from './orgs';
import { signUpdate } from './signatures';
import { submitUpdate, type SubmitOutcome } from './submit';

function joining(mspId: string): JoiningOrg {
  const j = acting(mspId).joining;
  if (!j) throw new UserFacingError(`${mspId} is an org of the topology, not a joining org`, 'this command is for orgs defined in network/orgs/');
  return j;
}

/** Where a joining org's gateway entry (peers, CA, admin) is written for its clients. */
export function gatewayOrgFile(j: JoiningOrg): string {
  return path.join(j.dir, 'gateway', 'org.json');
}

function writeGatewayOrg(j: JoiningOrg, channels: string[]): void {
  mkdirSync(path.dirname(gatewayOrgFile(j)), { recursive: true });
  writeFileSync(gatewayOrgFile(j), JSON.stringify(gatewayOrg(j, channels), null, 2));
}

/** On the new org's host: its crypto, its CA, and its public MSP definition in `out` (the only file that leaves). */
export async function orgCreate(mspId: string, out: string): Promise<void> {
  const j = joining(mspId);
  await createCrypto(j);
  await startOrgCa(j);
  writeGatewayOrg(j, []);
  await printOrgDefinition(j, out);
  say(`${mspId}: crypto and CA in ${j.dir}; public definition in ${out}`);
}

export async function proposeAdd(channel: string, asMsp: string, definitionFile: string, mspId: string, out: string): Promise<void> {
  const a = acting(asMsp);
  const config = await fetchConfig(a.model, a.org, channel);
  await proposeUpdate(channel, config, withOrg(config, mspId, definitionFile), out);
  say(`update adding ${mspId} to ${channel}: ${out}`);
}

export async function proposeRemove(channel: string, asMsp: string, mspId: string, out: string): Promise<void> {
  const a = acting(asMsp);
  const config = await fetchConfig(a.model, a.org, channel);
  await proposeUpdate(channel, config, withoutOrg(config, mspId), out);
  say(`update removing ${mspId} from ${channel}: ${out}`);
}

/** The org's own admin sets its anchor peers (its first peer). */
export async function proposeAnchors(channel: string, mspId: string, out: string): Promise<void> {
  const a = acting(mspId);
  const config = await fetchConfig(a.model, a.org, channel);
  const anchors = a.org.peers.filter((p) => p.index === 0).map((p) => ({ host: p.host.address, port: p.port }));
  await proposeUpdate(channel, config, withAnchorPeers(config, mspId, anchors), out);
  say(`update setting ${mspId}'s anchor peers on ${channel}: ${out}`);
}

export async function sign(updateFile: string, mspId: string, out: string): Promise<void> {
  const a = acting(mspId);
  const update = await readUpdate(updateFile);
  await signUpdate(updateFile, update.channel_id, a.org, out);
  say(`${mspId}'s admin signed ${updateFile}: ${out}`);
}

export async function submit(updateFile: string, asMsp: string, signatureFiles: string[]): Promise<SubmitOutcome> {
  const a = acting(asMsp);
  const outcome = await submitUpdate(a.model, a.org, updateFile, signatureFiles, `${updateFile}.signed`);
  say(`config update of ${outcome.channel} committed, signed by ${outcome.signers.join(', ')}`);
  return outcome;
}

/** The number of the channel's newest block, as the org's admin fetches it from the orderers. */
async function newestBlock(j: JoiningOrg, channel: string): Promise<number> {
  const file = path.join(j.dir, 'channels', `${channel}-newest.block`);
  await fetchBlock(j.model, j.org, channel, 'newest', file);
  const block = (await decodeFile('common.Block', file)) as { header: { number: string } };
  return Number(block.header.number);
}

/** A joining org's peers start and join `channel` from its genesis block, fetched from the orderers as the org's admin. */
export async function join(channel: string, mspId: string): Promise<void> {
  const j = joining(mspId);
  receiveJoinMaterial(consortium(), j);
  await startOrgPeers(j);
  await fetchBlock(j.model, j.org, channel, '0', j.model.channelBlock(channel));
  for (const peer of j.org.peers) await joinPeer(j.model, j.org, peer, channel);
  // The newest block now is at least the config block that admitted the org.
  const newest = await newestBlock(j, channel);
  await waitForHeight(j, channel, newest + 1);
  writeGatewayOrg(j, [channel]);
  say(`${mspId}: ${j.org.peers.map((p) => p.name).join(', ')} joined ${channel}`);
}

function chaincodeOn(channel: string, chaincode: string): { channelSpec: ChannelSpec; cc: ChaincodeSpec } {
  const model = consortium();
  const cc = model.topology.channels.flatMap((c) => c.chaincodes).find((x) => x.name === chaincode);
  if (!cc) throw new UserFacingError(`unknown chaincode ${chaincode}`, 'name a chaincode of network/topology.yaml');
  const spec = model.topology.channels.find((c) => c.name === channel);
  return { channelSpec: spec ?? { name: channel, description: '', orgs: [], chaincodes: [cc] }, cc };
}

async function participant(mspId: string, channelSpec: ChannelSpec, cc: ChaincodeSpec): Promise<Participant> {
  const a = acting(mspId);
  if (a.joining) return { model: a.model, org: a.org, packageId: await runChaincodeForOrg(a.joining, channelSpec, cc) };
  return { model: a.model, org: a.org, packageId: deployedPackage(cc.name, mspId).packageId };
}

/** A new definition of `chaincode` on `channel` naming `members` (each approves with its own package; joining orgs get a server). */
export async function definition(channel: string, chaincode: string, members: string[]): Promise<number> {
  const { channelSpec, cc } = chaincodeOn(channel, chaincode);
  const participants: Participant[] = [];
  for (const m of members) participants.push(await participant(m, channelSpec, cc));
  const firstVersion = deployedPackage(cc.name, members.find((m) => consortium().orgs.some((o) => o.spec.mspId === m)) ?? '').version;
  return updateDefinition({ channel, chaincode: cc, members, approvers: participants, endorsers: participants, firstVersion });
}

/** Stops a joining org's processes; `purge` also deletes its folder (crypto, CA, ledger) and its enrolled users. */
export async function orgStop(mspId: string, purge: boolean): Promise<void> {
  const j = joining(mspId);
  const prefix = `${j.org.spec.name}-`;
  for (const r of records().filter((x) => x.name.startsWith(prefix))) await stop(r);
  if (purge) {
    rmSync(j.dir, { recursive: true, force: true });
    rmSync(runPath('ca-clients', j.org.spec.name), { recursive: true, force: true });
  }
  say(`${mspId}: processes stopped${purge ? `, ${j.dir} deleted` : ''}`);
}
