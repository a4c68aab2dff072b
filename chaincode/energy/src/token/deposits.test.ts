import { expect } from 'chai';
import { closeObligation, emptyDeposit, lock, openObligation, slash, withdraw } from './deposits';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const tx: EnergyEnv = envAt('2026-01-01T00:00:00.000Z', 'tx1', 'x');

describe('business deposits', () => {
  const base = lock(emptyDeposit('eid:p:a'), 1000n, tx).state;

  it('locks and withdraws while no obligation is open', () => {
    expect(base.amount).to.equal('1000');
    expect(withdraw(base, 400n, tx).state.amount).to.equal('600');
    expect(() => withdraw(base, 1001n, tx)).to.throw(/cannot withdraw 1001/);
  });

  it('blocks withdrawal while an obligation is open, and frees it when closed', () => {
    const busy = openObligation(base, 'order:1', 'market order', tx).state;
    expect(busy.obligations).to.deep.equal(['order:1']);
    expect(() => withdraw(busy, 1n, tx)).to.throw(/open obligation/);
    const free = closeObligation(busy, 'order:1', tx).state;
    expect(withdraw(free, 1000n, tx).state.amount).to.equal('0');
  });

  it('refuses duplicate obligations, unknown ones, and obligations without a deposit', () => {
    const busy = openObligation(base, 'order:1', undefined, tx).state;
    expect(() => openObligation(busy, 'order:1', undefined, tx)).to.throw(/already open/);
    expect(() => closeObligation(busy, 'order:2', tx)).to.throw(/request\.obligationId/);
    expect(() => openObligation(emptyDeposit('eid:p:b'), 'o', undefined, tx)).to.throw(/no deposit/);
  });

  it('slashes to a counterparty, at most what the deposit holds', () => {
    const partial = slash(base, 300n, 'eid:p:b', 'under-delivery', undefined, tx);
    expect([partial.taken, partial.state.amount]).to.deep.equal([300n, '700']);
    expect(partial.events[0]?.payload).to.include({ to: 'eid:p:b', amount: '300', reason: 'under-delivery' });
    const all = slash(partial.state, 5000n, 'eid:p:b', 'default', undefined, tx);
    expect([all.taken, all.state.amount]).to.deep.equal([700n, '0']);
    expect(() => slash(all.state, 1n, 'eid:p:b', 'again', undefined, tx)).to.throw(/empty/);
  });

  it('can close the obligation it penalises', () => {
    const busy = openObligation(base, 'order:9', undefined, tx).state;
    const s = slash(busy, 100n, 'eid:p:b', 'late', 'order:9', tx);
    expect(s.state.obligations).to.deep.equal([]);
  });
});
