import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../store/db';
import type { ExtractedBlock, WriteRow } from './extract';
import { IndexStore } from './store';

const time = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString();

function block(n: number, writes: Partial<WriteRow>[] = [], eids: string[] = []): ExtractedBlock {
  const txId = `tx${String(n)}`;
  return {
    block: { number: n, txCount: 2, invalidCount: 1, time: time(n), dataHash: `h${String(n)}`, functions: ['token:Transfer'], creators: ['GridMSP', 'BankMSP'] },
    txs: [
      { index: 0, txId, type: 'ENDORSER_TRANSACTION', time: time(n), creatorMsp: 'GridMSP', chaincode: 'energy', function: n % 2 ? 'token:Transfer' : 'market:Post', validation: 'VALID' },
      { index: 1, txId: `${txId}b`, type: 'ENDORSER_TRANSACTION', time: time(n), creatorMsp: 'BankMSP', chaincode: 'energy', function: 'token:Transfer', validation: 'MVCC_READ_CONFLICT' },
    ],
    participants: eids.map((eid) => ({ eid, txIndex: 0 })),
    writes: writes.map((w) => ({ objectType: 'market.zone', key: 'Z1', firstAttr: 'Z1', secondAttr: '', value: '{}', deleted: false, txIndex: 0, txId, time: time(n), ...w })),
  };
}

describe('gateway index store', () => {
  let db: Db;
  let store: IndexStore;
  beforeEach(() => {
    db = openDb(':memory:');
    store = new IndexStore(db);
  });
  afterEach(() => { db.close(); });

  it('applies blocks in order only and moves the checkpoint with them', () => {
    expect(store.apply('energy', block(1))).to.equal(false);
    expect(store.nextBlock('energy')).to.equal(0);
    expect(store.apply('energy', block(0))).to.equal(true);
    expect(store.apply('energy', block(0))).to.equal(false);
    expect(store.nextBlock('energy')).to.equal(1);
    expect(store.blocks('energy', undefined, 10).items).to.have.length(1);
  });

  it('resumes from its checkpoint when the database is opened again', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dec-index-'));
    const file = path.join(dir, 'gateway.db');
    const a = openDb(file);
    new IndexStore(a).apply('energy', block(0));
    a.close();
    const b = openDb(file);
    expect(new IndexStore(b).nextBlock('energy')).to.equal(1);
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages blocks and transactions newest first with keyset cursors', () => {
    for (let n = 0; n < 5; n++) store.apply('energy', block(n));
    const first = store.blocks('energy', undefined, 2);
    expect(first.items.map((b) => b.number)).to.deep.equal(['4', '3']);
    expect(store.blocks('energy', Number(first.next), 2).items.map((b) => b.number)).to.deep.equal(['2', '1']);
    expect(store.blocks('energy', 1, 2)).to.deep.equal({ items: [{ number: '0', transactionCount: 2, invalidCount: 1, time: time(0), dataHash: 'h0', functions: ['token:Transfer'], creators: ['GridMSP', 'BankMSP'] }] });
    const txs = store.transactions('energy', {}, undefined, 3);
    expect(txs.items.map((t) => `${t.blockNumber}.${String(t.index)}`)).to.deep.equal(['4.1', '4.0', '3.1']);
    expect(txs.next).to.equal('3.1');
    expect(store.transactions('energy', {}, txs.next, 2).items.map((t) => `${t.blockNumber}.${String(t.index)}`)).to.deep.equal(['3.0', '2.1']);
  });

  it('filters transactions by function, creator org and participant eID', () => {
    store.apply('energy', block(0, [], ['eid-a']));
    store.apply('energy', block(1, [], ['eid-b']));
    store.apply('energy', block(2, [], ['eid-a', 'eid-b']));
    expect(store.transactions('energy', { eid: 'eid-a' }, undefined, 10).items.map((t) => t.transactionId)).to.deep.equal(['tx2', 'tx0']);
    expect(store.transactions('energy', { function: 'market:Post', creatorMspId: 'GridMSP' }, undefined, 10).items.map((t) => t.transactionId)).to.deep.equal(['tx2', 'tx0']);
    expect(store.transactions('energy', { creatorMspId: 'NobodyMSP' }, undefined, 10).items).to.deep.equal([]);
  });

  it('keeps the current value of each key and every version, a delete removing the current one', () => {
    store.apply('energy', block(0, [{ key: 'S1~Z1', firstAttr: 'S1', secondAttr: 'Z1', objectType: 'market.clearing', value: '{"price":"5"}' }]));
    store.apply('energy', block(1, [{ key: 'S1~Z1', firstAttr: 'S1', secondAttr: 'Z1', objectType: 'market.clearing', value: '{"price":"6"}' }, { key: 'S2~Z2', firstAttr: 'S2', secondAttr: 'Z2', objectType: 'market.clearing', value: '{"price":"7"}' }]));
    const current = store.state('energy', 'market.clearing', { second: 'Z1' }, false, undefined, 10);
    expect(current.items.map((i) => i.value)).to.deep.equal([{ price: '6' }]);
    const history = store.state('energy', 'market.clearing', {}, true, undefined, 2);
    expect(history.items.map((i) => i.key)).to.deep.equal(['S2~Z2', 'S1~Z1']);
    expect(store.state('energy', 'market.clearing', {}, true, history.next, 2).items.map((i) => i.value)).to.deep.equal([{ price: '5' }]);
    store.apply('energy', block(2, [{ key: 'S1~Z1', firstAttr: 'S1', secondAttr: 'Z1', objectType: 'market.clearing', value: null, deleted: true }]));
    expect(store.state('energy', 'market.clearing', {}, false, undefined, 10).items.map((i) => i.key)).to.deep.equal(['S2~Z2']);
  });

  it('counts blocks and transactions per minute, and forgets a channel on reset', () => {
    for (let n = 0; n < 3; n++) store.apply('energy', block(n));
    store.apply('scf', block(0));
    expect(store.activity('energy', time(1))).to.deep.equal([
      { minute: time(1).slice(0, 16), blocks: 1, transactions: 2 },
      { minute: time(2).slice(0, 16), blocks: 1, transactions: 2 },
    ]);
    store.reset('energy');
    expect(store.nextBlock('energy')).to.equal(0);
    expect(store.blocks('energy', undefined, 10).items).to.deep.equal([]);
    expect(store.nextBlock('scf')).to.equal(1);
  });
});
