import { expect } from 'chai';
import { H, party, Scf, who } from '../test-support/fixtures';

const policy = {
  policyId: 'P1',
  leaseId: 'L1',
  insured: party.projectCompany,
  equipment: [{ description: 'Inverter 100kW', quantity: 10 }],
  coverage: '500000',
  premium: '5000',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
};

describe('scf insurance contract', () => {
  it('lets an insurer of an org that joined the channel later underwrite, and reads its policy back', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    const joined = { mspId: 'InsurerMSP', name: 'uw', attributes: { role: 'insurer', eid: 'UW-1' } };
    expect(await s.result('insurance:Underwrite', joined, policy)).to.include({ insurer: 'InsurerMSP:UW-1' });
    expect(await s.result('insurance:GetPolicy', who.regulator, { policyId: 'P1' })).to.include({ insurer: 'InsurerMSP:UW-1' });
    // the insured must still be a party of a founding member org
    expect((await s.error('insurance:Underwrite', joined, { ...policy, policyId: 'P2', insured: 'InsurerMSP:UW-1' })).message).to.match(/^VALIDATION: input.insured/);
  });

  it('underwrites, takes a claim with evidence, assesses and pays it within the cover', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    expect(await s.result('insurance:Underwrite', who.insurer, policy)).to.include({ insurer: party.insurer, paidTotal: '0' });
    expect((await s.error('insurance:FileClaim', who.lessor, { claimId: 'C1', policyId: 'P1', amount: '1', description: 'x', evidenceHash: H('e') })).message).to.match(/^ACCESS_DENIED: only LessorMSP:PC-1 \(the insured\)/);
    expect((await s.error('insurance:FileClaim', who.projectCompany, { claimId: 'C1', policyId: 'P1', amount: '500001', description: 'x', evidenceHash: H('e') })).message).to.match(/^VALIDATION: input.amount/);
    await s.call('insurance:FileClaim', who.projectCompany, { claimId: 'C1', policyId: 'P1', amount: '120000', description: 'inverter failure', evidenceHash: H('e') });
    const otherInsurer = { mspId: 'LessorMSP', name: 'i2', attributes: { role: 'insurer', eid: 'INS-2' } };
    expect((await s.error('insurance:AssessClaim', otherInsurer, { claimId: 'C1', decision: 'approve', approvedAmount: '1', reason: 'x' })).message).to.match(/^ACCESS_DENIED/);
    await s.call('insurance:AssessClaim', who.insurer, { claimId: 'C1', decision: 'approve', approvedAmount: '100000', reason: 'wear excluded', reportHash: H('d') });
    const paid = await s.call('insurance:PayClaim', who.insurer, { claimId: 'C1', evidenceHash: H('f') });
    expect(paid.events[0]?.payload).to.include({ amount: '100000', policyPaidTotal: '100000' });
    expect(await s.result('insurance:GetPolicy', who.regulator, { policyId: 'P1' })).to.include({ paidTotal: '100000' });
    expect((await s.error('insurance:PayClaim', who.insurer, { claimId: 'C1', evidenceHash: H('f') })).message).to.match(/^CONFLICT/);
  });

  it('rejects a claim, and refuses claims outside the policy period', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    await s.call('insurance:Underwrite', who.insurer, { ...policy, startDate: '2026-01-01', endDate: '2026-02-01' });
    await s.call('insurance:FileClaim', who.projectCompany, { claimId: 'C1', policyId: 'P1', amount: '10', description: 'x', evidenceHash: H('e') });
    expect(await s.result('insurance:AssessClaim', who.insurer, { claimId: 'C1', decision: 'reject', reason: 'not covered' })).to.include({ status: 'rejected' });
    s.advanceDays(40);
    expect((await s.error('insurance:FileClaim', who.projectCompany, { claimId: 'C2', policyId: 'P1', amount: '10', description: 'x', evidenceHash: H('e') })).message).to.match(/^CONFLICT: policy P1 is not in force/);
  });

  it('insures only leases in force, for the project company or the lessor', async () => {
    const s = new Scf();
    await s.call('leasing:Apply', who.projectCompany, { leaseId: 'L2', stationId: 'S', constructionApprovalHash: H('c'), equipment: policy.equipment, supplier: party.supplier, amount: '5' });
    expect((await s.error('insurance:Underwrite', who.insurer, { ...policy, leaseId: 'L2' })).message).to.match(/^CONFLICT: lease L2 is applied/);
    await s.approvedLease('L1', '1000000');
    expect((await s.error('insurance:Underwrite', who.insurer, { ...policy, insured: party.supplier })).message).to.match(/^VALIDATION: input.insured/);
  });
});
