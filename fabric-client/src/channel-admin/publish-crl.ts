/**
 * Publishing an org's CRL to the peers: for every channel the org is on, its
 * admin (the org's Admins policy alone governs the org's MSP group) puts the
 * CRL into the org's channel MSP and submits the update; the peers then refuse
 * every certificate the CRL names. A channel that already carries the CRL is
 * left alone; a CRL that is forged, edited, from another CA or older than the
 * one there is refused (msp-crl.ts). Used by the gateway when an admin revokes
 * an identity; `consortium propose-crl` applies the same rules for operators.
 */
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';
import { setTimeout as sleep } from 'node:timers/promises';
import { openGateway, orgAdminIdentity, peerClient, type SigningIdentity } from '../connection';
import { broadcastConfigUpdate, fetchChannelConfig, mspCrlState, revocationListUpdate, signedConfigUpdateEnvelope } from './config-update';
import { CrlRefusedError } from './crl-facts';
import { revocationListWith } from './msp-crl';

export interface CrlPublication {
  channel: string;
  /** applied: the org's peer has committed the update; unchanged: the channel already had this CRL; failed: see error. */
  status: 'applied' | 'unchanged' | 'failed';
  /** Serials the channel's previous CRL named and this one no longer does (expired certificates drop out). */
  dropped?: string[];
  error?: string;
}

export interface PublishOptions {
  /** How long to wait for the org's peer to commit the update (default 60 s). */
  applyTimeoutMs?: number;
  admin?: SigningIdentity;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function publishOn(config: GatewayNetworkConfig, org: GatewayOrg, channel: string, crlPem: string, admin: SigningIdentity, timeoutMs: number): Promise<CrlPublication> {
  const peer = org.peers[0];
  if (!peer) throw new Error(`${org.mspId} has no peer in the gateway config`);
  const client = peerClient(peer);
  const gateway = openGateway(client, admin);
  try {
    const current = await fetchChannelConfig(gateway, channel);
    const state = mspCrlState(current, org.mspId);
    const change = await revocationListWith(org.mspId, state.caPems, state.revocationList, crlPem);
    if (change.unchanged) return { channel, status: 'unchanged' };
    const update = revocationListUpdate(channel, current, org.mspId, change.list);
    await broadcastConfigUpdate(config.orderers ?? [], await signedConfigUpdateEnvelope(channel, update, admin));
    for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
      if (sameList(mspCrlState(await fetchChannelConfig(gateway, channel), org.mspId).revocationList, change.list)) return { channel, status: 'applied', dropped: change.dropped };
      await sleep(500);
    }
    return { channel, status: 'failed', error: `the orderer took the update but ${peer.name} had not committed it after ${timeoutMs} ms` };
  } finally {
    gateway.close();
    client.close();
  }
}

/**
 * Puts `crlPem` into `mspId`'s MSP on each of its channels, signed by the org's admin. A CRL that
 * must not go in throws CrlRefusedError before anything is sent; any other failure is reported
 * per channel (the others still go ahead).
 */
export async function publishCrl(config: GatewayNetworkConfig, mspId: string, crlPem: string, options: PublishOptions = {}): Promise<CrlPublication[]> {
  const org = config.orgs.find((o) => o.mspId === mspId);
  if (!org) throw new Error(`unknown org ${mspId}`);
  const admin = options.admin ?? orgAdminIdentity(org);
  const out: CrlPublication[] = [];
  for (const { name } of org.channels) {
    try {
      out.push(await publishOn(config, org, name, crlPem, admin, options.applyTimeoutMs ?? 60_000));
    } catch (e) {
      if (e instanceof CrlRefusedError) throw e;
      out.push({ channel: name, status: 'failed', error: (e as Error).message });
    }
  }
  return out;
}
