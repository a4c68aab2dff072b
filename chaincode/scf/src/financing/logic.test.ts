import { expect } from 'chai';
import type { Decision, Refusal } from '../rules/logic';
import { DEFAULT_RULES } from '../rules/state';
import { envOf } from '../test-support/env';
import { acceptFinancing as acceptDecision, offerFinancing as offerDecision, recordAdvance, recordRepayment, settleFromCollections, emptySettlement, type AssetView } from './logic';

const asset: AssetView = { assetType: 'receivable', assetId: 'L1.1', goods: { assetType: 'receivable', assetId: 'L1.1' }, holder: 'LessorMSP', obligor: { role: 'debtor', party: 'LessorMSP:PC-1' }, face: 1_000_000n, status: 'active' };
const bank = envOf({ party: 'BankMSP', role: 'bank-officer' });
const lessor = envOf({ party: 'LessorMSP' });
const terms = { advanceRateBps: 7_000, discountBps: 200, maturityDate: '2027-01-01', salt: 'ab'.repeat(16) };
const rc = { rules: DEFAULT_RULES, lock: undefined, outstanding: 0n, obligorScore: 600 };

function applied<T>(d: Decision<T>): T {
  if (d.refused) throw new Error(`unexpectedly refused: ${d.refusal.result.rule}: ${d.refusal.result.detail}`);
  return d.change;
}
function refusal<T>(d: Decision<T>): Refusal {
  if (!d.refused) throw new Error('unexpectedly applied');
  return d.refusal;
}
const offerFinancing = (...a: Parameters<typeof offerDecision>) => applied(offerDecision(...a));
const acceptFinancing = (...a: Parameters<typeof acceptDecision>) => applied(acceptDecision(...a));

function offered() {
  return offerFinancing('F1', asset, 'termsBankLessor', terms, rc, bank);
}

describe('scf financing logic', () => {
  it('offers with private terms computed in integers and a public record without amounts', () => {
    const { financing, terms: t, events } = offered();
    expect(t).to.include({ face: '1000000', advance: '700000', discount: '14000', netDisbursed: '686000' });
    expect(financing).to.include({ status: 'offered', bank: 'BankMSP', counterparty: 'LessorMSP', collection: 'termsBankLessor' });
    expect(JSON.stringify([financing, events])).not.to.match(/700000|7000|advance"/);
  });

  it('refuses an offer on an asset that is already financed, even at another bank: an alert, no financing', () => {
    const lock = { assetType: 'receivable' as const, assetId: 'L1.1', financingId: 'F0', bank: 'OtherBankMSP', at: 't' };
    const r = refusal(offerDecision('F2', { ...asset, status: 'financed' }, 'c', terms, { ...rc, lock }, bank));
    expect(r.result).to.deep.equal({
      refused: true,
      rule: 'double-financing',
      detail: 'receivable L1.1 is already financed (financing F0 by OtherBankMSP)',
      alertId: 'tx-test',
      transaction: 'financing:Offer',
      assetType: 'receivable',
      assetId: 'L1.1',
      financingId: 'F2',
    });
    expect(r.alert).to.include({ alertId: 'tx-test', rule: 'double-financing', suspect: 'BankMSP', reportedBy: 'chaincode', confirmed: true, transaction: 'financing:Offer' });
    // The lock is public: nothing to keep private.
    expect(r.privateDetail).to.equal(undefined);
    expect(r.alert.privateDetail).to.equal(undefined);
    expect(r.events.map((e) => e.name)).to.deep.equal(['RegulatorAlert']);
  });

  it('refuses an offer above the advance cap or the concentration limit, keeping the private figures out of the public alert', () => {
    const over = refusal(offerDecision('F2', asset, 'termsBankLessor', { ...terms, advanceRateBps: 8_001 }, rc, bank));
    expect(over.result).to.include({ refused: true, rule: 'max-advance-rate' });
    expect(JSON.stringify([over.alert, over.result, over.events])).not.to.contain('8001');
    expect(over.alert.privateDetail).to.deep.equal({ collection: 'termsBankLessor' });
    expect(over.privateDetail?.detail.detail).to.contain('8001');
    const tight = { ...rc, rules: { ...DEFAULT_RULES, concentrationLimit: '1000000' }, outstanding: 300_001n };
    const conc = refusal(offerDecision('F2', asset, 'termsBankLessor', terms, tight, bank));
    expect(conc.result).to.include({ rule: 'concentration-limit' });
    expect(JSON.stringify([conc.alert, conc.result, conc.events])).not.to.match(/1000001|300001|700000/);
    expect(conc.privateDetail?.detail.detail).to.contain('1000001');
  });

  it('still throws what is not a regulator rule (wrong status, zero advance)', () => {
    expect(() => offerDecision('F2', { ...asset, status: 'split' }, 'c', terms, rc, bank)).to.throw(/^CONFLICT/);
    expect(() => offerDecision('F2', { ...asset, face: 1n }, 'c', terms, rc, bank)).to.throw(/^VALIDATION: transient\.terms\.advanceRateBps/);
  });

  it('accepts once: the second acceptance of the asset meets the lock', () => {
    const { financing, terms: t } = offered();
    const first = acceptFinancing(financing, asset, t, rc, lessor);
    expect(first.lock).to.include({ assetId: 'L1.1', financingId: 'F1' });
    expect(first.outstanding).to.equal(700_000n);
    const other = offerFinancing('F2', asset, 'termsBankLessor', terms, rc, bank);
    const second = refusal(acceptDecision(other.financing, asset, other.terms, { ...rc, lock: first.lock }, lessor));
    expect(second.result).to.include({ rule: 'double-financing', transaction: 'financing:Accept', financingId: 'F2' });
    expect(second.alert.suspect).to.equal('LessorMSP');
  });

  it('re-checks the rules at acceptance (the regulator may have tightened them)', () => {
    const { financing, terms: t } = offered();
    const r = refusal(acceptDecision(financing, asset, t, { ...rc, rules: { ...DEFAULT_RULES, maxAdvanceRateBps: 5_000 } }, lessor));
    expect(r.result).to.include({ rule: 'max-advance-rate', detail: 'the advance rate is above the maximum 5000 bps' });
  });

  it('settles a receivable financing bank first, and marks it repaid when the advance is back', () => {
    const { financing, terms: t } = offered();
    const advanced = recordAdvance(acceptFinancing(financing, asset, t, rc, lessor).financing, 'e'.repeat(64), bank).financing;
    const partial = settleFromCollections(advanced, t, emptySettlement('F1', 't'), 400_000n, bank);
    expect(partial.settlement).to.include({ bankRepaid: '400000', holderReceived: '0' });
    expect(partial.fullyRepaid).to.equal(false);
    const full = settleFromCollections(partial.financing, t, partial.settlement, 900_000n, bank);
    expect(full.settlement).to.include({ bankRepaid: '700000', holderReceived: '200000' });
    expect(full.repaidNow).to.equal(300_000n);
    expect(full.fullyRepaid).to.equal(true);
    expect(full.financing.status).to.equal('repaid');
  });

  it('records direct repayments for orders and receipts, never above the advance', () => {
    const order: AssetView = { ...asset, assetType: 'order', assetId: 'PO1', holder: 'SupplierMSP:SUP-1', status: 'confirmed' };
    const o = offerFinancing('F9', order, 'termsBankSupplier', terms, rc, bank);
    const adv = recordAdvance(acceptFinancing(o.financing, order, o.terms, rc, envOf({ party: 'SupplierMSP:SUP-1' })).financing, 'e'.repeat(64), bank).financing;
    expect(() => recordRepayment(adv, o.terms, emptySettlement('F9', 't'), 700_001n, 'f'.repeat(64), bank)).to.throw(/transient\.repayment\.amount/);
    const done = recordRepayment(adv, o.terms, emptySettlement('F9', 't'), 700_000n, 'f'.repeat(64), bank);
    expect(done.fullyRepaid).to.equal(true);
    expect(() => settleFromCollections(adv, o.terms, emptySettlement('F9', 't'), 1n, bank)).to.throw(/RecordRepayment/);
  });
});
