/**
 * The access matrix: every transaction of every scf contract, called by every
 * kind of identity. Access is checked before input parsing, so a refused caller
 * gets ACCESS_DENIED even for an empty input, and an allowed one gets past it
 * (to a VALIDATION error on the empty input, or a result).
 */
import { expect } from 'chai';
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { Scf, who } from '../test-support/fixtures';
import { CHANNEL_MEMBERS } from './policy';
import { SCF_TRANSACTIONS, type ScfTxName as TxName } from '../transactions';

const POLICY = Object.fromEntries(Object.entries(SCF_TRANSACTIONS.transactions).map(([name, spec]) => [name, spec.grants])) as Record<TxName, (typeof SCF_TRANSACTIONS.transactions)[TxName]['grants']>;

const outsiders: Record<string, TestCaller> = {
  platformOfficer: { mspId: 'PlatformMSP', name: 'p', attributes: { role: 'lessor-officer' } },
  lessorWithoutRole: { mspId: 'LessorMSP', name: 'x' },
  bankWithLessorRole: { mspId: 'BankMSP', name: 'y', attributes: { role: 'lessor-officer' } },
  supplierAsRegulator: { mspId: 'SupplierMSP', name: 'z', attributes: { role: 'regulator', eid: 'Z' } },
};
const callers: Record<string, TestCaller> = { ...who, ...outsiders };

function allowed(tx: TxName, c: TestCaller): boolean {
  // CHANNEL_MEMBERS: Fabric itself admits only the channel's orgs; here every caller is one.
  return POLICY[tx].some((g) => g.role === c.attributes?.role && (g.msps === CHANNEL_MEMBERS || g.msps.includes(c.mspId)));
}

function decorated(s: Scf): { wire: string; submit: boolean }[] {
  const meta = Reflect as unknown as { getMetadata(key: string, target: object): { name: string; tag: string[] }[] | undefined };
  return Object.entries(s.contracts).flatMap(([name, c]) =>
    (meta.getMetadata('fabric:transactions', Object.getPrototypeOf(c) as object) ?? []).map((t) => ({ wire: `${name}:${t.name}`, submit: t.tag.includes('SUBMIT') })),
  );
}

describe('scf access matrix', () => {
  const s = new Scf();

  it('has a policy entry for exactly the decorated transactions', () => {
    expect(decorated(s).map((t) => t.wire).sort()).to.deep.equal(Object.keys(POLICY).sort());
  });

  it('lets the regulator submit only rule changes and alerts', () => {
    const writes = decorated(s).filter((t) => t.submit && allowed(t.wire as TxName, who.regulator)).map((t) => t.wire);
    expect(writes.sort()).to.deep.equal(['rules:RaiseAlert', 'rules:SetRules']);
  });

  it('lets the regulator read everything', () => {
    const reads = decorated(s).filter((t) => !t.submit);
    expect(reads.filter((t) => !allowed(t.wire as TxName, who.regulator))).to.deep.equal([]);
  });

  it('lets nobody outside the four orgs, and nobody without a role, do anything', () => {
    for (const tx of Object.keys(POLICY) as TxName[]) {
      expect(allowed(tx, outsiders.platformOfficer!), tx).to.equal(false);
      expect(allowed(tx, outsiders.lessorWithoutRole!), tx).to.equal(false);
    }
  });

  for (const tx of Object.keys(POLICY) as TxName[]) {
    it(`${tx}: enforced for every identity before input is read`, async () => {
      const before = s.snapshot();
      for (const [name, caller] of Object.entries(callers)) {
        const outcome = await s.call(tx, caller, '{}').then(
          () => 'ok',
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        if (allowed(tx, caller)) expect(outcome, `${name} on ${tx}`).not.to.match(/^ACCESS_DENIED/);
        else expect(outcome, `${name} on ${tx}`).to.match(new RegExp(`^ACCESS_DENIED: ${tx}: `));
      }
      expect(s.snapshot()).to.equal(before);
    });
  }

  it('needs a company id (eid or hf.EnrollmentID) for company roles', async () => {
    const anonymous = { mspId: 'SupplierMSP', name: 'anon', attributes: { role: 'supplier' } };
    expect((await s.error('orders:Register', anonymous, '{}')).message).to.match(/^ACCESS_DENIED: role supplier needs a certificate attribute eid/);
    const enrolled = { mspId: 'SupplierMSP', name: 'e', attributes: { role: 'supplier', 'hf.EnrollmentID': 'sup7' } };
    expect((await s.error('orders:Register', enrolled, '{}')).message).to.match(/^VALIDATION/);
  });
});
