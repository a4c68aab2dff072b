/**
 * Putting an org's CRL into its MSP definition on a channel (the MSP value's
 * `revocation_list`), so peers and orderers refuse the revoked certificates:
 * Fabric checks every proposal's and transaction's creator against the
 * channel MSP. The CRL must come from one of the org's own CAs (its authority
 * key ID is the CA's subject key ID, and that CA's key signed it) and must not
 * be older than the CRL of the same CA already there (replaying an old CRL
 * would un-revoke). It replaces that CA's earlier CRL; other CAs' CRLs stay.
 * Only the org's own admins may change this value (its mod_policy is the
 * org's Admins), so the org's admin alone signs the update.
 */
import { X509Certificate } from 'node:crypto';
import { UserFacingError } from '../progress';
import { applicationGroup, memberOrgs, type ChannelConfig } from './channel-config';
import { crlSignedBy, readCrl, subjectKeyId, type CrlFacts } from './crl';

interface MspConfigJson {
  name?: string;
  root_certs?: string[] | null;
  intermediate_certs?: string[] | null;
  revocation_list?: string[] | null;
}

export interface CrlChange {
  config: ChannelConfig;
  crl: CrlFacts;
  /** Serials the channel's previous CRL of this CA named and the new one does not (e.g. expired certificates). */
  dropped: string[];
}

const pemOf = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

function mspConfig(config: ChannelConfig, mspId: string): MspConfigJson {
  const org = applicationGroup(config).groups[mspId];
  if (!org) throw new UserFacingError(`${mspId} is not a member of the channel`, `members: ${memberOrgs(config).join(', ')}`);
  const value = org.values.MSP?.value as { config?: MspConfigJson } | undefined;
  if (!value?.config) throw new UserFacingError(`${mspId}'s MSP value is not a Fabric MSP`, 'only Fabric (X.509) MSPs carry a revocation list');
  return value.config;
}

/** The CA of the MSP that issued and signed the CRL; refuses a CRL from anyone else. */
async function issuingCa(mspId: string, msp: MspConfigJson, crlPem: string, crl: CrlFacts): Promise<string> {
  const cas = [...(msp.root_certs ?? []), ...(msp.intermediate_certs ?? [])].map(pemOf);
  for (const ca of cas) {
    if ((await subjectKeyId(ca)) !== crl.authorityKeyId) continue;
    if (await crlSignedBy(crlPem, ca)) return ca;
    throw new UserFacingError(
      `the CRL names ${mspId}'s CA (${new X509Certificate(ca).subject.replace(/\n/g, ', ')}) as its issuer but that CA did not sign it: it is forged or was edited`,
      `generate the CRL at ${mspId}'s Fabric CA (gencrl) and propose it unedited`,
    );
  }
  throw new UserFacingError(
    `the CRL was issued by ${crl.issuer} (key ID ${crl.authorityKeyId}), which is none of ${mspId}'s CAs on this channel`,
    `propose a CRL from ${mspId}'s own Fabric CA`,
  );
}

/** Earlier CRLs of the same CA must not be newer; returns the serials the new CRL no longer names. */
async function comparedWithEarlier(earlier: string[], crl: CrlFacts): Promise<{ kept: string[]; dropped: string[] }> {
  const kept: string[] = [];
  const dropped = new Set<string>();
  for (const b64 of earlier) {
    const old = await readCrl(pemOf(b64));
    if (old.authorityKeyId !== crl.authorityKeyId) {
      kept.push(b64);
      continue;
    }
    if (old.lastUpdate > crl.lastUpdate) {
      throw new UserFacingError(
        `the CRL (issued ${crl.lastUpdate.toISOString()}) is older than the one of the same CA already on the channel (issued ${old.lastUpdate.toISOString()})`,
        'an older CRL could un-revoke certificates: generate a fresh one at the CA (gencrl)',
      );
    }
    for (const s of old.serials) if (!crl.serials.includes(s)) dropped.add(s);
  }
  return { kept, dropped: [...dropped] };
}

/** The config with `crlPem` as `mspId`'s CRL for the CA that issued it. */
export async function withCrl(config: ChannelConfig, mspId: string, crlPem: string): Promise<CrlChange> {
  const next = JSON.parse(JSON.stringify(config)) as ChannelConfig;
  const msp = mspConfig(next, mspId);
  const crl = await readCrl(crlPem);
  await issuingCa(mspId, msp, crlPem, crl);
  const { kept, dropped } = await comparedWithEarlier(msp.revocation_list ?? [], crl);
  msp.revocation_list = [...kept, Buffer.from(crlPem, 'utf8').toString('base64')];
  return { config: next, crl, dropped };
}
