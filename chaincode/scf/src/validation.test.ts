/** Bad inputs are refused with a VALIDATION error naming the field, and nothing is written. */
import { expect } from 'chai';
import { H, party, SALT, Scf, who } from './test-support/fixtures';

const apply = {
  leaseId: 'L9',
  stationId: 'ST-9',
  constructionApprovalHash: H('c'),
  equipment: [{ description: 'PV module', quantity: 10 }],
  supplier: party.supplier,
  amount: '1000',
};

describe('scf input validation', () => {
  const cases: [string, keyof typeof who, unknown, string, Record<string, unknown>?][] = [
    ['leasing:Apply', 'projectCompany', 'not json', 'input: is not valid JSON'],
    ['leasing:Apply', 'projectCompany', { ...apply, amount: '1.5' }, 'input.amount: must be a non-negative integer string in base units'],
    ['leasing:Apply', 'projectCompany', { ...apply, amount: '0' }, 'input.amount: must be greater than zero'],
    ['leasing:Apply', 'projectCompany', { ...apply, leaseId: 'L 9' }, 'input.leaseId: must be 1-64 characters'],
    ['leasing:Apply', 'projectCompany', { ...apply, constructionApprovalHash: 'abc' }, 'input.constructionApprovalHash: must be a SHA-256 hash'],
    ['leasing:Apply', 'projectCompany', { ...apply, equipment: [{ description: 'x', quantity: 0 }] }, 'input.equipment.0.quantity: must be at least 1'],
    ['leasing:Apply', 'projectCompany', { ...apply, supplier: 'BankMSP' }, 'input.supplier: must be a supplier company'],
    ['leasing:Apply', 'projectCompany', { ...apply, supplier: 'PlatformMSP:x' }, 'input.supplier: must belong to an scf channel member org'],
    ['leasing:Approve', 'lessor', { leaseId: 'L1', principal: '100', rateBps: 600, termMonths: 0, firstDueDate: '2026-02-01' }, 'input.termMonths: must be at least 1'],
    ['leasing:Approve', 'lessor', { leaseId: 'L1', principal: '100', rateBps: 600, termMonths: 12, firstDueDate: '2026-02-30' }, 'input.firstDueDate: is not a calendar date'],
    ['leasing:Approve', 'lessor', { leaseId: 'L1', principal: '100', rateBps: 10_001, termMonths: 12, firstDueDate: '2026-02-01' }, 'input.rateBps: must be at most 10000'],
    ['receivables:Split', 'lessor', { receivableId: 'L1', amounts: ['1'] }, 'input.amounts: must list at least 2 parts'],
    ['receivables:Transfer', 'lessor', { receivableId: 'L1..2', to: party.supplier }, 'input.receivableId: must be a receivable ID'],
    ['financing:Offer', 'bank', { financingId: 'F1', assetType: 'loan', assetId: 'L1' }, 'input.assetType'],
    ['financing:Offer', 'bank', { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, 'transient.terms: is required in the transient map'],
    ['financing:Offer', 'bank', { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, 'transient.terms.salt: must be 32-128 lowercase hex characters', { terms: { advanceRateBps: 5000, discountBps: 0, maturityDate: '2027-01-01', salt: 'x' } }],
    ['financing:Offer', 'bank', { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, 'transient.terms.advanceRateBps: must be greater than 0', { terms: { advanceRateBps: 0, discountBps: 0, maturityDate: '2027-01-01', salt: SALT } }],
    ['financing:RecordRepayment', 'bank', { financingId: 'F1', evidenceHash: H('a') }, 'transient.repayment: is required in the transient map'],
    ['orders:Register', 'supplier', { orderId: 'PO1', items: [], amount: '5', dueDate: '2026-05-01' }, 'input.items: must list at least one item'],
    ['warehouse:IssueReceipt', 'logistics', { receiptId: 'W1', owner: 'BankMSP', goods: [{ description: 'x', quantity: 1 }], value: '5', location: 'A' }, 'input.owner: must be LessorMSP or a supplier company'],
    ['insurance:Underwrite', 'insurer', { policyId: 'P1', leaseId: 'L1', insured: party.projectCompany, equipment: [{ description: 'x', quantity: 1 }], coverage: '5', premium: '1', startDate: '2026-05-01', endDate: '2026-04-01' }, 'input.endDate: must be after startDate'],
    ['insurance:AssessClaim', 'insurer', { claimId: 'C1', decision: 'approve', reason: 'ok' }, 'input.approvedAmount'],
    ['rules:SetRules', 'regulator', {}, 'input: must change at least one rule'],
    ['rules:SetRules', 'regulator', { maxAdvanceRateBps: 1.5 }, 'input.maxAdvanceRateBps: must be an integer'],
    ['rules:RaiseAlert', 'bank', { rule: 'fraud', detail: 'x' }, 'input.rule'],
  ];

  for (const [tx, caller, input, message, transient] of cases) {
    it(`${tx} refuses ${message.split(':')[0]} (${message.split(': ')[1]?.slice(0, 40) ?? 'invalid'})`, async () => {
      const s = new Scf();
      await s.approvedLease('L1', '1000000');
      const before = s.snapshot();
      const err = await s.error(tx, who[caller], input, transient ?? {});
      expect(err.message).to.contain(`VALIDATION: ${message}`);
      expect(s.snapshot()).to.equal(before);
    });
  }

  it('refuses financing terms put in the public arguments instead of the transient map', async () => {
    const s = new Scf();
    const err = await s.error('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1', advanceRateBps: 5000 });
    expect(err.message).to.match(/^VALIDATION: input: Unrecognized key.*advanceRateBps/);
    expect(s.h.world.state.size).to.equal(0);
  });
});
