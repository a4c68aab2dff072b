import { expect } from 'chai';
import { dec, EnergyWorld, operator, regulator, user } from '../test-support/energy-world';
import type { Hold } from './holds';
import { DEC_TOTAL_SUPPLY, ONE_DEC } from './units';

const alice = user('alice', 'SupplierMSP');
const bob = user('bob', 'BankMSP');
const carol = user('carol', 'LessorMSP');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Supply = { DEC: { total: string; circulating: string; pools: Record<string, string> }; DECC: { total: string; minted: string; burned: string; rewardPool: string } };

describe('token contract scenarios (invariants audited after each)', () => {
  let w: EnergyWorld;
  let A: string;
  let B: string;
  let C: string;

  beforeEach(async () => {
    w = new EnergyWorld();
    A = await w.onboard(alice);
    B = await w.onboard(bob);
    C = await w.onboard(carol);
  });

  afterEach(async () => {
    await w.expectInvariants();
  });

  describe('genesis', () => {
    it('mints exactly 319,000,000 DEC once, into the three allocation pools', async () => {
      const out = await w.tx('token', 'Genesis', operator, {});
      expect(out.events[0]?.name).to.equal('DecGenesis');
      const s = await w.call<Supply>('token', 'Supply', bob);
      expect(s.DEC.total).to.equal(DEC_TOTAL_SUPPLY.toString());
      expect(s.DEC.circulating).to.equal('0');
      expect(s.DEC.pools).to.deep.equal({ 'sys:ecology': dec(191_400_000), 'sys:team': dec(47_850_000), 'sys:others': dec(79_750_000), 'sys:reserve': '0' });
      const again = await w.fails('token', 'Genesis', operator, { splitBps: { ecology: 10000, team: 0, others: 0 } });
      expect(again.message).to.match(/^CONFLICT: DEC genesis already happened .* DEC is never minted again/);
      const info = await w.call<{ vesting: { schedule: { at: string }[]; releasableNow: string } }>('token', 'GetGenesis', bob);
      expect(info.vesting.schedule.map((x) => x.at)).to.deep.equal(['2027', '2028', '2029', '2030'].map((y) => `${y}-01-01T00:00:00.000Z`));
      expect(info.vesting.releasableNow).to.equal('0');
    });

    it('takes the split as a parameter', async () => {
      await w.call('token', 'Genesis', operator, { splitBps: { ecology: 5000, team: 2000, others: 3000 } });
      const s = await w.call<Supply>('token', 'Supply', bob);
      expect(s.DEC.pools['sys:team']).to.equal(dec(63_800_000));
    });

    it('holds an empty, consistent ledger before genesis', async () => {
      const report = await w.audit();
      expect(report.ok).to.equal(true);
      expect(report.totals.DEC.held).to.equal('0');
    });
  });

  describe('transfers and fees', () => {
    beforeEach(async () => {
      await w.genesis();
      await w.fundDec(A, 1000);
    });

    it('moves DEC, records history on both sides and emits Transferred', async () => {
      const out = await w.tx('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(100), memo: 'panel rent' });
      expect(out.events).to.deep.equal([{ name: 'Transferred', payload: { from: A, to: B, asset: 'DEC', amount: dec(100), fee: '0', memo: 'panel rent' } }]);
      expect(await w.balance(A, 'DEC')).to.equal(900n * ONE_DEC);
      expect(await w.balance(B, 'DEC')).to.equal(100n * ONE_DEC);
      const hist = await w.call<{ items: { op: string; direction: string; amount: string; counterparties: string[] }[] }>('token', 'History', bob, { account: B, asset: 'DEC' });
      expect(hist.items).to.have.length(1);
      expect(hist.items[0]).to.include({ op: 'Transfer', direction: 'in', amount: dec(100) });
      expect(hist.items[0]?.counterparties).to.deep.equal([A]);
      const s = await w.call<Supply>('token', 'Supply', bob);
      expect(s.DEC.circulating).to.equal(dec(1000));
    });

    it('charges the posted fee to the payer and credits the fee account, which the platform can pay out', async () => {
      await w.setFees({ DEC: { bps: 100, min: '0' } });
      const r = await w.call<{ fee: string }>('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(100) });
      expect(r.fee).to.equal(dec(1));
      expect(await w.balance(A, 'DEC')).to.equal(899n * ONE_DEC);
      expect(await w.balance('sys:fees', 'DEC')).to.equal(ONE_DEC);
      await w.call('token', 'Transfer', operator, { from: 'sys:fees', to: C, asset: 'DEC', amount: dec(1) });
      expect(await w.balance(C, 'DEC')).to.equal(ONE_DEC);
      expect(await w.call('token', 'GetFees', bob)).to.deep.equal({ DEC: { bps: 100, min: '0' }, DECC: { bps: 0, min: '0' } });
    });

    it('refuses overspending, and moves nothing', async () => {
      const before = w.stateFingerprint();
      const err = await w.fails('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(1001) });
      expect(err.message).to.equal(`CONFLICT: insufficient DEC in ${A}: has ${dec(1000)}, needs ${dec(1001)}`);
      expect(w.stateFingerprint()).to.equal(before);
    });

    it('spends credits received by folding them into the base when the base is short', async () => {
      await w.call('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(10) });
      await w.call('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(15) });
      const bal = await w.call<{ consolidated: string; pending: string; pendingCredits: number }>('token', 'Balance', bob, { account: B, asset: 'DEC' });
      expect(bal).to.include({ consolidated: '0', pending: dec(25), pendingCredits: 2 });
      await w.call('token', 'Transfer', bob, { from: B, to: C, asset: 'DEC', amount: dec(20) });
      const after = await w.call<{ consolidated: string; pending: string; pendingCredits: number }>('token', 'Balance', bob, { account: B, asset: 'DEC' });
      expect(after).to.include({ consolidated: dec(5), pending: '0', pendingCredits: 0 });
    });

    it('consolidates given credits (or all) without changing the balance', async () => {
      for (const n of [1, 2, 3]) await w.call('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: dec(n) });
      const credits = await w.call<{ items: { id: string; amount: string; from: string }[] }>('token', 'Credits', bob, { account: B, asset: 'DEC' });
      // Largest first (credit-book.ts); an ID is <txId>/<n>/<amount>.
      expect(credits.items.map((c) => c.amount)).to.deep.equal([dec(3), dec(2), dec(1)]);
      expect(credits.items[0]?.id).to.match(new RegExp(`/0/${dec(3)}$`));
      const ids = credits.items.slice(1).map((c) => c.id);
      const r = await w.tx('token', 'Consolidate', bob, { account: B, asset: 'DEC', credits: [...ids, 'tx999999/0/5'] });
      expect(r.result).to.deep.include({ folded: 2, amount: dec(3), skipped: ['tx999999/0/5'] });
      expect(r.events[0]?.name).to.equal('CreditsConsolidated');
      const bal = await w.call<{ balance: string; consolidated: string; pendingCredits: number }>('token', 'Balance', bob, { account: B, asset: 'DEC' });
      expect(bal).to.include({ balance: dec(6), consolidated: dec(3), pendingCredits: 1 });
      await w.call('token', 'Consolidate', operator, { account: B, asset: 'DEC' });
      expect(await w.call('token', 'Balance', bob, { account: B, asset: 'DEC' })).to.include({ consolidated: dec(6), pendingCredits: 0 });
    });

    it('lets a suspended participant receive but not send', async () => {
      await w.call('identity', 'Suspend', operator, { eid: A, reason: 'review' });
      const err = await w.fails('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: '1' });
      expect(err.message).to.match(/^ACCESS_DENIED: eID .* is suspended/);
      await w.call('identity', 'Reinstate', operator, { eid: A });
      await w.call('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: '1' });
      await w.call('identity', 'Suspend', operator, { eid: B, reason: 'review' });
      await w.call('token', 'Transfer', alice, { from: A, to: B, asset: 'DEC', amount: '1' });
      expect(await w.balance(B, 'DEC')).to.equal(2n);
    });

    it('never pays a pending participant or an allocation pool', async () => {
      const pending = (await w.call<{ eid: string }>('identity', 'Register', user('dave'), { kycHash: 'd'.repeat(64), roles: ['consumer'] })).eid;
      expect((await w.fails('token', 'Transfer', alice, { from: A, to: pending, asset: 'DEC', amount: '1' })).message).to.match(/is pending and cannot receive/);
      expect((await w.fails('token', 'Transfer', alice, { from: A, to: 'sys:team', asset: 'DEC', amount: '1' })).message).to.match(/sys:team cannot receive/);
      expect((await w.fails('token', 'Transfer', alice, { from: A, to: 'sys:rewards', asset: 'DEC', amount: '1' })).message).to.match(/sys:rewards does not hold DEC/);
    });

    it('refuses a pool release batch replay', async () => {
      const decisionId = await w.decide({ kind: 'EcologyPlan', year: new Date(w.h.nowMs).getUTCFullYear(), amount: '100' });
      await w.call('token', 'ReleaseBatch', operator, { pool: 'ecology', batchId: '2026-Q1', payouts: [{ to: B, amount: '5' }, { to: C, amount: '7' }], decisionId });
      const err = await w.fails('token', 'ReleaseBatch', operator, { pool: 'ecology', batchId: '2026-Q1', payouts: [{ to: B, amount: '5' }], decisionId });
      expect(err.message).to.match(/^CONFLICT: batch 2026-Q1 of sys:ecology was already released/);
      expect(await w.balance(C, 'DEC')).to.equal(7n);
    });
  });

  describe('allowances', () => {
    beforeEach(async () => {
      await w.genesis();
      await w.fundDec(A, 100);
    });

    it('lets a spender move the owner\'s tokens within the allowance', async () => {
      await w.call('token', 'Approve', alice, { owner: A, spender: B, asset: 'DEC', amount: '50' });
      const out = await w.tx('token', 'TransferFrom', bob, { owner: A, spender: B, to: C, asset: 'DEC', amount: '30' });
      expect(out.result).to.include({ allowanceLeft: '20' });
      expect(out.events[0]?.name).to.equal('TransferredFrom');
      expect(await w.balance(C, 'DEC')).to.equal(30n);
      expect(await w.call('token', 'Allowance', bob, { owner: A, spender: B, asset: 'DEC' })).to.include({ amount: '20' });
      const over = await w.fails('token', 'TransferFrom', bob, { owner: A, spender: B, to: C, asset: 'DEC', amount: '21' });
      expect(over.message).to.match(/^CONFLICT: allowance of .* is 20; needs 21/);
      await w.call('token', 'Approve', alice, { owner: A, spender: B, asset: 'DEC', amount: '0' });
      expect(await w.call('token', 'Allowance', alice, { owner: A, spender: B, asset: 'DEC' })).to.include({ amount: '0' });
    });

    it('counts the fee against the allowance, and stops when the owner is suspended', async () => {
      await w.setFees({ DEC: { bps: 0, min: '2' } });
      await w.call('token', 'Approve', alice, { owner: A, spender: B, asset: 'DEC', amount: '12' });
      await w.call('token', 'TransferFrom', bob, { owner: A, spender: B, to: C, asset: 'DEC', amount: '10' });
      expect(await w.call('token', 'Allowance', bob, { owner: A, spender: B, asset: 'DEC' })).to.include({ amount: '0' });
      await w.call('token', 'Approve', alice, { owner: A, spender: B, asset: 'DEC', amount: '12' });
      await w.call('identity', 'Suspend', operator, { eid: A, reason: 'review' });
      const err = await w.fails('token', 'TransferFrom', bob, { owner: A, spender: B, to: C, asset: 'DEC', amount: '1' });
      expect(err.message).to.match(/^ACCESS_DENIED: owner .* is suspended/);
    });
  });

  describe('holds', () => {
    beforeEach(async () => {
      await w.genesis();
      await w.fundDec(A, 100);
    });

    const create = async (amount = dec(10), expiresAt = '2026-01-01T01:00:00Z') =>
      w.call<Hold>('token', 'CreateHold', alice, { payer: A, payee: B, asset: 'DEC', amount, expiresAt, ref: 'order-1' });

    it('escrows the payer\'s funds, then the payee captures part and the rest returns', async () => {
      const h = await create();
      expect(h.id).to.match(/^hold:[0-9a-f]{32}$/);
      expect(h.expiresAt).to.equal('2026-01-01T01:00:00.000Z');
      expect(await w.balance(A, 'DEC')).to.equal(90n * ONE_DEC);
      const stranger = await w.fails('token', 'CaptureHold', carol, { holdId: h.id, amount: dec(1) });
      expect(stranger.message).to.match(/^ACCESS_DENIED: caller is not bound to eID/);
      const payerRelease = await w.fails('token', 'ReleaseHold', alice, { holdId: h.id });
      expect(payerRelease.message).to.match(/^ACCESS_DENIED/);
      const out = await w.tx('token', 'CaptureHold', bob, { holdId: h.id, amount: dec(6) });
      expect(out.events[0]?.payload).to.include({ captured: dec(6), returned: dec(4) });
      expect(await w.balance(A, 'DEC')).to.equal(94n * ONE_DEC);
      expect(await w.balance(B, 'DEC')).to.equal(6n * ONE_DEC);
      const list = await w.call<{ items: Hold[] }>('token', 'Holds', alice, { account: A });
      expect(list.items.map((x) => x.status)).to.deep.equal(['captured']);
      expect((await w.call<Hold>('token', 'GetHold', bob, { holdId: h.id })).captured).to.equal(dec(6));
    });

    it('is released in full by the payee or the platform', async () => {
      const h = await create();
      await w.call('token', 'ReleaseHold', operator, { holdId: h.id });
      expect(await w.balance(A, 'DEC')).to.equal(100n * ONE_DEC);
      expect((await w.fails('token', 'CaptureHold', bob, { holdId: h.id, amount: '1' })).message).to.match(/already released/);
    });

    it('expires only after its expiry time, back to the payer', async () => {
      const h = await create();
      expect((await w.fails('token', 'ExpireHold', alice, { holdId: h.id })).message).to.match(/^CONFLICT: hold .* does not expire until/);
      w.h.advance(HOUR);
      expect((await w.fails('token', 'CaptureHold', bob, { holdId: h.id, amount: '1' })).message).to.match(/expired at/);
      expect((await w.fails('token', 'ExpireHold', carol, { holdId: h.id })).message).to.match(/only the payer, the payee or the platform/);
      const out = await w.tx('token', 'ExpireHold', alice, { holdId: h.id });
      expect(out.events[0]?.name).to.equal('HoldExpired');
      expect(await w.balance(A, 'DEC')).to.equal(100n * ONE_DEC);
    });

    it('cannot hold more than the payer has, or expire in the past', async () => {
      expect((await w.fails('token', 'CreateHold', alice, { payer: A, payee: B, asset: 'DEC', amount: dec(101), expiresAt: '2026-01-02T00:00:00Z' })).message).to.match(/insufficient DEC/);
      expect((await w.fails('token', 'CreateHold', alice, { payer: A, payee: B, asset: 'DEC', amount: '1', expiresAt: '2025-12-31T00:00:00Z' })).message).to.match(/^VALIDATION: request\.expiresAt: must be after/);
    });
  });

  describe('business deposits', () => {
    beforeEach(async () => {
      await w.genesis();
      await w.fundDec(A, 100);
    });

    it('locks DEC, blocks withdrawal while an obligation is open, slashes to the counterparty', async () => {
      await w.call('token', 'LockDeposit', alice, { account: A, amount: dec(40) });
      expect(await w.balance(A, 'DEC')).to.equal(60n * ONE_DEC);
      await w.call('token', 'OpenObligation', operator, { account: A, obligationId: 'order:42', ref: 'sell 10 kWh' });
      expect((await w.fails('token', 'WithdrawDeposit', alice, { account: A, amount: '1' })).message).to.match(/^CONFLICT: deposit of .* backs 1 open obligation/);
      expect((await w.fails('token', 'SlashDeposit', bob, { account: A, to: B, amount: '1', reason: 'mine!' })).message).to.match(/^ACCESS_DENIED/);
      const s = await w.tx('token', 'SlashDeposit', operator, { account: A, to: B, amount: dec(15), reason: 'under-delivered slot 12', obligationId: 'order:42' });
      expect(s.events[0]?.name).to.equal('DepositSlashed');
      expect(await w.balance(B, 'DEC')).to.equal(15n * ONE_DEC);
      expect(await w.call('token', 'GetDeposit', alice, { account: A })).to.include({ amount: dec(25) });
      await w.call('token', 'WithdrawDeposit', alice, { account: A, amount: dec(25) });
      expect(await w.balance(A, 'DEC')).to.equal(85n * ONE_DEC);
      const s2 = await w.call<Supply>('token', 'Supply', bob);
      expect(s2.DEC.circulating).to.equal(dec(100));
    });

    it('slashes to the fee account, and reports an empty deposit for a newcomer', async () => {
      await w.call('token', 'LockDeposit', alice, { account: A, amount: '10' });
      await w.call('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: '100', reason: 'fraud' });
      expect(await w.balance('sys:fees', 'DEC')).to.equal(10n);
      expect(await w.call('token', 'GetDeposit', bob, { account: B })).to.deep.equal({ account: B, amount: '0', obligations: [], updatedAt: '' });
    });
  });

  describe('DECC stable points', () => {
    beforeEach(async () => {
      await w.genesis();
      await w.fundDec(A, 100);
    });

    it('mints DECC only against DEC locked in the reserve, and redeems at the posted rate', async () => {
      expect((await w.fails('token', 'MintDecc', alice, { account: A, decAmount: dec(1) })).message).to.match(/has not posted a DEC\/DECC rate/);
      await w.postRate('0.5');
      const m = await w.tx('token', 'MintDecc', alice, { account: A, decAmount: dec(40), expectedRate: '0.5' });
      expect(m.result).to.include({ deccAmount: '2000' });
      expect(m.events[0]?.name).to.equal('DeccMinted');
      expect(await w.balance(A, 'DECC')).to.equal(2000n);
      expect(await w.balance('sys:reserve', 'DEC')).to.equal(40n * ONE_DEC);
      let s = await w.call<Supply>('token', 'Supply', bob);
      expect(s.DECC).to.include({ total: '2000', minted: '2000', burned: '0' });
      expect(s.DEC.circulating).to.equal(dec(60));
      const r = await w.call<{ decAmount: string }>('token', 'RedeemDecc', alice, { account: A, deccAmount: '500' });
      expect(r.decAmount).to.equal(dec(10));
      s = await w.call<Supply>('token', 'Supply', bob);
      expect(s.DECC).to.include({ total: '1500', minted: '2000', burned: '500' });
      expect(await w.balance(A, 'DEC')).to.equal(70n * ONE_DEC);
    });

    it('redeems only within the reserve, and refuses a stale expected rate', async () => {
      await w.postRate('1');
      await w.call('token', 'MintDecc', alice, { account: A, decAmount: dec(10) });
      await w.postRate('0.1');
      expect((await w.fails('token', 'RedeemDecc', alice, { account: A, deccAmount: '1000', expectedRate: '1' })).message).to.match(/^CONFLICT: the posted rate is now 0.1/);
      const err = await w.fails('token', 'RedeemDecc', alice, { account: A, deccAmount: '1000' });
      expect(err.message).to.equal(`CONFLICT: insufficient DEC in sys:reserve: has ${dec(10)}, needs ${dec(100)}`);
      await w.call('token', 'RedeemDecc', alice, { account: A, deccAmount: '100' });
      expect(await w.balance('sys:reserve', 'DEC')).to.equal(0n);
    });

    it('pays rewards only from a funded reward pool', async () => {
      await w.postRate('2');
      const empty = await w.fails('token', 'PayRewards', operator, { payouts: [{ to: A, amount: '100' }] });
      expect(empty.message).to.match(/^CONFLICT: insufficient DECC in sys:rewards/);
      await w.call('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(5) });
      expect(await w.balance('sys:rewards', 'DECC')).to.equal(1000n);
      const out = await w.tx('token', 'PayRewards', operator, { payouts: [{ to: A, amount: '300', reason: 'consumption' }, { to: B, amount: '200' }], memo: 'January' });
      expect(out.events[0]?.name).to.equal('RewardsPaid');
      expect(await w.balance(B, 'DECC')).to.equal(200n);
      expect((await w.call<Supply>('token', 'Supply', carol)).DECC).to.include({ total: '1000', rewardPool: '500' });
    });
  });

  describe('team vesting', () => {
    it('releases 20/20/30/30 at the end of years 1-4 and never more', async () => {
      await w.genesis();
      const team = 47_850_000n * ONE_DEC;
      expect((await w.fails('token', 'ReleaseVested', operator, { to: C })).message).to.match(/no team tokens are releasable/);
      w.h.advance(365 * DAY);
      const y1 = await w.call<{ amount: string }>('token', 'ReleaseVested', operator, { to: C });
      expect(y1.amount).to.equal(((team * 20n) / 100n).toString());
      expect((await w.fails('token', 'ReleaseVested', operator, { to: C, amount: '1' })).message).to.match(/only 0 team base units/);
      w.h.advance(3 * 366 * DAY);
      await w.call('token', 'ReleaseVested', operator, { to: B, amount: dec(1) });
      await w.call('token', 'ReleaseVested', operator, { to: C });
      expect(await w.balance(C, 'DEC')).to.equal(team - ONE_DEC);
      expect(await w.balance('sys:team', 'DEC')).to.equal(0n);
    });
  });

  describe('account privacy', () => {
    it('shows account details to the holder, the platform operator and regulators only', async () => {
      await w.genesis();
      await w.fundDec(A, 1);
      expect(await w.call('token', 'Balance', alice, { account: A, asset: 'DEC' })).to.include({ balance: dec(1) });
      expect(await w.call('token', 'Balance', regulator, { account: A, asset: 'DEC' })).to.include({ balance: dec(1) });
      expect(await w.call('token', 'Balance', operator, { account: 'sys:others', asset: 'DEC' })).to.include({ pendingCredits: 0 });
      for (const [tx, input] of [
        ['Balance', { account: A, asset: 'DEC' }],
        ['History', { account: A, asset: 'DEC' }],
        ['Credits', { account: A, asset: 'DEC' }],
        ['Holds', { account: A }],
        ['GetDeposit', { account: A }],
        ['Balance', { account: 'sys:fees', asset: 'DEC' }],
      ] as const) {
        const err = await w.fails('token', tx, bob, input);
        expect(err.message, tx).to.match(/^ACCESS_DENIED: caller may not read account/);
      }
    });
  });
});
