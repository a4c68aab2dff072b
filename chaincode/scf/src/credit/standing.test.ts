/** credit:Standing: what the energy crowdfunding audit learns from scf (one bit at the regulator's minimum, never the score). */
import { expect } from 'chai';
import { party, Scf, who } from '../test-support/fixtures';
import { SCORE_BASE } from './method';

const A = `asg:${'a'.repeat(32)}`;

/** The energy channel's answers for linking lease L1 to station owner P-1's assigned income. */
function energyLedger(s: Scf): void {
  const assignment = { id: A, meter: 'MTR-1', assignor: 'P-1', beneficiary: 'P-2', cap: '1000000000', paid: '0', ref: 'L1', status: 'active' };
  s.h.world.linkedChaincodes.set('energy/energy', (args) => {
    const input = JSON.parse(args[1] ?? '{}') as Record<string, unknown>;
    const found = args[0] === 'market:GetAssignment' ? assignment : args[0] === 'identity:Get' ? { eid: input.eid, mspId: 'LessorMSP', status: 'active' } : undefined;
    if (!found) return Promise.resolve({ status: 500, message: 'NOT_FOUND: no such record', payload: new Uint8Array() });
    return Promise.resolve({ status: 200, message: '', payload: Buffer.from(JSON.stringify(found)) });
  });
}

describe('scf credit standing for the crowdfunding audit', () => {
  it('answers whether the party bound to the eID meets minCrowdfundingScore, at exactly the minimum too, without the score', async () => {
    const s = new Scf();
    energyLedger(s);
    await s.approvedLease('L1', '1200000');
    const before = s.snapshot();
    expect((await s.error('credit:Standing', who.bank, { eid: 'P-1' })).message).to.match(/^NOT_FOUND: scf party bound to energy eID P-1/);
    expect((await s.error('credit:Standing', who.bank, { eid: 'bad id!' })).message).to.match(/^VALIDATION: input.eid/);
    expect(s.snapshot()).to.equal(before);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A }); // binds P-1 to the project company

    expect(await s.result('credit:Standing', who.supplier, { eid: 'P-1' })).to.deep.include({ eid: 'P-1', subject: party.projectCompany, meets: true, minimum: 300, rulesVersion: 0 });
    await s.call('rules:SetRules', who.regulator, { minCrowdfundingScore: SCORE_BASE });
    const at = await s.result('credit:Standing', who.lessor, { eid: 'P-1' });
    expect(at).to.include({ meets: true, minimum: SCORE_BASE, rulesVersion: 1 });
    expect(at).to.not.have.property('score');
    await s.call('rules:SetRules', who.regulator, { minCrowdfundingScore: SCORE_BASE + 1 });
    expect(await s.result('credit:Standing', who.lessor, { eid: 'P-1' })).to.include({ meets: false, minimum: SCORE_BASE + 1, rulesVersion: 2 });
    // The financing minimum is a separate rule: it did not move.
    expect(await s.result('rules:GetRules', who.bank)).to.include({ minCreditScore: 300, minCrowdfundingScore: SCORE_BASE + 1 });
  });
});
