/**
 * The white paper's figure 13 end to end through the contracts:
 * apply -> approve -> pay supplier -> receivable -> split -> transfer upstream ->
 * finance (two banks' worth of parts) -> collect rent -> repay the bank first.
 */
import { expect } from 'chai';
import { H, party, SALT, Scf, who } from './test-support/fixtures';

interface Fin {
  financing: { status: string; id: string };
  termsHash: string;
}

describe('scf figure 13 flow', () => {
  it('runs a lease to a fully repaid receivable financing', async () => {
    const s = new Scf();
    const lease = await s.approvedLease('L1', '120000000');
    const terms = lease.terms as { totalRent: string; totalInterest: string };
    expect(lease.status).to.equal('approved');
    expect(BigInt(terms.totalRent)).to.equal(120_000_000n + BigInt(terms.totalInterest));

    // The lessor pays the supplier in two instalments, each with evidence.
    await s.call('leasing:RecordSupplierPayment', who.lessor, { leaseId: 'L1', amount: '72000000', evidenceHash: H('1') });
    const paid = await s.call('leasing:RecordSupplierPayment', who.lessor, { leaseId: 'L1', amount: '48000000', evidenceHash: H('2') });
    expect(paid.events[0]?.payload).to.include({ fullyPaid: true, supplierPaid: '120000000' });
    expect((await s.error('leasing:RecordSupplierPayment', who.lessor, { leaseId: 'L1', amount: '1', evidenceHash: H('3') })).message).to.match(/^CONFLICT/);

    // The receivable: the rent-collection right pledged with electricity-charge income.
    const rcv = await s.result<{ amount: string; holder: string; collateral: object }>('receivables:Issue', who.lessor, { leaseId: 'L1' });
    expect(rcv).to.deep.include({ amount: terms.totalRent, holder: party.lessor, collateral: { stationId: 'ST-1', income: 'electricity-charges' } });
    expect(s.endorsers('receivable', 'L1', 'L1')).to.deep.equal(['LessorMSP']);

    // Split 60/40; the 40 % part goes upstream to the supplier, who splits again for a sub-supplier.
    const total = BigInt(terms.totalRent);
    const a = (total * 6n) / 10n;
    await s.call('receivables:Split', who.lessor, { receivableId: 'L1', amounts: [a.toString(), (total - a).toString()] });
    await s.call('receivables:Transfer', who.lessor, { receivableId: 'L1.2', to: party.supplier }, { assignment: { consideration: '40000000' } });
    expect(s.endorsers('receivable', 'L1', 'L1.2')).to.deep.equal(['SupplierMSP']);
    const b = total - a;
    const b1 = b / 2n;
    await s.call('receivables:Split', who.supplier, { receivableId: 'L1.2', amounts: [b1.toString(), (b - b1).toString()] });
    await s.call('receivables:Transfer', who.supplier, { receivableId: 'L1.2.2', to: party.subSupplier });
    const tree = await s.result<{ id: string; status: string; amount: string; holder: string }[]>('receivables:Tree', who.regulator, { rootId: 'L1' });
    const leaves = tree.filter((p) => p.status !== 'split');
    expect(leaves.map((p) => [p.id, p.holder])).to.deep.equal([
      ['L1.1', party.lessor],
      ['L1.2.1', party.supplier],
      ['L1.2.2', party.subSupplier],
    ]);
    expect(leaves.reduce((sum, p) => sum + BigInt(p.amount), 0n)).to.equal(total);

    // The bank checks the backing, offers (terms private), the lessor accepts, the bank advances.
    const backing = await s.result<{ lease: { supplierPayments: unknown[] } }>('receivables:Backing', who.bank, { receivableId: 'L1.1' });
    expect(backing.lease.supplierPayments).to.have.length(2);
    const offerTerms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1.1' }, { terms: offerTerms });
    const f1 = await s.result<Fin>('financing:Get', who.lessor, { financingId: 'F1' });
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash: f1.termsHash });
    expect(s.endorsers('receivable', 'L1', 'L1.1')).to.deep.equal(['BankMSP', 'LessorMSP']);
    await s.call('financing:RecordAdvance', who.bank, { financingId: 'F1', evidenceHash: H('4') });

    // The supplier finances its part independently; the sub-supplier finances its own.
    await s.call('financing:Offer', who.bank, { financingId: 'F2', assetType: 'receivable', assetId: 'L1.2.1' }, { terms: { ...offerTerms, advanceRateBps: 6_000 } });
    await s.call('financing:Accept', who.supplier, { financingId: 'F2', termsHash: (await s.result<Fin>('financing:Get', who.supplier, { financingId: 'F2' })).termsHash });
    await s.call('financing:Offer', who.bank, { financingId: 'F3', assetType: 'receivable', assetId: 'L1.2.2' }, { terms: offerTerms });
    await s.call('financing:Accept', who.subSupplier, { financingId: 'F3', termsHash: (await s.result<Fin>('financing:Get', who.subSupplier, { financingId: 'F3' })).termsHash });

    // No part can be financed twice, and a split parent cannot be financed at all.
    // A refusal commits only an alert, which the regulator lists.
    const twice = await s.refused('financing:Offer', who.bank, { financingId: 'F4', assetType: 'receivable', assetId: 'L1.1' }, { terms: offerTerms });
    expect(twice.result).to.include({ rule: 'double-financing', alertId: twice.txId });
    expect(twice.result.detail).to.match(/^receivable L1\.1 is already financed/);
    expect((await s.result<{ alertId: string }[]>('rules:ListAlerts', who.regulator)).map((a) => a.alertId)).to.deep.equal([twice.txId]);
    expect((await s.error('financing:Get', who.bank, { financingId: 'F4' })).message).to.match(/^NOT_FOUND/);
    expect((await s.error('financing:Offer', who.bank, { financingId: 'F4', assetType: 'receivable', assetId: 'L1' }, { terms: offerTerms })).message).to.match(/^CONFLICT/);
    expect((await s.error('receivables:Split', who.lessor, { receivableId: 'L1.1', amounts: ['1', (a - 1n).toString()] })).message).to.match(/^CONFLICT/);

    // Rent comes in month by month; collections repay the bank first.
    const schedule = (await s.result<{ schedule: { n: number; rent: string }[] }>('leasing:Get', who.bank, { leaseId: 'L1' })).schedule;
    for (const row of schedule.slice(0, 6)) {
      await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: row.n, amount: row.rent, evidenceHash: H('5') });
    }
    const mid = await s.result<{ toBank: string; toHolder: string; bankOutstanding: string; advance: string }>('financing:Waterfall', who.lessor, { financingId: 'F1' });
    expect(mid.toHolder).to.equal('0');
    expect(BigInt(mid.bankOutstanding) > 0n).to.equal(true);
    const settled = await s.call('financing:Settle', who.bank, { financingId: 'F1' });
    expect(settled.events[0]?.name).to.equal('FinancingSettled');

    for (const row of schedule.slice(6)) {
      await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: row.n, amount: row.rent, evidenceHash: H('6') });
    }
    expect((await s.result<{ status: string }>('leasing:Get', who.regulator, { leaseId: 'L1' })).status).to.equal('completed');
    const end = await s.result<{ toBank: string; toHolder: string; advance: string; collected: string }>('financing:Waterfall', who.regulator, { financingId: 'F1' });
    expect(end.collected).to.equal(a.toString());
    expect(end.toBank).to.equal(end.advance);
    expect(BigInt(end.toHolder)).to.equal(a - BigInt(end.advance));

    const repaid = await s.call('financing:Settle', who.lessor, { financingId: 'F1' });
    expect(repaid.events[0]?.name).to.equal('FinancingRepaid');
    const part = await s.result<{ receivable: { status: string; pledge: { releasedAt?: string } } }>('receivables:Get', who.bank, { receivableId: 'L1.1' });
    expect(part.receivable.status).to.equal('repaid');
    expect(part.receivable.pledge.releasedAt).to.be.a('string');
    expect(s.endorsers('receivable', 'L1', 'L1.1')).to.deep.equal(['LessorMSP']);
    const privateView = await s.result<{ settlement: { bankRepaid: string; holderReceived: string } }>('financing:GetTerms', who.regulator, { financingId: 'F1' });
    expect(privateView.settlement).to.include({ bankRepaid: end.advance, holderReceived: end.toHolder });
    // Repaid, but still never financeable again.
    expect((await s.refused('financing:Offer', who.bank, { financingId: 'F5', assetType: 'receivable', assetId: 'L1.1' }, { terms: offerTerms })).result.rule).to.equal('double-financing');

    // The regulator audits the part's whole lifecycle from its key history.
    const audit = await s.result<{ history: { value: { status: string } }[] }>('audit:History', who.regulator, { assetType: 'receivable', assetId: 'L1.1' });
    expect(audit.history.map((h) => h.value.status).reverse()).to.deep.equal(['active', 'financed', 'repaid']);
  });
});
