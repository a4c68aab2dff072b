import { expect } from 'chai';
import { createAssignment, distribute, releaseAssignment } from './assignment';
import type { Assignment } from './state';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const tx = (n: number): EnergyEnv => envAt(`2026-01-01T00:00:0${n}.000Z`, `tx${n}`, 'x509::test');
const METER = 'eid:d:' + 'a'.repeat(32);
const SELLER = 'eid:p:' + '1'.repeat(32);
const BANK = 'eid:p:' + '2'.repeat(32);
const LESSOR = 'eid:p:' + '3'.repeat(32);

function assignment(id: string, beneficiary: string, cap: bigint, n: number): Assignment {
  return createAssignment({ id, meter: METER, assignor: SELLER, beneficiary, cap }, tx(n)).state;
}

describe('market revenue assignment (pure)', () => {
  it('pays the beneficiary until the cap, then the assignor again', () => {
    const a = assignment('asg:1', BANK, 1_000n, 1);
    const first = distribute([a], 600n, tx(2));
    expect(first.payouts).to.deep.equal([{ assignmentId: 'asg:1', beneficiary: BANK, amount: 600n }]);
    expect(first.toAssignor).to.equal(0n);
    expect(first.updated[0]?.paid).to.equal('600');
    const second = distribute(first.updated, 600n, tx(3));
    expect(second.payouts[0]?.amount).to.equal(400n);
    expect(second.toAssignor).to.equal(200n);
    expect(second.updated[0]?.status).to.equal('fulfilled');
    expect(second.events.map((e) => e.name)).to.deep.equal(['AssignmentCollected', 'AssignmentFulfilled']);
    const third = distribute(second.updated, 50n, tx(4));
    expect(third.payouts).to.deep.equal([]);
    expect(third.toAssignor).to.equal(50n);
  });

  it('serves several assignments of one station senior first', () => {
    const junior = assignment('asg:0', LESSOR, 500n, 5); // lower ID but later
    const senior = assignment('asg:9', BANK, 300n, 1);
    const d = distribute([junior, senior], 700n, tx(6));
    expect(d.payouts.map((p) => [p.beneficiary, p.amount])).to.deep.equal([
      [BANK, 300n],
      [LESSOR, 400n],
    ]);
    expect(d.toAssignor).to.equal(0n);
  });

  it('a released assignment receives nothing; refusals name the field', () => {
    const a = assignment('asg:1', BANK, 1_000n, 1);
    const released = releaseAssignment(a, tx(2)).state;
    expect(distribute([released], 100n, tx(3)).toAssignor).to.equal(100n);
    expect(() => releaseAssignment(released, tx(3))).to.throw(/already released/);
    expect(() => createAssignment({ id: 'x', meter: METER, assignor: SELLER, beneficiary: SELLER, cap: 1n }, tx(1))).to.throw(/request.beneficiary/);
  });
});
