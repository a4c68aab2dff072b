import { BlockSimulator, type Endorsement } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import { ONE_DEC } from './units';

const merchant = user('merchant', 'SupplierMSP');
const payers = Array.from({ length: 20 }, (_, i) => user(`payer${i}`, i % 2 ? 'BankMSP' : 'LessorMSP'));

/** Human-readable composite key: \u0000a\u0000b\u0000 → a~b. */
const readable = (k: string): string => k.split('\u0000').filter(Boolean).join('~');

/**
 * Many payers paying one merchant in the same block: every transaction is
 * endorsed against the same state, then validated in order like a peer does.
 */
describe('token concurrency: hot accounts do not serialise the network', () => {
  let w: EnergyWorld;
  let M: string;
  let P: string[];
  let block: BlockSimulator;

  beforeEach(async () => {
    w = new EnergyWorld();
    M = await w.onboard(merchant);
    P = [];
    for (const p of payers) P.push(await w.onboard(p));
    await w.genesis();
    await w.call('token', 'ReleaseBatch', operator, { pool: 'others', batchId: 'seed', payouts: P.map((to) => ({ to, amount: dec(10) })) });
    await w.setFees({ DEC: { bps: 100, min: '0' } });
    block = new BlockSimulator(w.h.world);
  });

  afterEach(async () => {
    await w.expectInvariants();
  });

  const pay = (i: number, amount = dec(1)) =>
    block.endorse({ contract: w.token, method: 'Transfer', caller: payers[i]!, args: [JSON.stringify({ from: P[i], to: M, asset: 'DEC', amount })] }, w.h.nowMs);

  it('commits 20 concurrent payments to one merchant (and the fee account) in one block', async () => {
    const endorsements: Endorsement[] = [];
    for (let i = 0; i < payers.length; i++) endorsements.push(await pay(i));
    expect(endorsements.map((e) => e.error?.message)).to.deep.equal(endorsements.map(() => undefined));

    const codes = block.commitBlock(endorsements, w.h.nowMs);
    expect(codes).to.deep.equal(endorsements.map(() => 'VALID'));

    // Each payment credited the merchant and the fee account under keys of its own.
    const merchantCredits = endorsements.map((e) => e.writes.map(readable).filter((k) => k.startsWith(`token.credit~DEC~${M}~`)));
    expect(merchantCredits.map((ks) => ks.length)).to.deep.equal(endorsements.map(() => 1));
    expect(new Set(merchantCredits.flat()).size).to.equal(payers.length);
    const feeCredits = endorsements.flatMap((e) => e.writes.map(readable).filter((k) => k.startsWith('token.credit~DEC~sys:fees~')));
    expect(new Set(feeCredits).size).to.equal(payers.length);

    expect(await w.balance(M, 'DEC')).to.equal(20n * ONE_DEC);
    expect(await w.balance('sys:fees', 'DEC')).to.equal((20n * ONE_DEC) / 100n);
  });

  it('gives two payers\' transactions disjoint footprints: neither reads what the other writes', async () => {
    const [a, b] = [await pay(0), await pay(1)];
    const reads = (e: Endorsement) => e.reads.map(readable);
    // What a payment reads: the two participants, the fee schedule and the payer's own balance; the payers were
    // funded by credits, so each also scans (and folds) its *own* pending credits. Nothing of the merchant's balance.
    expect(reads(a)).to.have.members([`id.participant~${P[0]}`, `id.participant~${M}`, 'token.fees', `token.balance~DEC~${P[0]}`]);
    expect(a.ranges.map(readable)).to.deep.equal([`token.credit~DEC~${P[0]}`]);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      expect(x.writes.filter((k) => y.reads.includes(k)), 'write/read overlap').to.deep.equal([]);
      expect(x.writes.filter((k) => y.ranges.some((r) => k.startsWith(r))), 'write/range overlap').to.deep.equal([]);
      expect(x.writes.filter((k) => y.writes.includes(k)), 'write/write overlap').to.deep.equal([]);
    }
    // Nothing either writes is a key that any payment reads.
    expect(a.writes.map(readable).filter((k) => k.startsWith('id.') || k === 'token.fees')).to.deep.equal([]);
    // Once consolidated, a payment reads no range at all.
    block.commitBlock([a, b], w.h.nowMs);
    const again = await pay(0);
    expect(again.ranges).to.deep.equal([]);
    block.commitBlock([again], w.h.nowMs);
  });

  it('lets the merchant consolidate named credits while new payments keep arriving in the same block', async () => {
    const first: Endorsement[] = [];
    for (let i = 0; i < 10; i++) first.push(await pay(i));
    block.commitBlock(first, w.h.nowMs);
    const credits = await w.call<{ items: { id: string }[] }>('token', 'Credits', merchant, { account: M, asset: 'DEC', pageSize: 100 });
    expect(credits.items).to.have.length(10);

    const mixed: Endorsement[] = [];
    for (let i = 10; i < 15; i++) mixed.push(await pay(i));
    mixed.push(await block.endorse({ contract: w.token, method: 'Consolidate', caller: merchant, args: [JSON.stringify({ account: M, asset: 'DEC', credits: credits.items.map((c) => c.id) })] }, w.h.nowMs));
    for (let i = 15; i < 20; i++) mixed.push(await pay(i));
    expect(block.commitBlock(mixed, w.h.nowMs)).to.deep.equal(mixed.map(() => 'VALID'));

    const bal = await w.call<{ balance: string; consolidated: string; pendingCredits: number }>('token', 'Balance', merchant, { account: M, asset: 'DEC' });
    expect(bal).to.include({ balance: dec(20), consolidated: dec(10), pendingCredits: 10 });
  });

  it('shows why Consolidate takes credit IDs: a range consolidation loses to credits arriving in its block', async () => {
    block.commitBlock([await pay(0)], w.h.nowMs);
    const mixed = [await block.endorse({ contract: w.token, method: 'Consolidate', caller: merchant, args: [JSON.stringify({ account: M, asset: 'DEC' })] }, w.h.nowMs), await pay(1)];
    // The payment is ordered first: it inserts a credit into the range the consolidation scanned.
    expect(block.commitBlock([mixed[1]!, mixed[0]!], w.h.nowMs)).to.deep.equal(['VALID', 'PHANTOM_READ_CONFLICT']);
    expect(await w.balance(M, 'DEC')).to.equal(2n * ONE_DEC);
  });

  it('never lets a payer spend the same funds twice in one block', async () => {
    const spendAll = dec(9); // 9 DEC + 1% fee of 10 available
    const twice = [await pay(0, spendAll), await pay(0, spendAll)];
    expect(twice.map((e) => e.error)).to.deep.equal([undefined, undefined]); // both endorse against the same balance...
    expect(block.commitBlock(twice, w.h.nowMs)).to.deep.equal(['VALID', 'MVCC_READ_CONFLICT']); // ...only one commits
    expect(await w.balance(P[0]!, 'DEC')).to.equal(ONE_DEC - (9n * ONE_DEC) / 100n);
    expect(await w.balance(M, 'DEC')).to.equal(9n * ONE_DEC);
  });

  it('mints DECC for many holders at once: reserve credits and supply records are per transaction', async () => {
    await w.postRate('0.5');
    const mints: Endorsement[] = [];
    for (let i = 0; i < payers.length; i++) {
      mints.push(await block.endorse({ contract: w.token, method: 'MintDecc', caller: payers[i]!, args: [JSON.stringify({ account: P[i], decAmount: dec(2) })] }, w.h.nowMs));
    }
    expect(block.commitBlock(mints, w.h.nowMs)).to.deep.equal(mints.map(() => 'VALID'));
    expect(await w.balance('sys:reserve', 'DEC')).to.equal(40n * ONE_DEC);
    const supply = await w.call<{ DECC: { total: string } }>('token', 'Supply', merchant);
    expect(supply.DECC.total).to.equal('2000');
  });
});
