import { expect } from 'chai';
import { openDb, type Db } from '../store/db';
import type { ExtractedBlock } from './extract';
import { TokenIndex } from './holdings';
import { IndexStore } from './store';

const time = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString();
interface E { account: string; asset: 'DEC' | 'DECC'; direction: 'in' | 'out'; amount: string; op?: string; counterparties?: string[] }

/** A block of one transaction writing these journal entries (as token `finish` does). */
function block(n: number, entries: E[], extra: ExtractedBlock['writes'] = []): ExtractedBlock {
  const txId = `tx${String(n)}`;
  return {
    block: { number: n, txCount: 1, invalidCount: 0, time: time(n), dataHash: `h${String(n)}`, functions: ['token:Transfer'], creators: ['BankMSP'] },
    txs: [{ index: 0, txId, type: 'ENDORSER_TRANSACTION', time: time(n), creatorMsp: 'BankMSP', chaincode: 'energy', function: 'token:Transfer', validation: 'VALID' }],
    participants: [],
    writes: [
      ...entries.map((e, i) => ({
        objectType: 'token.entry',
        key: `${e.account}~${e.asset}~${String(n).padStart(15, '0')}~${txId}~${String(i)}`,
        firstAttr: e.account,
        secondAttr: e.asset,
        value: JSON.stringify({ txId, at: time(n), op: e.op ?? 'transfer', asset: e.asset, direction: e.direction, amount: e.amount, counterparties: e.counterparties ?? [] }),
        deleted: false,
        txIndex: 0,
        txId,
        time: time(n),
      })),
      ...extra,
    ],
  };
}

describe('gateway index: token holders and movements', () => {
  let db: Db;
  let store: IndexStore;
  let tokens: TokenIndex;
  beforeEach(() => {
    db = openDb(':memory:');
    store = new IndexStore(db);
    tokens = new TokenIndex(db);
  });
  afterEach(() => { db.close(); });

  it('sums journal entries into balances with bigint, largest first, paged, zero balances left out', () => {
    const big = '1000000000000000000000000000'; // 1e27: beyond a 64-bit integer
    store.apply('energy', block(0, [{ account: 'sys:ecology', asset: 'DEC', direction: 'in', amount: big, op: 'genesis' }]));
    store.apply('energy', block(1, [
      { account: 'sys:ecology', asset: 'DEC', direction: 'out', amount: '300', counterparties: ['eid:p:a'] },
      { account: 'eid:p:a', asset: 'DEC', direction: 'in', amount: '300', counterparties: ['sys:ecology'] },
    ]));
    store.apply('energy', block(2, [
      { account: 'eid:p:a', asset: 'DEC', direction: 'out', amount: '300', counterparties: ['eid:p:b'] },
      { account: 'eid:p:b', asset: 'DEC', direction: 'in', amount: '300' },
      { account: 'eid:p:c', asset: 'DECC', direction: 'in', amount: '7', op: 'mint' },
    ]));
    const first = tokens.holders('energy', 'DEC', undefined, 1);
    expect(first.items.map((h) => [h.account, h.balance])).to.deep.equal([['sys:ecology', (BigInt(big) - 300n).toString()]]);
    expect(first.items[0]?.blockNumber).to.equal('1');
    const second = tokens.holders('energy', 'DEC', first.next, 1);
    expect(second.items.map((h) => [h.account, h.balance])).to.deep.equal([['eid:p:b', '300']]);
    expect(second.next).to.equal(undefined); // eid:p:a is at zero
    expect(tokens.holders('energy', 'DECC', undefined, 10).items.map((h) => h.account)).to.deep.equal(['eid:p:c']);
  });

  it('lists outgoing entries newest first, by asset, op and account, paged', () => {
    store.apply('energy', block(0, [{ account: 'eid:p:a', asset: 'DEC', direction: 'in', amount: '50', op: 'genesis' }]));
    store.apply('energy', block(1, [{ account: 'eid:p:a', asset: 'DEC', direction: 'out', amount: '10', counterparties: ['eid:p:b'] }]));
    store.apply('energy', block(2, [{ account: 'eid:p:a', asset: 'DEC', direction: 'out', amount: '20', op: 'hold' }]));
    store.apply('energy', block(3, [{ account: 'eid:p:b', asset: 'DECC', direction: 'out', amount: '5', op: 'burn' }]));
    const page = tokens.movements('energy', {}, undefined, 2);
    expect(page.items.map((m) => [m.blockNumber, m.account, m.amount, m.op])).to.deep.equal([['3', 'eid:p:b', '5', 'burn'], ['2', 'eid:p:a', '20', 'hold']]);
    expect(tokens.movements('energy', {}, page.next, 2).items.map((m) => m.counterparties)).to.deep.equal([['eid:p:b']]);
    expect(tokens.movements('energy', { asset: 'DEC', op: 'transfer' }, undefined, 10).items.map((m) => m.blockNumber)).to.deep.equal(['1']);
    expect(tokens.movements('energy', { account: 'eid:p:b' }, undefined, 10).items.map((m) => m.asset)).to.deep.equal(['DECC']);
  });

  it('forgets balances with the channel on reset, and filters state by the value status', () => {
    const receivable = (status: string) => ({ objectType: 'receivable', key: `R~R.${status}`, firstAttr: 'R', secondAttr: `R.${status}`, value: JSON.stringify({ status }), deleted: false, txIndex: 0, txId: 'tx0', time: time(0) });
    store.apply('energy', block(0, [{ account: 'eid:p:a', asset: 'DEC', direction: 'in', amount: '50' }], [receivable('active'), receivable('financed')]));
    expect(store.state('energy', 'receivable', { status: 'financed' }, false, undefined, 10).items.map((i) => i.key)).to.deep.equal(['R~R.financed']);
    store.reset('energy');
    expect(tokens.holders('energy', 'DEC', undefined, 10).items).to.deep.equal([]);
  });
});
