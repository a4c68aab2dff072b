import { expect } from 'chai';
import { AuthFailureLimit } from './auth-failures';

describe('AuthFailureLimit', () => {
  it('refuses an address only after `limit` failures, per address, until its window ends', () => {
    let now = 0;
    const limit = new AuthFailureLimit(2, 60_000, () => now);
    limit.check('a');
    limit.fail('a');
    limit.check('a');
    limit.fail('a');
    expect(() => {
      limit.check('a');
    }).to.throw(/too many failed authentications/);
    limit.check('b');
    now = 60_000;
    limit.check('a');
  });

  it('never counts requests that did not fail, however many are in flight', () => {
    const limit = new AuthFailureLimit(1);
    for (let i = 0; i < 1_000; i++) limit.check('busy-client');
    limit.check('busy-client');
  });
});
