import { expect } from 'chai';
import { checkAdvanceRate, checkConcentration, checkDoubleFinancing, enforce, updateRules } from './logic';
import { DEFAULT_RULES } from './state';
import { envOf } from '../test-support/env';

const rules = { ...DEFAULT_RULES, maxAdvanceRateBps: 8_000, concentrationLimit: '1000' };

describe('scf regulator rules', () => {
  it('double financing: an asset with a lock cannot be financed again, whoever the bank', () => {
    const asset = { assetType: 'receivable', assetId: 'L1.1' };
    expect(checkDoubleFinancing(asset, undefined)).to.equal(undefined);
    const v = checkDoubleFinancing(asset, { financingId: 'F1', bank: 'BankMSP' });
    expect(v?.rule).to.equal('double-financing');
    expect(() => {
      enforce(v);
    }).to.throw('RULE_VIOLATION: double-financing: receivable L1.1 is already financed (financing F1 by BankMSP)');
  });

  it('advance cap: at the maximum passes, one basis point above fails', () => {
    expect(checkAdvanceRate(rules, 8_000)).to.equal(undefined);
    expect(checkAdvanceRate(rules, 8_001)?.rule).to.equal('max-advance-rate');
  });

  it('concentration limit: outstanding plus the new advance may reach the limit, not pass it', () => {
    expect(checkConcentration(rules, 'BankMSP', 'LessorMSP', 600n, 400n)).to.equal(undefined);
    expect(checkConcentration(rules, 'BankMSP', 'LessorMSP', 600n, 401n)?.rule).to.equal('concentration-limit');
  });

  it('enforce throws the first violation and passes when there is none', () => {
    expect(() => {
      enforce(undefined, undefined);
    }).not.to.throw();
    expect(() => {
      enforce(undefined, checkAdvanceRate(rules, 9_000), checkConcentration(rules, 'B', 'C', 0n, 5_000n));
    }).to.throw(/max-advance-rate/);
  });

  it('rule changes bump the version and keep unchanged rules', () => {
    const { rules: next, events } = updateRules(DEFAULT_RULES, { maxAdvanceRateBps: 7_000 }, envOf({ party: 'RegulatorMSP' }));
    expect(next).to.include({ maxAdvanceRateBps: 7_000, concentrationLimit: DEFAULT_RULES.concentrationLimit, version: 1, updatedBy: 'RegulatorMSP' });
    expect(events[0]?.name).to.equal('RulesChanged');
  });
});
