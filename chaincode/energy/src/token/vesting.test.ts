import { expect } from 'chai';
import { allocate, DEFAULT_SPLIT_BPS } from './genesis';
import { anniversary, release, releasable, schedule, vestedAt, type Vesting } from './vesting';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const GENESIS = '2026-01-15T08:00:00.000Z';
const tx = (at: string): EnergyEnv => envAt(at, 'tx1', 'op');
const before = (iso: string): string => new Date(Date.parse(iso) - 1).toISOString();

describe('team vesting (20/20/30/30 at the end of years 1-4)', () => {
  const total = allocate(DEFAULT_SPLIT_BPS).team;

  it('releases nothing before the first anniversary', () => {
    expect(vestedAt(total, GENESIS, GENESIS)).to.equal(0n);
    expect(vestedAt(total, GENESIS, before('2027-01-15T08:00:00.000Z'))).to.equal(0n);
  });

  it('steps to 20%, 40%, 70% and 100% exactly at each anniversary', () => {
    const expected = [20n, 40n, 70n, 100n].map((pct) => (total * pct) / 100n);
    for (let year = 1; year <= 4; year++) {
      const at = anniversary(GENESIS, year);
      expect(at).to.equal(`${2026 + year}-01-15T08:00:00.000Z`);
      expect(vestedAt(total, GENESIS, before(at)), `just before year ${year}`).to.equal(year === 1 ? 0n : expected[year - 2]);
      expect(vestedAt(total, GENESIS, at), `at year ${year}`).to.equal(expected[year - 1]);
    }
    expect(vestedAt(total, GENESIS, '2040-01-01T00:00:00.000Z')).to.equal(total);
  });

  it('adds up to exactly the allocation, even for an amount not divisible by 10', () => {
    const odd = 1_000_000_000_000_000_007n;
    const steps = schedule(odd, GENESIS);
    expect(steps.at(-1)?.cumulative).to.equal(odd);
    expect(vestedAt(odd, GENESIS, '2031-01-01T00:00:00.000Z')).to.equal(odd);
  });

  it('rolls a 29 February genesis to 1 March in non-leap years', () => {
    expect(anniversary('2028-02-29T00:00:00.000Z', 1)).to.equal('2029-03-01T00:00:00.000Z');
    expect(anniversary('2028-02-29T00:00:00.000Z', 4)).to.equal('2032-02-29T00:00:00.000Z');
  });

  it('releases only what has vested and remembers what was released', () => {
    const v: Vesting = { total: total.toString(), released: '0', genesisAt: GENESIS };
    const year1 = '2027-01-15T08:00:00.000Z';
    expect(() => release(v, undefined, 'eid:p:x', tx(GENESIS))).to.throw(/no team tokens are releasable/);
    expect(() => release(v, 1n, 'eid:p:x', tx(GENESIS))).to.throw(/only 0 team base units are releasable/);
    const part = release(v, 5n, 'eid:p:x', tx(year1));
    expect(part.state.released).to.equal('5');
    expect(releasable(part.state, year1)).to.equal((total * 20n) / 100n - 5n);
    const rest = release(part.state, undefined, 'eid:p:x', tx(year1));
    expect(rest.amount).to.equal((total * 20n) / 100n - 5n);
    expect(() => release(rest.state, undefined, 'eid:p:x', tx(year1))).to.throw(/no team tokens are releasable/);
    expect(() => release(rest.state, total, 'eid:p:x', tx('2028-01-15T08:00:00.000Z'))).to.throw(/only .* releasable/);
    expect(rest.events[0]?.name).to.equal('TeamTokensReleased');
  });
});
