import { expect } from 'chai';
import { cannotPass, passes, totalWeight, weightOf } from './logic';
import type { Committee } from './state';

const eid = (n: number): string => `eid:p:${n.toString(16).padStart(32, '0')}`;
const committee = (n: number): Committee => ({ term: 1, source: 'bootstrap', members: Array.from({ length: n }, (_, i) => eid(i)), secretaryGeneral: eid(0), since: '2026-01-01T00:00:00.000Z', txId: 't' });

describe('committee vote counting (white paper 8.3.3, 8.4.3)', () => {
  it('gives each core member one vote, the secretary general two, anyone else none', () => {
    const c = committee(9);
    expect(weightOf(c, eid(0))).to.equal(2);
    expect(weightOf(c, eid(8))).to.equal(1);
    expect(weightOf(c, eid(99))).to.equal(0);
    expect(totalWeight(c)).to.equal(10);
  });

  it('passes with more than half of all votes: 6 of 10 passes, 5 of 10 does not', () => {
    expect(passes(6, 10)).to.equal(true);
    expect(passes(5, 10)).to.equal(false);
    expect(passes(3, 4)).to.equal(true);
    expect(passes(2, 4)).to.equal(false);
  });

  it('a half against means it can no longer pass, so a tie is a rejection', () => {
    expect(cannotPass(5, 10)).to.equal(true);
    expect(cannotPass(4, 10)).to.equal(false);
    expect(cannotPass(2, 4)).to.equal(true);
  });
});
