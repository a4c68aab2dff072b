/** Fabric policy strings derived from the topology. */
import type { ChaincodeSpec, ChannelSpec, CollectionSpec } from './topology';

const role = (mspId: string, r: 'peer' | 'member' | 'admin' | 'client') => `'${mspId}.${r}'`;

export function endorsementPolicy(channel: ChannelSpec, chaincode: ChaincodeSpec): string {
  const e = chaincode.endorsement;
  if ('signaturePolicy' in e) return e.signaturePolicy;
  return `OutOf(${e.outOf}, ${channel.orgs.map((m) => role(m, 'peer')).join(', ')})`;
}

/** The collections-config JSON that `peer lifecycle chaincode approveformyorg/commit` take. */
export function collectionsConfig(collections: CollectionSpec[]): object[] {
  return collections.map((c) => ({
    name: c.name,
    policy: `OR(${c.members.map((m) => role(m, 'member')).join(', ')})`,
    requiredPeerCount: c.requiredPeerCount,
    maxPeerCount: c.maxPeerCount,
    blockToLive: c.blockToLive,
    memberOnlyRead: c.memberOnlyRead,
    memberOnlyWrite: c.memberOnlyWrite,
  }));
}

export function orgPolicies(mspId: string): Record<string, { Type: string; Rule: string }> {
  return {
    Readers: { Type: 'Signature', Rule: `OR(${role(mspId, 'admin')}, ${role(mspId, 'peer')}, ${role(mspId, 'client')})` },
    Writers: { Type: 'Signature', Rule: `OR(${role(mspId, 'admin')}, ${role(mspId, 'client')})` },
    Admins: { Type: 'Signature', Rule: `OR(${role(mspId, 'admin')})` },
    Endorsement: { Type: 'Signature', Rule: `OR(${role(mspId, 'peer')})` },
  };
}

/** Orderers sign blocks with their `orderer`-role identity, so the orderer org's Writers must admit members. */
export function ordererOrgPolicies(mspId: string): Record<string, { Type: string; Rule: string }> {
  return {
    Readers: { Type: 'Signature', Rule: `OR(${role(mspId, 'member')})` },
    Writers: { Type: 'Signature', Rule: `OR(${role(mspId, 'member')})` },
    Admins: { Type: 'Signature', Rule: `OR(${role(mspId, 'admin')})` },
  };
}
