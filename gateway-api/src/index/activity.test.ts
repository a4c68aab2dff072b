import { expect } from 'chai';
import { openDb, type Db } from '../store/db';
import { readActivity, recountActivity } from './activity';
import type { ExtractedBlock } from './extract';
import { createIndexTables } from './schema';
import { IndexStore } from './store';

/** A block whose transactions carry the given times. */
function block(n: number, times: (string | null)[]): ExtractedBlock {
  return {
    block: { number: n, txCount: times.length, invalidCount: 0, time: times[times.length - 1] ?? null, dataHash: `h${String(n)}`, functions: [], creators: [] },
    txs: times.map((time, index) => ({ index, txId: `t${String(n)}-${String(index)}`, type: 'ENDORSER_TRANSACTION', time, creatorMsp: 'GridMSP', chaincode: 'energy', function: 'token:Transfer', validation: 'VALID' })),
    participants: [],
    writes: [],
  };
}

const countedOnRead = (db: Db, channel: string) =>
  db.prepare(`SELECT substr(time, 1, 16) AS minute, COUNT(DISTINCT block_number) AS blocks, COUNT(*) AS transactions FROM idx_txs WHERE channel = ? AND time IS NOT NULL GROUP BY minute ORDER BY minute`).all(channel);

describe('gateway index activity per minute (kept as blocks are indexed)', () => {
  let db: Db;
  let store: IndexStore;
  beforeEach(() => {
    db = openDb(':memory:');
    store = new IndexStore(db);
  });
  afterEach(() => { db.close(); });

  it('counts each block once per minute its transactions fall in, and every transaction', () => {
    store.apply('energy', block(0, ['2026-01-01T12:00:10.000Z', '2026-01-01T12:00:50.000Z']));
    store.apply('energy', block(1, ['2026-01-01T12:00:59.000Z', '2026-01-01T12:01:01.000Z', null]));
    store.apply('energy', block(2, ['2026-01-01T12:03:00.000Z']));
    expect(store.activity('energy', '2026-01-01T12:00:00.000Z')).to.deep.equal([
      { minute: '2026-01-01T12:00', blocks: 2, transactions: 3 },
      { minute: '2026-01-01T12:01', blocks: 1, transactions: 1 },
      { minute: '2026-01-01T12:03', blocks: 1, transactions: 1 },
    ]);
    expect(store.activity('energy', '2026-01-01T12:01:30.000Z').map((m) => m.minute)).to.deep.equal(['2026-01-01T12:01', '2026-01-01T12:03']);
    expect(store.activity('energy', '2026-01-01T12:00:00.000Z')).to.deep.equal(countedOnRead(db, 'energy'));
  });

  it('never counts a block twice (a block already held changes nothing) and keeps channels apart', () => {
    store.apply('energy', block(0, ['2026-01-01T12:00:10.000Z']));
    store.apply('energy', block(0, ['2026-01-01T12:00:10.000Z']));
    store.apply('scf', block(0, ['2026-01-01T12:00:20.000Z', '2026-01-01T12:00:30.000Z']));
    expect(store.activity('energy', '2026-01-01T00:00:00.000Z')).to.deep.equal([{ minute: '2026-01-01T12:00', blocks: 1, transactions: 1 }]);
    expect(store.activity('scf', '2026-01-01T00:00:00.000Z')).to.deep.equal([{ minute: '2026-01-01T12:00', blocks: 1, transactions: 2 }]);
  });

  it('is forgotten with the channel on a rebuild', () => {
    store.apply('energy', block(0, ['2026-01-01T12:00:10.000Z']));
    store.reset('energy');
    expect(store.activity('energy', '2026-01-01T00:00:00.000Z')).to.deep.equal([]);
  });

  it('recounts from the indexed transactions (an index made before the table existed is backfilled on open)', () => {
    for (let n = 0; n < 4; n++) store.apply('energy', block(n, [`2026-01-01T12:0${String(n % 2)}:00.000Z`, `2026-01-01T12:0${String(n % 2)}:30.000Z`]));
    const kept = readActivity(db, 'energy', '2026-01-01T00:00:00.000Z');
    recountActivity(db, 'energy');
    expect(readActivity(db, 'energy', '2026-01-01T00:00:00.000Z')).to.deep.equal(kept);
    db.exec(`DROP TABLE idx_activity`);
    createIndexTables(db);
    expect(readActivity(db, 'energy', '2026-01-01T00:00:00.000Z')).to.deep.equal(kept);
  });
});
