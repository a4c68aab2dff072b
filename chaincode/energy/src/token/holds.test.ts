import { expect } from 'chai';
import { captureHold, createHold, expireHold, held, releaseHold, type Hold } from './holds';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const at = (iso: string): EnergyEnv => envAt(iso, `tx@${iso}`, 'x');
const T0 = '2026-01-01T00:00:00.000Z';
const EXP = '2026-01-02T00:00:00.000Z';

function open(amount = 1000n): Hold {
  return createHold({ id: 'hold:1', asset: 'DECC', payer: 'eid:p:a', payee: 'eid:p:b', amount, expiresAt: EXP }, at(T0)).state;
}

describe('holds (escrow)', () => {
  it('holds the whole amount while open', () => {
    const h = open();
    expect(h.status).to.equal('open');
    expect(held(h)).to.equal(1000n);
  });

  it('refuses an expiry in the past and a payee equal to the payer, naming the field', () => {
    expect(() => createHold({ id: 'h', asset: 'DEC', payer: 'a', payee: 'b', amount: 1n, expiresAt: T0 }, at(T0))).to.throw(/request\.expiresAt/);
    expect(() => createHold({ id: 'h', asset: 'DEC', payer: 'a', payee: 'a', amount: 1n, expiresAt: EXP }, at(T0))).to.throw(/request\.payee/);
  });

  it('captures part and releases the rest to the payer; the split adds up', () => {
    const s = captureHold(open(), 600n, at('2026-01-01T12:00:00.000Z'));
    expect(s.toPayee).to.equal(600n);
    expect(s.toPayer).to.equal(400n);
    expect(s.state).to.include({ status: 'captured', captured: '600' });
    expect(held(s.state)).to.equal(0n);
    expect(s.events[0]).to.deep.include({ name: 'HoldCaptured' });
  });

  it('captures all', () => {
    const s = captureHold(open(), 1000n, at(T0));
    expect([s.toPayee, s.toPayer]).to.deep.equal([1000n, 0n]);
  });

  it('refuses capturing more than held, nothing, or after expiry', () => {
    expect(() => captureHold(open(), 1001n, at(T0))).to.throw(/request\.amount: must be at most the held 1000/);
    expect(() => captureHold(open(), 0n, at(T0))).to.throw(/request\.amount/);
    expect(() => captureHold(open(), 1n, at(EXP))).to.throw(/expired/);
  });

  it('releases everything back to the payer', () => {
    const s = releaseHold(open(), at(T0));
    expect([s.toPayee, s.toPayer, s.state.status]).to.deep.equal([0n, 1000n, 'released']);
  });

  it('expires only from expiresAt on', () => {
    expect(() => expireHold(open(), at('2026-01-01T23:59:59.999Z'))).to.throw(/does not expire until/);
    const s = expireHold(open(), at(EXP));
    expect([s.toPayer, s.state.status]).to.deep.equal([1000n, 'expired']);
  });

  it('ends exactly once', () => {
    const closed = releaseHold(open(), at(T0)).state;
    expect(() => captureHold(closed, 1n, at(T0))).to.throw(/already released/);
    expect(() => expireHold(closed, at(EXP))).to.throw(/already released/);
    expect(() => releaseHold(closed, at(T0))).to.throw(/already released/);
  });
});
