import { expect } from 'chai';
import { emptyRating, type Rating } from '../ratings/ratings';
import { chooseMaintainer } from './dispatch';

describe('maintenance dispatch choice (pure)', () => {
  const at = { latE6: 0, lonE6: 0 };
  const rated = (eid: string, count: number, sum: number): Rating => ({ ...emptyRating(eid), count, sum });

  it('nearest first; at equal distance the better score, then the lower eID; excluded eIDs never chosen', () => {
    const c = [
      { eid: 'eid:p:c', latE6: 10, lonE6: 0 },
      { eid: 'eid:p:b', latE6: 0, lonE6: 10 },
      { eid: 'eid:p:a', latE6: -10, lonE6: 0 },
      { eid: 'eid:p:far', latE6: 500, lonE6: 0 },
    ];
    const none = new Map(c.map((m) => [m.eid, emptyRating(m.eid)]));
    expect(chooseMaintainer(c, none, at, [])?.eid).to.equal('eid:p:a');
    const ratings = new Map(none);
    ratings.set('eid:p:c', rated('eid:p:c', 10, 48));
    ratings.set('eid:p:b', rated('eid:p:b', 1, 5));
    // c: (48+3)/11 = 4.64 beats b: (5+3)/2 = 4.0 beats a: 3.0 (unrated prior)
    expect(chooseMaintainer(c, ratings, at, [])?.eid).to.equal('eid:p:c');
    expect(chooseMaintainer(c, ratings, at, ['eid:p:c'])?.eid).to.equal('eid:p:b');
    expect(chooseMaintainer(c, ratings, at, ['eid:p:a', 'eid:p:b', 'eid:p:c'])).to.deep.equal({ eid: 'eid:p:far', distance2: 250000n });
    expect(chooseMaintainer([], ratings, at, [])).to.equal(undefined);
  });
});
