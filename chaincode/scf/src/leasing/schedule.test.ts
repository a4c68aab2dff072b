import { expect } from 'chai';
import { addMonths } from '../common/dates';
import { levelRent, rentSchedule, scheduleTotals } from './schedule';

describe('scf rent schedule (integer annuity)', () => {
  it('computes a known 12-month schedule at 6 % a year', () => {
    const rows = rentSchedule({ principal: 120_000_000n, rateBps: 600, termMonths: 12, firstDueDate: '2026-02-01' });
    // Exact annuity: 120,000,000 · 0.005 / (1 − 1.005^−12) = 10,327,971.9...
    expect(levelRent(120_000_000n, 600, 12)).to.equal(10_327_971n);
    expect(rows).to.have.length(12);
    expect(rows[0]).to.deep.include({ n: 1, dueDate: '2026-02-01', interest: 600_000n, principal: 9_727_971n, rent: 10_327_971n });
    const totals = scheduleTotals(rows);
    expect(totals.principal).to.equal(120_000_000n);
    expect(totals.rent).to.equal(totals.principal + totals.interest);
    // The last row absorbs truncation: within a few units of the level rent.
    const last = rows[11]!;
    const extra = last.rent - 10_327_971n;
    expect(extra >= 0n && extra <= 12n, `last instalment exceeds level rent by ${extra}`).to.equal(true);
  });

  it('sums exactly to principal + interest for many principals, rates and terms', () => {
    for (const principal of [1n, 7n, 999n, 100_000n, 123_456_789n, 10n ** 24n + 7n]) {
      for (const rateBps of [0, 1, 350, 600, 1_250, 10_000]) {
        for (const termMonths of [1, 2, 7, 12, 60, 360]) {
          const rows = rentSchedule({ principal, rateBps, termMonths, firstDueDate: '2026-01-31' });
          const t = scheduleTotals(rows);
          expect(t.principal, `${principal}/${rateBps}/${termMonths}`).to.equal(principal);
          expect(t.rent).to.equal(rows.reduce((s, r) => s + r.rent, 0n));
          expect(t.rent).to.equal(principal + t.interest);
          for (const r of rows) {
            expect(r.principal >= 0n && r.interest >= 0n).to.equal(true);
            expect(r.rent).to.equal(r.principal + r.interest);
          }
        }
      }
    }
  });

  it('splits a zero-rate lease evenly with the remainder in the last instalment', () => {
    const rows = rentSchedule({ principal: 10n, rateBps: 0, termMonths: 4, firstDueDate: '2026-03-15' });
    expect(rows.map((r) => r.rent)).to.deep.equal([2n, 2n, 2n, 4n]);
    expect(rows.every((r) => r.interest === 0n)).to.equal(true);
  });

  it('is deterministic: same terms, same schedule', () => {
    const terms = { principal: 987_654_321n, rateBps: 475, termMonths: 120, firstDueDate: '2026-05-31' };
    expect(rentSchedule(terms)).to.deep.equal(rentSchedule(terms));
  });

  it('dates instalments monthly, clamping to the end of short months', () => {
    const rows = rentSchedule({ principal: 1000n, rateBps: 100, termMonths: 4, firstDueDate: '2027-12-31' });
    expect(rows.map((r) => r.dueDate)).to.deep.equal(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31']);
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
  });

  it('refuses a non-positive principal or term', () => {
    expect(() => rentSchedule({ principal: 0n, rateBps: 100, termMonths: 12, firstDueDate: '2026-01-01' })).to.throw(RangeError);
    expect(() => rentSchedule({ principal: 1n, rateBps: 100, termMonths: 0, firstDueDate: '2026-01-01' })).to.throw(RangeError);
  });
});
