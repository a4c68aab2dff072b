/**
 * The key-level policy shape under Fabric's own evaluation rules. `satisfies`
 * is a line-by-line port of cauthdsl's compile (fabric common/cauthdsl/cauthdsl.go):
 * a SignedBy takes the first unused matching signature and marks it used; an
 * NOutOf runs every sub-rule on a copy of the used flags, keeps the copy of each
 * one that passes (so a gate consumes every match it sees), and passes when at
 * least N did. The real-network proof is e2e/src/security/scf-endorsement.it.test.ts.
 */
import { common, msp } from '@hyperledger/fabric-protos';
import { expect } from 'chai';
import { describeKeyPolicy, keyEndorsementPolicy, majorityOf, planKeyPolicy } from './key-policy';

const MEMBERS = ['BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP'];

type Rule = (signers: string[], used: boolean[]) => boolean;

function compile(rule: common.SignaturePolicy, ids: string[]): Rule {
  if (rule.hasSignedBy()) {
    const wanted = ids[rule.getSignedBy()];
    return (signers, used) => {
      const i = signers.findIndex((s, j) => !used[j] && s === wanted);
      if (i < 0) return false;
      used[i] = true;
      return true;
    };
  }
  const gate = rule.getNOutOf();
  if (!gate) throw new Error('empty rule');
  const subs = gate.getRulesList().map((r) => compile(r, ids));
  return (signers, used) => {
    let verified = 0;
    for (const sub of subs) {
      const copy = [...used];
      if (sub(signers, copy)) {
        verified++;
        copy.forEach((u, i) => (used[i] = u));
      }
    }
    return verified >= gate.getN();
  };
}

function satisfies(policy: Uint8Array, signers: string[]): boolean {
  const envelope = common.SignaturePolicyEnvelope.deserializeBinary(policy);
  const ids = envelope.getIdentitiesList().map((p) => msp.MSPRole.deserializeBinary(p.getPrincipal_asU8()).getMspIdentifier());
  const rule = envelope.getRule();
  if (!rule) throw new Error('no rule');
  return compile(rule, ids)(signers, signers.map(() => false));
}

describe('kit key-level endorsement policy (cauthdsl semantics)', () => {
  const majority = majorityOf(MEMBERS.length);
  const holder = keyEndorsementPolicy({ required: ['LessorMSP'], members: MEMBERS, atLeast: majority });
  const pledged = keyEndorsementPolicy({ required: ['LessorMSP', 'BankMSP'], members: MEMBERS, atLeast: majority });

  it('a majority of four is three', () => {
    expect(majority).to.equal(3);
  });

  it('needs the holder AND two of the three others: the holder alone, the holder with one other, or the others without the holder fail', () => {
    expect(satisfies(holder, ['LessorMSP'])).to.equal(false);
    expect(satisfies(holder, ['LessorMSP', 'BankMSP'])).to.equal(false);
    expect(satisfies(holder, ['BankMSP', 'SupplierMSP', 'RegulatorMSP'])).to.equal(false);
    expect(satisfies(holder, ['LessorMSP', 'BankMSP', 'RegulatorMSP'])).to.equal(true);
    expect(satisfies(holder, MEMBERS)).to.equal(true);
  });

  it('while pledged needs the holder AND the bank AND one more: the two parties alone fail', () => {
    expect(satisfies(pledged, ['LessorMSP', 'BankMSP'])).to.equal(false);
    expect(satisfies(pledged, ['LessorMSP', 'SupplierMSP', 'RegulatorMSP'])).to.equal(false);
    expect(satisfies(pledged, ['BankMSP', 'LessorMSP', 'SupplierMSP'])).to.equal(true);
  });

  it('leaves the gate out when the parties already make a majority', () => {
    const three = keyEndorsementPolicy({ required: ['SupplierMSP', 'LessorMSP', 'BankMSP'], members: MEMBERS, atLeast: majority });
    expect(describeKeyPolicy(three)).to.deep.equal({ required: ['BankMSP', 'LessorMSP', 'SupplierMSP'], others: [], othersNeeded: 0 });
    expect(satisfies(three, ['BankMSP', 'LessorMSP', 'SupplierMSP'])).to.equal(true);
    expect(satisfies(three, ['BankMSP', 'LessorMSP', 'RegulatorMSP'])).to.equal(false);
  });

  it('reads back what it wrote', () => {
    expect(describeKeyPolicy(holder)).to.deep.equal({ required: ['LessorMSP'], others: ['BankMSP', 'RegulatorMSP', 'SupplierMSP'], othersNeeded: 2 });
  });

  it('why the others exclude the required orgs: a gate over every member placed first consumes the holder (the pitfall this shape avoids)', () => {
    // AND(OutOf(2, all four), holder), built by hand the naive way.
    const ids = MEMBERS;
    const envelope = new common.SignaturePolicyEnvelope();
    const sb = (i: number): common.SignaturePolicy => {
      const r = new common.SignaturePolicy();
      r.setSignedBy(i);
      return r;
    };
    const gate = (n: number, rules: common.SignaturePolicy[]): common.SignaturePolicy => {
      const g = new common.SignaturePolicy.NOutOf();
      g.setN(n);
      g.setRulesList(rules);
      const r = new common.SignaturePolicy();
      r.setNOutOf(g);
      return r;
    };
    envelope.setRule(gate(2, [gate(2, ids.map((_, i) => sb(i))), sb(1)]));
    envelope.setIdentitiesList(
      ids.map((id) => {
        const role = new msp.MSPRole();
        role.setMspIdentifier(id);
        role.setRole(msp.MSPRole.MSPRoleType.PEER);
        const p = new msp.MSPPrincipal();
        p.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
        p.setPrincipal(role.serializeBinary());
        return p;
      }),
    );
    expect(satisfies(envelope.serializeBinary(), ['LessorMSP', 'BankMSP', 'SupplierMSP'])).to.equal(false);
  });

  it('refuses a required org outside the channel and a total the channel cannot reach', () => {
    expect(() => planKeyPolicy({ required: ['PlatformMSP'], members: MEMBERS, atLeast: 3 })).to.throw(/channel members/);
    expect(() => planKeyPolicy({ required: ['BankMSP'], members: MEMBERS, atLeast: 5 })).to.throw(/5 orgs needed/);
  });
});
