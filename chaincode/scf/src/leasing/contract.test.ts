import { expect } from 'chai';
import { H, Scf, who } from '../test-support/fixtures';

/** The domain events of a transaction (several arrive as one `Batch` chaincode event). */
function statusChange(events: { name: string; payload: unknown }[]): Record<string, unknown> | undefined {
  const all = events.flatMap((e) => (e.name === 'Batch' ? (e.payload as { events: { name: string; payload: Record<string, unknown> }[] }).events : [e as { name: string; payload: Record<string, unknown> }]));
  return all.find((e) => e.name === 'LeaseStatusChanged')?.payload;
}

describe('scf leasing contract', () => {
  it('records the applicant as the calling project company and refuses duplicates', async () => {
    const s = new Scf();
    const lease = await s.approvedLease('L1', '1000000');
    expect(lease).to.include({ projectCompany: 'LessorMSP:PC-1', status: 'approved', decidedBy: 'LessorMSP' });
    expect((await s.error('leasing:Apply', who.projectCompany, { leaseId: 'L1', stationId: 'S', constructionApprovalHash: H('c'), equipment: [{ description: 'x', quantity: 1 }], supplier: 'SupplierMSP:SUP-1', amount: '5' })).message).to.match(/^CONFLICT: lease L1 already exists/);
    expect((await s.error('leasing:Approve', who.lessor, { leaseId: 'L1', principal: '1', rateBps: 1, termMonths: 1, firstDueDate: '2026-02-01' })).message).to.match(/^CONFLICT/);
  });

  it('rejects an application, and never approves more than was requested', async () => {
    const s = new Scf();
    await s.call('leasing:Apply', who.projectCompany, { leaseId: 'L1', stationId: 'S', constructionApprovalHash: H('c'), equipment: [{ description: 'x', quantity: 1 }], supplier: 'SupplierMSP:SUP-1', amount: '5000' });
    expect((await s.error('leasing:Approve', who.lessor, { leaseId: 'L1', principal: '5001', rateBps: 1, termMonths: 1, firstDueDate: '2026-02-01' })).message).to.match(/^VALIDATION: input.principal/);
    const rejected = await s.call('leasing:Reject', who.lessor, { leaseId: 'L1', reason: 'approval document expired' });
    expect(rejected.events[0]).to.deep.include({ name: 'LeaseRejected' });
    expect((await s.error('receivables:Issue', who.lessor, { leaseId: 'L1' })).message).to.match(/^CONFLICT/);
  });

  it('goes late, then defaulted, from transaction time; defaults are not cured by later collection', async () => {
    const s = new Scf();
    const lease = await s.approvedLease('L1', '1000000'); // first due 2026-02-01, now 2026-01-10
    const rent = (lease.schedule as { rent: string }[])[0]!.rent;
    expect((await s.call('leasing:AssessArrears', who.bank, { leaseId: 'L1' })).events).to.have.length(0);
    s.advanceDays(30); // 2026-02-09: instalment 1 overdue 8 days
    const late = await s.call('leasing:AssessArrears', who.lessor, { leaseId: 'L1' });
    expect(statusChange(late.events)).to.include({ from: 'approved', to: 'late' });
    await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 1, amount: rent, evidenceHash: H('1') });
    expect(await s.result('leasing:Get', who.bank, { leaseId: 'L1' })).to.include({ status: 'approved' });
    s.advanceDays(120); // instalment 2 (due 2026-03-01) is now > 90 days overdue
    const defaulted = await s.call('leasing:AssessArrears', who.bank, { leaseId: 'L1' });
    expect(statusChange(defaulted.events)).to.include({ to: 'defaulted' });
    await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 2, amount: rent, evidenceHash: H('2') });
    expect(await s.result('leasing:Get', who.bank, { leaseId: 'L1' })).to.include({ status: 'defaulted' });
  });

  it('never collects more than an instalment is due', async () => {
    const s = new Scf();
    const lease = await s.approvedLease('L1', '1000000');
    const rent = BigInt((lease.schedule as { rent: string }[])[0]!.rent);
    expect((await s.error('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 1, amount: (rent + 1n).toString(), evidenceHash: H('1') })).message).to.match(/^CONFLICT/);
    expect((await s.error('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 13, amount: '1', evidenceHash: H('1') })).message).to.match(/^VALIDATION: input.instalment: must be between 1 and 12/);
  });
});
