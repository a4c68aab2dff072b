/**
 * Who must endorse a change to a financeable asset (receivable part, order,
 * warehouse receipt). Fabric validates a key with its own policy against that
 * policy only, so the policy must carry the channel's majority itself: every
 * party of the asset (and the pledgee bank while pledged) AND, counting them,
 * a majority of the channel's members (3 of 4). No org alone, and no two
 * parties colluding, can endorse a new value. The actor's own peer can always
 * be among the endorsers: it is either required by name or one of the others.
 */
import { majorityOf, type KeyPolicySpec } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { SCF_MEMBERS } from './constants';
import type { Pledge } from './financed';

/** Distinct orgs that must endorse any change to an asset: a majority of the channel. */
export const ASSET_ENDORSERS = majorityOf(SCF_MEMBERS.length);

/** The policy of an asset whose `parties` must endorse, plus `pledge.bank` while `pledged`. */
export function assetPolicy(parties: string[], pledged: boolean, pledge: Pledge | undefined): KeyPolicySpec {
  const orgs = parties.map(mspOf);
  if (pledged && pledge) orgs.push(mspOf(pledge.bank));
  return { required: [...new Set(orgs)].sort(), members: SCF_MEMBERS, atLeast: ASSET_ENDORSERS };
}
