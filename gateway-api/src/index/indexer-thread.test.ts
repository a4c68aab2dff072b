/**
 * The index's worker thread without a network: a real worker, a real database
 * file shared with this thread. With no API admin to read blocks as, the worker
 * reports the failure; a rebuild here resets the shared checkpoint at once and
 * reaches the worker; stop ends the thread and lets go of the database.
 */
import type { GatewayNetworkConfig } from '@dec/network';
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDb, type Db } from '../store/db';
import type { ExtractedBlock } from './extract';
import { IndexerThread } from './indexer-thread';
import { IndexStore } from './store';

const config = { orgs: [], channels: [{ name: 'scf', orgs: ['RegulatorMSP'] }] } as unknown as GatewayNetworkConfig;
const emptyBlock = (n: number): ExtractedBlock => ({
  block: { number: n, txCount: 0, invalidCount: 0, time: new Date(0).toISOString(), dataHash: `h${String(n)}`, functions: [], creators: [] },
  txs: [],
  participants: [],
  writes: [],
});

async function until<T>(read: () => T, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 10 s');
}

describe('index worker thread (IndexerThread)', function () {
  this.timeout(30_000);
  let dir: string;
  let db: Db;
  let store: IndexStore;
  let thread: IndexerThread;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dec-indexer-thread-'));
    db = openDb(path.join(dir, 'gateway.db'));
    store = new IndexStore(db);
    thread = new IndexerThread(store, { dataDir: dir, config, preferredMspIds: ['RegulatorMSP'], retryMs: 60_000 }, pino({ level: 'silent' }));
  });
  afterEach(async () => {
    await thread.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports the worker's failure to open the block stream, with the reason", async () => {
    thread.start();
    const status = await until(() => thread.status('scf'), (s) => s.lastError !== undefined);
    expect(status).to.include({ channel: 'scf', running: false, rebuilds: 0, indexedHeight: '0' });
    expect(status.lastError).to.match(/no active API admin of a member org of channel scf/);
  });

  it('rebuild answers height 0 at once, counts the rebuild and reaches the worker', async () => {
    store.apply('scf', emptyBlock(0));
    store.apply('scf', emptyBlock(1));
    thread.start();
    await until(() => thread.status('scf'), (s) => s.lastError !== undefined);
    const answer = thread.rebuild('scf');
    expect(answer).to.include({ indexedHeight: '0', rebuilds: 1 });
    // The worker counts the same rebuild when it gets it, and reports it.
    await until(() => thread.status('scf'), (s) => s.rebuilds === 1 && s.lastError !== undefined);
    expect(store.nextBlock('scf')).to.equal(0);
  });

  it('stop ends the thread; stopping again, or before start, is a no-op', async () => {
    await new IndexerThread(store, { dataDir: dir, config, preferredMspIds: [] }, pino({ level: 'silent' })).stop();
    thread.start();
    await thread.stop();
    await thread.stop();
    // The database file is free again: this thread can still write the index.
    expect(store.apply('scf', emptyBlock(0))).to.equal(true);
  });
});
