/**
 * Key-level (state-based) endorsement policies, built by hand as a
 * SignaturePolicyEnvelope. Why by hand: Fabric validates a key that has its own
 * policy against that policy ONLY (the chaincode policy is skipped), and
 * fabric-shim's KeyEndorsementPolicy can express nothing but an AND of orgs, so
 * "the holder's org" alone would be enough to endorse any new value of the
 * holder's asset. The shape here is
 *
 *   NOutOf(|required| + 1, [SignedBy(r1), ..., SignedBy(rn), NOutOf(k, [SignedBy(o) for each other member])])
 *
 * with the required orgs' rules FIRST and the other members disjoint from them:
 * cauthdsl consumes each signature at the first rule it satisfies, and an NOutOf
 * gate consumes every match it sees, so a gate listing a required org before
 * that org's SignedBy would eat its signature (see the ledger tests). k makes the
 * total number of distinct orgs at least `atLeast`; when the required orgs
 * already reach it, the gate is left out.
 */
import { common, msp } from '@hyperledger/fabric-protos';

export interface KeyPolicySpec {
  /** Orgs whose peers must each endorse (the asset's parties). */
  required: readonly string[];
  /** Every member org of the channel. */
  members: readonly string[];
  /** Distinct orgs that must endorse in total (required ones included). */
  atLeast: number;
}

/** The decoded policy: who must endorse, and how many of which others. */
export interface KeyPolicyView {
  required: string[];
  others: string[];
  othersNeeded: number;
}

/** A strict majority of `n` members: 3 of 4, 2 of 3. */
export function majorityOf(n: number): number {
  return Math.floor(n / 2) + 1;
}

function principal(mspId: string): msp.MSPPrincipal {
  const role = new msp.MSPRole();
  role.setMspIdentifier(mspId);
  role.setRole(msp.MSPRole.MSPRoleType.PEER);
  const p = new msp.MSPPrincipal();
  p.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  p.setPrincipal(role.serializeBinary());
  return p;
}

function signedBy(index: number): common.SignaturePolicy {
  const rule = new common.SignaturePolicy();
  rule.setSignedBy(index);
  return rule;
}

function nOutOf(n: number, rules: common.SignaturePolicy[]): common.SignaturePolicy {
  const gate = new common.SignaturePolicy.NOutOf();
  gate.setN(n);
  gate.setRulesList(rules);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(gate);
  return rule;
}

/** The plan a spec gives: required orgs (deduplicated, sorted), the others and how many of them. */
export function planKeyPolicy(spec: KeyPolicySpec): KeyPolicyView {
  const required = [...new Set(spec.required)].sort();
  const unknown = required.filter((r) => !spec.members.includes(r));
  if (required.length === 0 || unknown.length > 0) throw new Error(`key policy: required orgs must be channel members, got [${required.join(', ')}]`);
  const others = spec.members.filter((m) => !required.includes(m)).sort();
  const othersNeeded = Math.max(0, spec.atLeast - required.length);
  if (othersNeeded > others.length) throw new Error(`key policy: ${spec.atLeast} orgs needed but the channel has ${spec.members.length}`);
  return { required, others, othersNeeded };
}

/** Serialized SignaturePolicyEnvelope for setStateValidationParameter. */
export function keyEndorsementPolicy(spec: KeyPolicySpec): Uint8Array {
  const plan = planKeyPolicy(spec);
  const identities = [...plan.required, ...plan.others];
  const rules = plan.required.map((_, i) => signedBy(i));
  if (plan.othersNeeded > 0) rules.push(nOutOf(plan.othersNeeded, plan.others.map((_, i) => signedBy(plan.required.length + i))));
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setRule(nOutOf(rules.length, rules));
  envelope.setIdentitiesList(identities.map(principal));
  return envelope.serializeBinary();
}

function mspOfPrincipal(p: msp.MSPPrincipal): string {
  return msp.MSPRole.deserializeBinary(p.getPrincipal_asU8()).getMspIdentifier();
}

/** Reads back a policy written by keyEndorsementPolicy (for tests and audits). */
export function describeKeyPolicy(bytes: Uint8Array): KeyPolicyView {
  const envelope = common.SignaturePolicyEnvelope.deserializeBinary(bytes);
  const ids = envelope.getIdentitiesList().map(mspOfPrincipal);
  const rules = envelope.getRule()?.getNOutOf()?.getRulesList() ?? [];
  const required = rules.filter((r) => r.hasSignedBy()).map((r) => ids[r.getSignedBy()] ?? '?');
  const gate = rules.find((r) => r.hasNOutOf())?.getNOutOf();
  const others = gate ? gate.getRulesList().map((r) => ids[r.getSignedBy()] ?? '?') : [];
  return { required, others, othersNeeded: gate?.getN() ?? 0 };
}
