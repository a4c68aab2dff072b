import { expect } from 'chai';
import { currentRate, decForDecc, deccForDec, postRate, quoteMint, quoteRedeem, type Rate } from './exchange';
import { ONE_DEC } from './units';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const tx: EnergyEnv = envAt('2026-01-01T00:00:00.000Z', 'tx1', 'op');
const e18 = (s: string): bigint => BigInt(postRate(s, tx).state.rateE18);

describe('DECC mint and redeem at the posted rate', () => {
  it('stores the rate as an integer scaled by 10^18 and normalises its text', () => {
    expect(postRate('0.50', tx).state).to.include({ deccPerDec: '0.5', rateE18: (ONE_DEC / 2n).toString() });
    expect(postRate('12', tx).state.rateE18).to.equal((12n * ONE_DEC).toString());
    expect(postRate('0.000000000000000001', tx).state.rateE18).to.equal('1');
    expect(postRate('2', tx).events[0]?.name).to.equal('RatePosted');
  });

  it('mints DECC base units for DEC base units: 1 DEC at 0.5 DECC/DEC = 50 cents', () => {
    expect(deccForDec(ONE_DEC, e18('0.5'))).to.equal(50n);
    expect(deccForDec(3n * ONE_DEC, e18('1.25'))).to.equal(375n);
  });

  it('redeems DEC for DECC: 50 cents at 0.5 DECC/DEC = 1 DEC', () => {
    expect(decForDecc(50n, e18('0.5'))).to.equal(ONE_DEC);
    expect(decForDecc(1n, e18('3'))).to.equal(ONE_DEC / 300n);
  });

  it('rounds down both ways, so a mint-redeem round trip never creates DEC', () => {
    for (const rate of ['0.3', '1', '7.77', '0.0001']) {
      for (const dec of [ONE_DEC, ONE_DEC * 123n + 456n, 10n ** 25n + 1n]) {
        const decc = deccForDec(dec, e18(rate));
        if (decc === 0n) continue;
        expect(decForDecc(decc, e18(rate)) <= dec, `rate ${rate}, dec ${dec}`).to.equal(true);
      }
    }
  });

  it('refuses amounts too small to convert, naming the field', () => {
    expect(() => quoteMint(1n, e18('0.5'))).to.throw(/request\.decAmount: is too small/);
    expect(() => quoteRedeem(0n, e18('0.5'))).to.throw(/request\.deccAmount: is too small/);
  });

  it('requires a posted rate and, if the client says which, that it is still the one', () => {
    expect(() => currentRate(undefined, undefined)).to.throw(/has not posted/);
    const rate: Rate = postRate('0.5', tx).state;
    expect(currentRate(rate, '0.50')).to.equal(e18('0.5'));
    expect(() => currentRate(rate, '0.6')).to.throw(/CONFLICT: the posted rate is now 0.5/);
  });
});
