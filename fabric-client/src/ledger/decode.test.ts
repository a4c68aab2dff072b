import { expect } from 'chai';
import { ledger } from '@hyperledger/fabric-protos';
import { decodeRwSet, readableKey } from './decode';

const key = (...parts: string[]) => `\u0000${parts.join('\u0000')}\u0000`;

describe('read/write set decoding', () => {
  it('shows composite keys as type~attr~attr and plain keys as they are', () => {
    expect(readableKey(key('token.credit', 'DEC', 'eid:p:1', 'tx1'))).to.equal('token.credit~DEC~eid:p:1~tx1');
    expect(readableKey('namespaces/fields/energy/Sequence')).to.equal('namespaces/fields/energy/Sequence');
  });

  it('lists reads, writes, deletes, range queries and private key hashes per namespace', () => {
    const kv = new ledger.rwset.kvrwset.KVRWSet();
    const read = new ledger.rwset.kvrwset.KVRead();
    read.setKey(key('probe', 'BankMSP'));
    kv.addReads(read);
    const write = new ledger.rwset.kvrwset.KVWrite();
    write.setKey(key('probe', 'BankMSP'));
    write.setValue(Buffer.from('{}'));
    const del = new ledger.rwset.kvrwset.KVWrite();
    del.setKey(key('hold', 'h1'));
    del.setIsDelete(true);
    kv.setWritesList([write, del]);
    const range = new ledger.rwset.kvrwset.RangeQueryInfo();
    range.setStartKey(key('order', 's1'));
    range.setEndKey(key('order', 's2'));
    kv.addRangeQueriesInfo(range);

    const hashed = new ledger.rwset.kvrwset.HashedRWSet();
    const hw = new ledger.rwset.kvrwset.KVWriteHash();
    hw.setKeyHash(Buffer.from('ab', 'hex'));
    hashed.addHashedWrites(hw);
    const collection = new ledger.rwset.CollectionHashedReadWriteSet();
    collection.setCollectionName('termsBankLessor');
    collection.setHashedRwset(hashed.serializeBinary());

    const ns = new ledger.rwset.NsReadWriteSet();
    ns.setNamespace('scf');
    ns.setRwset(kv.serializeBinary());
    ns.addCollectionHashedRwset(collection);
    const empty = new ledger.rwset.NsReadWriteSet();
    empty.setNamespace('_lifecycle');
    empty.setRwset(new ledger.rwset.kvrwset.KVRWSet().serializeBinary());
    const tx = new ledger.rwset.TxReadWriteSet();
    tx.setNsRwsetList([empty, ns]);

    expect(decodeRwSet(tx.serializeBinary())).to.deep.equal([
      {
        namespace: 'scf',
        reads: ['probe~BankMSP'],
        writes: ['probe~BankMSP'],
        deletes: ['hold~h1'],
        rangeQueries: [{ start: 'order~s1', end: 'order~s2' }],
        privateWrites: [{ collection: 'termsBankLessor', keyHashes: ['ab'] }],
      },
    ]);
    expect(decodeRwSet(new Uint8Array())).to.deep.equal([]);
  });
});
