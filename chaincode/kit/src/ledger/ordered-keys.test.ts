/** Ordered keys sort like composite keys, and descendingRank sorts amounts from the largest down. */
import { expect } from 'chai';
import { descendingRank, fromDescendingRank, orderedKey, orderedPrefixRange, splitOrderedKey } from './ordered-keys';

describe('kit ordered keys', () => {
  it('ranks integers from the largest down, across magnitudes, and reads them back', () => {
    const values = [0n, 1n, 5n, 9n, 10n, 99n, 100n, 999n, 1000n, 2000n, 10n ** 18n, 10n ** 77n, 10n ** 78n - 1n];
    const byRank = [...values].sort((a, b) => (descendingRank(a) < descendingRank(b) ? -1 : 1));
    expect(byRank).to.deep.equal([...values].reverse());
    for (const v of values) expect(fromDescendingRank(descendingRank(v))).to.equal(v);
    expect(() => descendingRank(-1n)).to.throw(RangeError);
    expect(() => descendingRank(10n ** 78n)).to.throw(RangeError);
  });

  it('builds simple keys (no leading U+0000) whose prefix range holds exactly the keys under it', () => {
    const key = orderedKey('t', 'a', 'b');
    expect(key.startsWith('\u0000')).to.equal(false);
    expect(splitOrderedKey(key)).to.deep.equal({ objectType: 't', attributes: ['a', 'b'] });
    const { start, end } = orderedPrefixRange('t', 'a');
    const inside = (k: string) => k >= start && k < end;
    expect([orderedKey('t', 'a'), orderedKey('t', 'a', 'b'), orderedKey('t', 'a', 'zz')].every(inside)).to.equal(true);
    expect([orderedKey('t', 'ab'), orderedKey('t', 'b'), orderedKey('u', 'a')].some(inside)).to.equal(false);
    expect(() => orderedKey('t', 'a\u0000b')).to.throw(/cannot be part of a key/);
  });
});
