import { expect } from 'chai';
import { contributions, ratingPoints, SCORE_BASE, SCORE_CEILING, SCORE_FLOOR, scoreOf, WEIGHTS } from './method';
import { EMPTY_FACTS, type CreditFacts } from './state';

const facts = (over: Partial<CreditFacts>): CreditFacts => ({ ...EMPTY_FACTS, ...over });

describe('scf credit method', () => {
  it('starts at the base and moves by each stated input, in its direction', () => {
    expect(scoreOf(EMPTY_FACTS)).to.equal(SCORE_BASE);
    for (const [name, [weight]] of Object.entries(WEIGHTS)) {
      expect(scoreOf(facts({ [name]: 1 })) - SCORE_BASE, name).to.equal(weight);
    }
    expect(scoreOf(facts({ ratings: 2, ratingSum: 10 }))).to.equal(SCORE_BASE + 80); // two 5-star ratings: +2 stars above 3
    expect(scoreOf(facts({ ratings: 1, ratingSum: 1 }))).to.equal(SCORE_BASE - 80);
  });

  it('caps good behaviour so it cannot be farmed, never bad behaviour, and clamps the score', () => {
    expect(scoreOf(facts({ onTimeRent: 40 }))).to.equal(scoreOf(facts({ onTimeRent: 400 })));
    expect(scoreOf(facts({ drawdowns: 10 }))).to.equal(scoreOf(facts({ drawdowns: 11 })));
    expect(scoreOf(facts({ lateRent: 11 }))).to.be.below(scoreOf(facts({ lateRent: 10 })));
    expect(scoreOf(facts({ defaults: 10 }))).to.equal(SCORE_FLOOR);
    expect(scoreOf(facts({ onTimeRent: 40, dividendsOnTime: 20, drawdowns: 10, ratings: 1, ratingSum: 5 }))).to.equal(SCORE_CEILING);
  });

  it('truncates the rating average toward zero, and states each contribution', () => {
    expect(ratingPoints({ ratings: 3, ratingSum: 10 })).to.equal(13); // 40 * 1 / 3 = 13.33
    expect(ratingPoints({ ratings: 3, ratingSum: 8 })).to.equal(-13);
    expect(ratingPoints({ ratings: 0, ratingSum: 0 })).to.equal(0);
    const c = contributions(facts({ lateRent: 2, ratings: 1, ratingSum: 4 }));
    expect(c).to.include({ lateRent: -30, ratings: 40, onTimeRent: 0 });
    expect(Object.values(c).reduce((a, b) => a + b, SCORE_BASE)).to.equal(scoreOf(facts({ lateRent: 2, ratings: 1, ratingSum: 4 })));
  });
});
