/**
 * The regulator's minimum credit score on financing (issue 18): the party that repays
 * the bank (a receivable's debtor) must score at least `minCreditScore`; below it an
 * offer or an acceptance is refused with an alert and no business change.
 */
import { expect } from 'chai';
import { party, SALT, Scf, who } from '../test-support/fixtures';
import { SCORE_BASE } from '../credit/method';

const terms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };
const offer = { financingId: 'F1', assetType: 'receivable', assetId: 'L1' };

async function withReceivable(): Promise<Scf> {
  const s = new Scf();
  await s.approvedLease('L1', '1000000'); // the debtor, the project company, has no facts yet: the base score 600
  await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
  return s;
}

describe('scf regulator rule: minimum credit score of the debtor', () => {
  it('only the regulator sets it, within 300..900, naming the field; a refused change writes nothing', async () => {
    const s = await withReceivable();
    const before = s.snapshot();
    expect((await s.error('rules:SetRules', who.bank, { minCreditScore: 650 })).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('rules:SetRules', who.regulator, { minCreditScore: 299 })).message).to.match(/^VALIDATION: input.minCreditScore: must be at least 300/);
    expect((await s.error('rules:SetRules', who.regulator, { minCreditScore: 901 })).message).to.match(/^VALIDATION: input.minCreditScore: must be at most 900/);
    expect((await s.error('rules:SetRules', who.regulator, { minCrowdfundingScore: 600.5 })).message).to.match(/^VALIDATION: input.minCrowdfundingScore: must be an integer/);
    expect(s.snapshot()).to.equal(before);
    expect(await s.result('rules:GetRules', who.bank)).to.include({ minCreditScore: 300, minCrowdfundingScore: 300, version: 0 });
    const set = await s.result('rules:SetRules', who.regulator, { minCreditScore: 650 });
    expect(set).to.include({ minCreditScore: 650, minCrowdfundingScore: 300, maxAdvanceRateBps: 8000, version: 1 });
  });

  it('refuses an offer when the debtor scores one point below the minimum, and allows it at exactly the minimum', async () => {
    const s = await withReceivable();
    await s.call('rules:SetRules', who.regulator, { minCreditScore: SCORE_BASE + 1 });
    const below = await s.refused('financing:Offer', who.bank, offer, { terms }); // refused(): no business change, one alert
    expect(below.result).to.include({
      rule: 'min-credit-score',
      detail: `minCreditScore: the debtor ${party.projectCompany} has a credit score below the minimum ${SCORE_BASE + 1}`,
      transaction: 'financing:Offer',
    });
    // The score itself is only in the Bank-Lessor collection, for the regulator and the pair.
    const alert = await s.result<{ privateDetail: { detail: string } }>('rules:GetAlert', who.regulator, { alertId: below.result.alertId });
    expect(alert.privateDetail.detail).to.equal(`minCreditScore: the debtor ${party.projectCompany} has credit score ${SCORE_BASE}, below the minimum ${SCORE_BASE + 1}`);
    const publicBytes = [...s.h.world.state.values()].map((v) => Buffer.from(v).toString()).join('\n');
    expect(publicBytes).not.to.contain(`credit score ${SCORE_BASE}`);

    const check = await s.result<{ allowed: boolean; violations: { rule: string; message: string }[] }>('rules:CheckFinancing', who.bank, { assetType: 'receivable', assetId: 'L1', advanceRateBps: 7_000 });
    expect(check.allowed).to.equal(false);
    expect(check.violations).to.deep.equal([{ rule: 'min-credit-score', message: below.result.detail, publicMessage: below.result.detail }]);

    await s.call('rules:SetRules', who.regulator, { minCreditScore: SCORE_BASE });
    expect(await s.result('rules:CheckFinancing', who.bank, { assetType: 'receivable', assetId: 'L1', advanceRateBps: 7_000 })).to.include({ allowed: true });
    const offered = await s.call('financing:Offer', who.bank, offer, { terms });
    expect(offered.result).to.include({ status: 'offered' });
  });

  it('refuses the acceptance when the minimum rose above the debtor score after the offer', async () => {
    const s = await withReceivable();
    await s.call('financing:Offer', who.bank, offer, { terms });
    await s.call('rules:SetRules', who.regulator, { minCreditScore: 700 });
    const termsHash = (await s.result<{ termsHash: string }>('financing:Get', who.bank, { financingId: 'F1' })).termsHash;
    const refused = await s.refused('financing:Accept', who.lessor, { financingId: 'F1', termsHash }, { salt: SALT });
    expect(refused.result).to.include({ rule: 'min-credit-score', transaction: 'financing:Accept' });
    expect((await s.result<{ receivable: { status: string } }>('receivables:Get', who.bank, { receivableId: 'L1' })).receivable.status).to.equal('active');
  });
});
