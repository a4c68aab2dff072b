/**
 * `consortium propose-crl`: an org's admin proposes its current CRL for every
 * channel the org's peers are on, one update file per channel. The CRL is
 * either given (e.g. the one the gateway stored when it revoked an identity)
 * or fetched from the org's Fabric CA (gencrl, as its registrar, through the
 * CA's REST API). Each update needs only the org's own admin's signature:
 * `consortium submit <file> --as <org>` sends it.
 */
import { findOrg, FabricCaClient, loadGatewayConfig, registrarEnrollment } from '@dec/fabric-client';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runPath } from '../paths';
import { say, UserFacingError } from '../progress';
import { peerChannels } from '../steps/peers';
import { applicationGroup, fetchConfig, memberOrgs } from './channel-config';
import { proposeUpdate } from './config-update';
import { withCrl } from './crl-update';
import { acting, type Acting } from './orgs';

export interface CrlProposal {
  channel: string;
  /** The update file, or undefined when the channel already has this CRL. */
  file?: string;
}

/** The CRL the org's CA issues now (its registrar holds hf.GenCRL). */
async function currentCrl(a: Acting): Promise<string> {
  if (a.joining) throw new UserFacingError(`${a.org.spec.mspId} is a joining org`, 'pass its CRL with --crl <file>');
  const org = findOrg(loadGatewayConfig(), a.org.spec.mspId);
  const registrar = await registrarEnrollment(org, runPath('ca-clients'));
  return new FabricCaClient(org).generateCrl(registrar);
}

async function orgChannels(a: Acting): Promise<string[]> {
  const channels = new Set<string>();
  for (const peer of a.org.peers) for (const c of await peerChannels(a.org, peer)) channels.add(c);
  return [...channels].sort();
}

const revocationList = (config: unknown, mspId: string): string => {
  const value = applicationGroup(config as Parameters<typeof applicationGroup>[0]).groups[mspId]?.values.MSP?.value as { config?: { revocation_list?: unknown } } | undefined;
  return JSON.stringify(value?.config?.revocation_list ?? []);
};

async function proposeOn(a: Acting, channel: string, crlPem: string, outDir: string): Promise<CrlProposal> {
  const mspId = a.org.spec.mspId;
  const config = await fetchConfig(a.model, a.org, channel);
  if (!memberOrgs(config).includes(mspId)) throw new UserFacingError(`${mspId}'s peers are on ${channel} but the org is not a member`, 'is the org being removed?');
  const change = await withCrl(config, mspId, crlPem);
  if (change.dropped.length > 0) say(`  ${channel}: the new CRL no longer names ${change.dropped.join(', ')} (expired certificates drop out of a CA's CRL)`);
  if (revocationList(change.config, mspId) === revocationList(config, mspId)) return { channel };
  const file = path.join(outDir, `crl-${mspId}-${channel}.pb`);
  await proposeUpdate(channel, config, change.config, file);
  return { channel, file };
}

/** Writes one update per channel of `mspId` putting `crlFile` (default: the CA's current CRL) into its channel MSP. */
export async function proposeCrl(mspId: string, crlFile: string | undefined, outDir: string): Promise<CrlProposal[]> {
  const a = acting(mspId);
  const crlPem = crlFile === undefined ? await currentCrl(a) : readFileSync(crlFile, 'utf8');
  const channels = await orgChannels(a);
  if (channels.length === 0) throw new UserFacingError(`${mspId}'s peers are on no channel`, 'nothing to propose');
  const proposals: CrlProposal[] = [];
  for (const channel of channels) proposals.push(await proposeOn(a, channel, crlPem, outDir));
  for (const p of proposals) say(p.file ? `${p.channel}: update ${p.file} (submit it as ${mspId})` : `${p.channel}: already has this CRL`);
  return proposals;
}
