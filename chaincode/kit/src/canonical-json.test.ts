import { expect } from 'chai';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 'q' }], c: null } })).to.equal(
      '{"a":{"c":null,"d":[2,{"x":"q","z":1}]},"b":1}',
    );
  });

  it('gives the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).to.equal(canonicalJson({ y: 2, x: 1 }));
  });

  it('refuses values that are not deterministic JSON', () => {
    expect(() => canonicalJson({ a: NaN })).to.throw(/\$\.a: non-finite/);
    expect(() => canonicalJson({ amount: 5n })).to.throw(/\$\.amount: bigint/);
  });
});
