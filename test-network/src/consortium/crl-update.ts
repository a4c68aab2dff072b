/**
 * Putting an org's CRL into its MSP definition on a channel (the MSP value's
 * `revocation_list`) in configtxlator's JSON, so peers and orderers refuse the
 * revoked certificates: Fabric checks every proposal's and transaction's
 * creator against the channel MSP. The rules (the org's own CA issued and
 * signed it; never older than the CRL of that CA already there; it replaces
 * that CA's earlier CRL) are @dec/fabric-client's, the same the gateway applies
 * when it publishes a CRL itself. Only the org's own admins may change this
 * value (its mod_policy is the org's Admins), so the org's admin alone signs.
 */
import { CrlRefusedError, revocationListWith, type CrlFacts } from '@dec/fabric-client';
import { UserFacingError } from '../progress';
import { applicationGroup, memberOrgs, type ChannelConfig } from './channel-config';

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

/** The config with `crlPem` as `mspId`'s CRL for the CA that issued it. */
export async function withCrl(config: ChannelConfig, mspId: string, crlPem: string): Promise<CrlChange> {
  const next = JSON.parse(JSON.stringify(config)) as ChannelConfig;
  const msp = mspConfig(next, mspId);
  const cas = [...(msp.root_certs ?? []), ...(msp.intermediate_certs ?? [])].map(pemOf);
  const change = await revocationListWith(mspId, cas, (msp.revocation_list ?? []).map(pemOf), crlPem).catch((e: unknown) => {
    throw e instanceof CrlRefusedError ? new UserFacingError(e.message, e.hint) : e;
  });
  msp.revocation_list = change.list.map((pem) => Buffer.from(pem, 'utf8').toString('base64'));
  return { config: next, crl: change.crl, dropped: change.dropped };
}
