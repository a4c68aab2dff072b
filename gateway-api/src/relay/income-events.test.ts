import { expect } from 'chai';
import { incomeClaims, latestPerAssignment } from './income-events';
import { outcomeOf } from './collection-relay';

const bytes = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
const A = `asg:${'a'.repeat(32)}`;

describe('collection relay: income claims from energy events', () => {
  it('reads AssignmentCollected alone and inside a Batch, and nothing else', () => {
    expect(incomeClaims({ eventName: 'AssignmentCollected', payload: bytes({ assignmentId: A, paid: '12', amount: '5' }) })).to.deep.equal([{ assignmentId: A, paid: '12' }]);
    const batch = { events: [{ name: 'TradeSettled', payload: {} }, { name: 'AssignmentCollected', payload: { assignmentId: A, paid: '7' } }, { name: 'AssignmentCollected', payload: { assignmentId: A, paid: '9' } }] };
    expect(latestPerAssignment(incomeClaims({ eventName: 'Batch', payload: bytes(batch) }))).to.deep.equal([{ assignmentId: A, paid: '9' }]);
    expect(incomeClaims({ eventName: 'PpaSettled', payload: bytes({ assignmentId: A, paid: '1' }) })).to.deep.equal([]);
    expect(incomeClaims({ eventName: 'AssignmentCollected', payload: bytes({ assignmentId: A, paid: '-1' }) })).to.deep.equal([]);
    expect(incomeClaims({ eventName: 'Batch', payload: Buffer.from('not json') })).to.deep.equal([]);
  });

  it('treats "already recorded" and an unlinked assignment as done, anything else as try again', () => {
    expect(outcomeOf('CONFLICT: income of assignment x up to 5 is already recorded (recorded: 5)')).to.equal('already recorded');
    expect(outcomeOf('NOT_FOUND: lease linked to energy assignment x does not exist')).to.equal('not linked');
    expect(outcomeOf('CONFLICT: income not on the energy ledger: assignment x has paid 1, the claim is 2')).to.equal('retry');
    expect(outcomeOf('14 UNAVAILABLE')).to.equal('retry');
  });
});
