/** financing and rules contracts through the harness: privacy, object-level access, regulator rules and alerts. */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { H, party, SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };

async function withReceivable(): Promise<Scf> {
  const s = new Scf();
  await s.approvedLease('L1', '1000000');
  await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
  return s;
}

async function termsHashOf(s: Scf, financingId: string): Promise<string> {
  return (await s.result<{ termsHash: string }>('financing:Get', who.bank, { financingId })).termsHash;
}

describe('scf financing contract', () => {
  it('keeps terms private: transient in, pair collection only, hash on the channel, no amounts in state, args or events', async () => {
    const s = await withReceivable();
    const offer = await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
    const privateKeys = [...s.h.world.privateState.keys()];
    expect(privateKeys).to.have.length(1);
    expect(privateKeys[0]).to.equal('termsBankLessor\u0000\u0000terms\u0000F1\u0000');
    const stored = s.h.world.privateState.get(privateKeys[0]!)!;
    const view = await s.result<{ financing: object; termsHash: string }>('financing:Get', who.supplier, { financingId: 'F1' });
    expect(view.termsHash).to.equal(createHash('sha256').update(stored).digest('hex'));
    const advance = (JSON.parse(Buffer.from(stored).toString()) as { advance: string }).advance;
    const publicBytes = [...s.h.world.state.values()].map((v) => Buffer.from(v).toString()).join('\n');
    for (const secret of [advance, '"advanceRateBps"', '"discountBps"', SALT]) {
      expect(publicBytes).not.to.contain(secret);
      expect(JSON.stringify(offer.events)).not.to.contain(secret);
      expect(JSON.stringify(view)).not.to.contain(secret);
    }
    // The regulator and the two parties read the terms; a supplier does not.
    expect((await s.result<{ terms: { advance: string } }>('financing:GetTerms', who.regulator, { financingId: 'F1' })).terms.advance).to.equal(advance);
    expect((await s.result<{ terms: { advance: string } }>('financing:GetTerms', who.lessor, { financingId: 'F1' })).terms.advance).to.equal(advance);
    expect((await s.error('financing:GetTerms', who.supplier, { financingId: 'F1' })).message).to.match(/^ACCESS_DENIED/);
  });

  it('accepts only with the hash of the stored terms, and only by the holder', async () => {
    const s = await withReceivable();
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
    const before = s.snapshot();
    expect((await s.error('financing:Accept', who.lessor, { financingId: 'F1', termsHash: H('0') })).message).to.match(/^CONFLICT: termsHash does not match/);
    expect((await s.error('financing:Accept', who.supplier, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') })).message).to.match(/^ACCESS_DENIED: only LessorMSP \(the holder\)/);
    expect(s.snapshot()).to.equal(before);
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') });
    expect((await s.result<{ receivable: { status: string } }>('receivables:Get', who.bank, { receivableId: 'L1' })).receivable.status).to.equal('financed');
  });

  it('lets only the offering bank record the advance, and only the parties settle', async () => {
    const s = await withReceivable();
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') });
    const otherBank = { mspId: 'BankMSP', name: 'b2', attributes: { role: 'bank-officer' } };
    await s.call('financing:RecordAdvance', otherBank, { financingId: 'F1', evidenceHash: H('a') }); // same org = same bank party
    expect((await s.error('financing:Settle', who.supplier, { financingId: 'F1' })).message).to.match(/^ACCESS_DENIED/);
  });

  it('stops the second of two racing acceptances of one asset (the lock is read and written by both)', async () => {
    const s = await withReceivable();
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
    await s.call('financing:Offer', who.bank, { financingId: 'F2', assetType: 'receivable', assetId: 'L1' }, { terms: { ...terms, advanceRateBps: 6_000 } });
    await s.call('financing:Accept', who.lessor, { financingId: 'F2', termsHash: await termsHashOf(s, 'F2') });
    // Sequential here, so the second acceptance sees the lock at endorsement and is refused with an alert
    // (in one block, the loser would fail MVCC instead: see scf.it.test.ts).
    const second = await s.refused('financing:Accept', who.lessor, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') });
    expect(second.result).to.include({ rule: 'double-financing', detail: 'receivable L1 is already financed (financing F2 by BankMSP)', transaction: 'financing:Accept', financingId: 'F1' });
    expect((await s.result<{ financing: { status: string } }>('financing:Get', who.bank, { financingId: 'F1' })).financing.status).to.equal('offered');
    const lock = [...s.h.world.state.keys()].filter((k) => k.startsWith('\u0000finlock\u0000'));
    expect(lock).to.deep.equal(['\u0000finlock\u0000receivable\u0000L1\u0000']);
  });

  it('enforces the regulator advance cap and concentration limit, which only the regulator changes', async () => {
    const s = await withReceivable();
    expect((await s.error('rules:SetRules', who.bank, { maxAdvanceRateBps: 9_000 })).message).to.match(/^ACCESS_DENIED/);
    const over = await s.refused('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms: { ...terms, advanceRateBps: 8_500 } });
    expect(over.result).to.include({ rule: 'max-advance-rate', detail: 'the advance rate is above the maximum 8000 bps' });
    const changed = await s.call('rules:SetRules', who.regulator, { maxAdvanceRateBps: 9_000, concentrationLimit: '500000' });
    expect(changed.events[0]?.name).to.equal('RulesChanged');
    const conc = await s.refused('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms: { ...terms, advanceRateBps: 8_500 } });
    expect(conc.result).to.include({ rule: 'concentration-limit', detail: "BankMSP's outstanding advances to LessorMSP would exceed the limit 500000" });
    // The figures stay in the Bank-Lessor collection; the regulator reads them with the alert.
    const full = await s.result<{ alert: { privateDetail: object }; privateDetail: { detail: string } }>('rules:GetAlert', who.regulator, { alertId: conc.result.alertId });
    expect(full.alert.privateDetail).to.deep.equal({ collection: 'termsBankLessor' });
    expect(full.privateDetail.detail).to.match(/^BankMSP would have \d+ outstanding to LessorMSP, above the limit 500000/);
    const check = await s.result<{ allowed: boolean; violations: { rule: string }[] }>('rules:CheckFinancing', who.bank, { assetType: 'receivable', assetId: 'L1', advanceRateBps: 9_500 });
    expect(check.allowed).to.equal(false);
    expect(check.violations.map((v) => v.rule)).to.deep.equal(['max-advance-rate', 'concentration-limit']);
  });

  it('counts outstanding exposure per bank and counterparty, and releases it on repayment', async () => {
    const s = await withReceivable();
    await s.call('rules:SetRules', who.regulator, { concentrationLimit: '2000000' });
    await s.call('receivables:Split', who.lessor, { receivableId: 'L1', amounts: ['500000', (await total(s, 500000n)).toString()] });
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1.1' }, { terms });
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') });
    const exposureKey = [...s.h.world.privateState.keys()].find((k) => k.includes('exposure'))!;
    expect(exposureKey).to.equal('termsBankLessor\u0000\u0000exposure\u0000BankMSP\u0000LessorMSP\u0000');
    const outstanding = (): string => (JSON.parse(Buffer.from(s.h.world.privateState.get(exposureKey)!).toString()) as { outstanding: string }).outstanding;
    expect(outstanding()).to.equal('350000');
    await s.call('financing:RecordAdvance', who.bank, { financingId: 'F1', evidenceHash: H('a') });
    const lease = await s.result<{ schedule: { n: number; rent: string }[] }>('leasing:Get', who.lessor, { leaseId: 'L1' });
    await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 1, amount: lease.schedule[0]!.rent, evidenceHash: H('b') });
    await s.call('financing:Settle', who.lessor, { financingId: 'F1' });
    const afterOne = BigInt(outstanding());
    expect(afterOne > 0n && afterOne < 350_000n).to.equal(true);
    for (const row of lease.schedule.slice(1)) {
      await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: row.n, amount: row.rent, evidenceHash: H('b') });
    }
    await s.call('financing:Settle', who.bank, { financingId: 'F1' });
    expect(outstanding()).to.equal('0');
  });

  it('records alerts, re-checked against state, as blind inserts by bank or regulator only', async () => {
    const s = await withReceivable();
    await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash: await termsHashOf(s, 'F1') });
    const confirmed = await s.call('rules:RaiseAlert', who.bank, { rule: 'double-financing', assetType: 'receivable', assetId: 'L1', suspect: party.lessor, detail: 'second offer refused by pre-check' });
    expect(confirmed.events[0]).to.deep.include({ name: 'RegulatorAlert' });
    expect(confirmed.result).to.include({ confirmed: true, reportedBy: 'BankMSP' });
    const unconfirmed = await s.result('rules:RaiseAlert', who.regulator, { rule: 'max-advance-rate', advanceRateBps: 5_000, detail: 'reported off-chain' });
    expect(unconfirmed).to.include({ confirmed: false });
    const other = await s.result('rules:RaiseAlert', who.regulator, { rule: 'other', detail: 'suspicious pattern' });
    expect(other).to.include({ confirmed: null });
    expect((await s.error('rules:RaiseAlert', who.lessor, { rule: 'other', detail: 'x' })).message).to.match(/^ACCESS_DENIED/);
    expect(await s.result<unknown[]>('rules:ListAlerts', who.regulator)).to.have.length(3);
  });
});

async function total(s: Scf, minus: bigint): Promise<bigint> {
  const r = await s.result<{ receivable: { amount: string } }>('receivables:Get', who.bank, { receivableId: 'L1' });
  return BigInt(r.receivable.amount) - minus;
}
