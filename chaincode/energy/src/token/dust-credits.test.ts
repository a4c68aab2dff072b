/**
 * Issue 13, item 5 (the token part): every credit is a key of its own, and fees
 * default to zero, so anyone can send an account thousands of 1-unit credits.
 * Before the fix a debit whose base was short folded ALL of the payer's credits
 * in one range read: thousands of reads, and any new dust credit in the same
 * block made the debit fail with a phantom-read conflict. Now credits are keyed
 * largest first and a debit reads (and the peer re-checks) only the credits it
 * may need (credit-book.ts).
 */
import { BlockSimulator, type Endorsement } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import { MAX_FOLD } from './credit-book';
import { ONE_DEC } from './units';

const payer = user('dust-payer', 'SupplierMSP');
const merchant = user('dust-merchant', 'BankMSP');
const griefer = user('griefer', 'LessorMSP');
const DUST = 2000;

/** Entries the chaincode read, and keys the peer re-checks, over every bounded range read of an endorsement. */
const rangeCost = (e: Endorsement) => ({
  entries: e.rangeChecks.reduce((n, r) => n + r.entries, 0),
  checked: e.rangeChecks.reduce((n, r) => n + r.checked, 0),
});

describe('dust credits cannot freeze a payer (issue 13, item 5)', () => {
  let w: EnergyWorld;
  let P: string;
  let M: string;
  let G: string;
  let sim: BlockSimulator;

  /** `count` credits of 1 base unit each to `to`, out of the "others" pool (100 per batch). */
  const dust = async (to: string, count: number, tag: string) => {
    for (let b = 0; b * 100 < count; b++) {
      const payouts = Array.from({ length: Math.min(100, count - b * 100) }, () => ({ to, amount: '1' }));
      await w.call('token', 'ReleaseBatch', operator, { pool: 'others', batchId: `${tag}-${b}`, payouts });
    }
  };
  const transfer = (caller: typeof payer, from: string, to: string, amount: string) =>
    sim.endorse({ contract: w.token, method: 'Transfer', caller, args: [JSON.stringify({ from, to, asset: 'DEC', amount })] }, w.h.nowMs);

  beforeEach(async () => {
    w = new EnergyWorld();
    [P, M, G] = [await w.onboard(payer), await w.onboard(merchant), await w.onboard(griefer)];
    await w.genesis();
    sim = new BlockSimulator(w.h.world, 'dust');
  });

  afterEach(async () => {
    await w.expectInvariants();
  });

  it('debits a payer holding 2000 dust credits with a bounded read, while more dust commits in the same block', async () => {
    await w.fundDec(P, 10);
    await dust(P, DUST, 'dust');
    await w.fundDec(G, 1);
    const before = await w.balance(P, 'DEC');
    expect(before).to.equal(10n * ONE_DEC + BigInt(DUST));

    const pay = await transfer(payer, P, M, dec(4));
    expect(pay.error).to.equal(undefined);
    // One bounded range read: the 10 DEC credit; not one of the 2000 dust credits is read or re-checked.
    expect(rangeCost(pay)).to.deep.equal({ entries: 1, checked: 1 });
    // The griefer's dust, committed after the payment was endorsed (each in a block of its own, and
    // one more in the payment's block, ordered first), does not invalidate the payment.
    for (let i = 0; i < 4; i++) expect(sim.commitBlock([await transfer(griefer, G, P, '1')], w.h.nowMs)).to.deep.equal(['VALID']);
    const last = await transfer(griefer, G, P, '1');
    expect(sim.commitBlock([last, pay], w.h.nowMs)).to.deep.equal(['VALID', 'VALID']);

    // No unit lost or created: the payer has what it had, plus the new dust, minus what it paid.
    expect(await w.balance(P, 'DEC')).to.equal(before + 5n - 4n * ONE_DEC);
    expect(await w.balance(M, 'DEC')).to.equal(4n * ONE_DEC);
    const bal = await w.call<{ consolidated: string; pendingCredits: number }>('token', 'Balance', payer, { account: P, asset: 'DEC' });
    expect(bal).to.include({ consolidated: dec(6), pendingCredits: DUST + 5 });
  });

  it('folds the largest credits first, the fewest that cover the shortfall', async () => {
    for (const [n, amount] of [[1, 3], [2, 7], [3, 5]] as const) await w.fundDec(P, amount, `fund-${n}`);
    await dust(P, 300, 'dust');
    const pay = await transfer(payer, P, M, dec(11));
    expect(sim.commitBlock([pay], w.h.nowMs)).to.deep.equal(['VALID']);
    // 7 + 5 cover 11: the 3 DEC credit and the dust stay pending.
    const left = await w.call<{ items: { amount: string }[] }>('token', 'Credits', payer, { account: P, asset: 'DEC', pageSize: 2 });
    expect(left.items.map((c) => c.amount)).to.deep.equal([dec(3), '1']);
    const bal = await w.call<{ consolidated: string; pendingCredits: number }>('token', 'Balance', payer, { account: P, asset: 'DEC' });
    expect(bal).to.include({ consolidated: dec(1), pendingCredits: 301 });
    expect(await w.balance(P, 'DEC')).to.equal(4n * ONE_DEC + 300n);
  });

  it(`reads at most ${MAX_FOLD} credits: a debit only dust could pay is refused, and nothing changes`, async () => {
    await dust(P, 1000, 'dust');
    const fingerprint = w.stateFingerprint();
    const small = await transfer(payer, P, M, String(MAX_FOLD));
    expect(rangeCost(small).entries).to.be.at.most(MAX_FOLD);
    // The peer re-checks what it read with its read-ahead (a batch of 100 and one more), never all 1000.
    expect(rangeCost(small).checked).to.be.at.most(2 * 101);
    expect(sim.commitBlock([small], w.h.nowMs)).to.deep.equal(['VALID']);

    const big = await w.fails('token', 'Transfer', payer, { from: P, to: M, asset: 'DEC', amount: '500' });
    expect(big.message).to.match(new RegExp(`^CONFLICT: .*needs more than its ${MAX_FOLD} largest credits.*token:Consolidate`));
    expect(w.stateFingerprint()).to.not.equal(fingerprint); // (the first payment committed)
    const afterSmall = w.stateFingerprint();
    await w.fails('token', 'Transfer', payer, { from: P, to: M, asset: 'DEC', amount: '500' });
    expect(w.stateFingerprint()).to.equal(afterSmall);

    // The holder consolidates named credits (point reads), then the payment goes through.
    const ids: string[] = [];
    let bookmark = '';
    while (ids.length < 500) {
      const page = await w.call<{ items: { id: string }[]; bookmark: string }>('token', 'Credits', payer, { account: P, asset: 'DEC', pageSize: 100, bookmark });
      ids.push(...page.items.map((c) => c.id));
      bookmark = page.bookmark;
    }
    await w.call('token', 'Consolidate', payer, { account: P, asset: 'DEC', credits: ids });
    await w.call('token', 'Transfer', payer, { from: P, to: M, asset: 'DEC', amount: '500' });
    expect(await w.balance(P, 'DEC')).to.equal(BigInt(1000 - MAX_FOLD - 500));
    expect(await w.balance(M, 'DEC')).to.equal(BigInt(MAX_FOLD + 500));
  });

  it('refuses a debit larger than all the payer has, naming what it has, and changes nothing', async () => {
    await w.fundDec(P, 1);
    await dust(P, 10, 'dust');
    const fingerprint = w.stateFingerprint();
    const err = await w.fails('token', 'Transfer', payer, { from: P, to: M, asset: 'DEC', amount: dec(2) });
    expect(err.message).to.equal(`CONFLICT: insufficient DEC in ${P}: has ${(ONE_DEC + 10n).toString()}, needs ${dec(2)}`);
    expect(w.stateFingerprint()).to.equal(fingerprint);
  });
});
