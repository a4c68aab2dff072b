import { expect } from 'chai';
import { dec, EnergyWorld, operator } from '../test-support/energy-world';

const DAY = 86_400_000;

describe('governance: decisions expire unused; one ecology plan a year', () => {
  let w: EnergyWorld;
  beforeEach(async () => {
    w = new EnergyWorld();
    await w.genesis();
    await w.committee();
  });

  it('a passed decision not applied within 90 days can no longer be applied', async () => {
    const ok = await w.decide({ kind: 'PostRate', deccPerDec: '2' });
    const stale = await w.decide({ kind: 'PostRate', deccPerDec: '3' });
    w.h.advance(90 * DAY - 1);
    await w.call('token', 'PostRate', operator, { deccPerDec: '2', decisionId: ok });
    w.h.advance(1);
    const before = w.stateFingerprint();
    expect((await w.fails('token', 'PostRate', operator, { deccPerDec: '3', decisionId: stale })).message).to.match(/^RULE_VIOLATION: decision-expired: decision .* expired unused at/);
    expect(w.stateFingerprint()).to.equal(before);
  });

  it('refuses a second EcologyPlan for a year while the first is open or passed; a rejected one frees the year', async () => {
    const first = await w.decide({ kind: 'EcologyPlan', year: 2026, amount: dec(100) });
    const before = w.stateFingerprint();
    expect((await w.fails('governance', 'ProposeDecision', (await import('../test-support/energy-world')).committeeCallers.sg, { proposer: w.committeeEids?.sg, title: 'again', effect: { kind: 'EcologyPlan', year: 2026, amount: dec(200) } })).message).to.match(
      new RegExp(`^CONFLICT: request\\.effect\\.year: the ecology plan of 2026 is already decision ${first}`),
    );
    expect(w.stateFingerprint()).to.equal(before);
    await w.decide({ kind: 'EcologyPlan', year: 2027, amount: dec(100) });
  });
});
