import { expect } from 'chai';
import { audit, type Snapshot } from './audit';
import { allocate, DEFAULT_SPLIT_BPS, planGenesis } from './genesis';
import { Journal } from './journal';
import { DEC_TOTAL_SUPPLY } from './units';
import type { EnergyEnv } from '../common/env';
import { envAt } from '../test-support/env';

const tx: EnergyEnv = envAt('2026-01-01T00:00:00.000Z', 'tx1', 'op');

describe('genesis allocation', () => {
  it('splits exactly 319,000,000 DEC by the default 60/15/25', () => {
    const a = allocate(DEFAULT_SPLIT_BPS);
    expect(DEC_TOTAL_SUPPLY).to.equal(319_000_000n * 10n ** 18n);
    expect(a.ecology + a.team + a.others).to.equal(DEC_TOTAL_SUPPLY);
    expect(a.team).to.equal(47_850_000n * 10n ** 18n);
  });

  it('refuses a split that does not sum to 10000 bps, naming the field', () => {
    expect(() => allocate({ ecology: 5000, team: 2000, others: 2000 })).to.throw(/VALIDATION: request\.splitBps: must sum to 10000/);
  });

  it('happens once', () => {
    const first = planGenesis(undefined, DEFAULT_SPLIT_BPS, tx);
    expect(first.state.mints.map((m) => m.account)).to.deep.equal(['sys:ecology', 'sys:team', 'sys:others']);
    expect(() => planGenesis(first.state.genesis, DEFAULT_SPLIT_BPS, tx)).to.throw(/never minted again/);
  });
});

describe('journal conservation', () => {
  it('accepts a balanced transfer with a fee and a mint against issuance', () => {
    const j = new Journal();
    j.post('DEC', 'eid:p:a', -105n);
    j.post('DEC', 'eid:p:b', 100n);
    j.post('DEC', 'sys:fees', 5n);
    j.mint('DECC', 50n);
    j.post('DECC', 'eid:p:a', 50n);
    expect(() => {
      j.assertConserved();
    }).not.to.throw();
    expect(j.supplyChanges()).to.deep.equal([{ asset: 'DECC', minted: 50n, burned: 0n }]);
  });

  it('refuses value created from nothing', () => {
    const j = new Journal();
    j.post('DECC', 'eid:p:a', 1n);
    expect(() => {
      j.assertConserved();
    }).to.throw(/DECC not conserved/);
  });
});

describe('audit of invariants', () => {
  const g = planGenesis(undefined, DEFAULT_SPLIT_BPS, tx).state;
  const good: Snapshot = {
    genesis: g.genesis,
    balances: g.mints.map((m) => ({ asset: 'DEC' as const, account: m.account, amount: m.amount.toString() })),
    credits: [{ asset: 'DECC', account: 'eid:p:a', amount: '70' }],
    holds: [],
    deposits: [],
    supply: [
      { asset: 'DEC', minted: DEC_TOTAL_SUPPLY.toString(), burned: '0' },
      { asset: 'DECC', minted: '100', burned: '30' },
    ],
  };

  it('passes a consistent ledger', () => {
    const r = audit(good);
    expect(r.ok, JSON.stringify(r.checks)).to.equal(true);
    expect(r.totals.DECC).to.deep.equal({ held: '70', minted: '100', burned: '30' });
  });

  it('flags DEC that appeared from nowhere and DECC without backing record', () => {
    const r = audit({ ...good, credits: [...good.credits, { asset: 'DEC', account: 'eid:p:a', amount: '1' }, { asset: 'DECC', account: 'eid:p:b', amount: '1' }] });
    expect(r.ok).to.equal(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).to.deep.equal(['dec-held-equals-supply', 'decc-held-equals-minted-minus-burned']);
  });

  it('flags a negative or malformed amount and a second DEC mint', () => {
    const r = audit({ ...good, balances: [...good.balances, { asset: 'DECC', account: 'x', amount: '-5' }], supply: [...good.supply, { asset: 'DEC', minted: '1', burned: '0' }] });
    const failed = r.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).to.include.members(['no-negative-amounts', 'dec-minted-once']);
  });
});
