/**
 * The index's own tables in the gateway's embedded database. They are derived
 * data (the ledger is the source of truth), so they live outside the
 * gateway's numbered migrations: created if missing, and a channel's rows are
 * dropped and rebuilt from block 0 on demand. Every row names the transaction
 * (and block) it came from, so a reader can always go back to the ledger.
 */
import type { Db } from '../store/db';
import { ACTIVITY_TABLE, backfillActivity } from './activity';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS idx_checkpoint (
     channel TEXT PRIMARY KEY,
     next_block INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS idx_blocks (
     channel TEXT NOT NULL,
     number INTEGER NOT NULL,
     tx_count INTEGER NOT NULL,
     invalid_count INTEGER NOT NULL,
     time TEXT,
     data_hash TEXT NOT NULL,
     functions TEXT NOT NULL,
     creators TEXT NOT NULL,
     PRIMARY KEY (channel, number)
   )`,
  `CREATE TABLE IF NOT EXISTS idx_txs (
     channel TEXT NOT NULL,
     block_number INTEGER NOT NULL,
     tx_index INTEGER NOT NULL,
     tx_id TEXT NOT NULL,
     type TEXT NOT NULL,
     time TEXT,
     creator_msp TEXT NOT NULL,
     chaincode TEXT,
     function TEXT,
     validation TEXT,
     PRIMARY KEY (channel, block_number, tx_index)
   )`,
  `CREATE INDEX IF NOT EXISTS idx_txs_function ON idx_txs (channel, function, block_number)`,
  `CREATE INDEX IF NOT EXISTS idx_txs_time ON idx_txs (channel, time)`,
  `CREATE INDEX IF NOT EXISTS idx_txs_id ON idx_txs (channel, tx_id)`,
  `CREATE TABLE IF NOT EXISTS idx_participants (
     channel TEXT NOT NULL,
     eid TEXT NOT NULL,
     block_number INTEGER NOT NULL,
     tx_index INTEGER NOT NULL,
     PRIMARY KEY (channel, eid, block_number, tx_index)
   )`,
  `CREATE TABLE IF NOT EXISTS idx_writes (
     channel TEXT NOT NULL,
     object_type TEXT NOT NULL,
     key TEXT NOT NULL,
     first_attr TEXT NOT NULL,
     second_attr TEXT NOT NULL,
     value TEXT,
     deleted INTEGER NOT NULL,
     block_number INTEGER NOT NULL,
     tx_index INTEGER NOT NULL,
     tx_id TEXT NOT NULL,
     time TEXT,
     PRIMARY KEY (channel, object_type, key, block_number, tx_index)
   )`,
  `CREATE INDEX IF NOT EXISTS idx_writes_first ON idx_writes (channel, object_type, first_attr, block_number)`,
  `CREATE INDEX IF NOT EXISTS idx_writes_second ON idx_writes (channel, object_type, second_attr, block_number)`,
  `CREATE TABLE IF NOT EXISTS idx_latest (
     channel TEXT NOT NULL,
     object_type TEXT NOT NULL,
     key TEXT NOT NULL,
     first_attr TEXT NOT NULL,
     second_attr TEXT NOT NULL,
     value TEXT,
     block_number INTEGER NOT NULL,
     tx_id TEXT NOT NULL,
     time TEXT,
     PRIMARY KEY (channel, object_type, key)
   )`,
  `CREATE INDEX IF NOT EXISTS idx_latest_first ON idx_latest (channel, object_type, first_attr, key)`,
  `CREATE INDEX IF NOT EXISTS idx_latest_second ON idx_latest (channel, object_type, second_attr, key)`,
  // Token balances summed from the journal entries (token.entry) as they are indexed; amount is a bigint
  // in decimal, rank the same zero-padded to 40 digits so that text order is numeric order.
  `CREATE TABLE IF NOT EXISTS idx_holdings (
     channel TEXT NOT NULL,
     asset TEXT NOT NULL,
     account TEXT NOT NULL,
     amount TEXT NOT NULL,
     rank TEXT NOT NULL,
     block_number INTEGER NOT NULL,
     tx_id TEXT NOT NULL,
     time TEXT,
     PRIMARY KEY (channel, asset, account)
   )`,
  `CREATE INDEX IF NOT EXISTS idx_holdings_rank ON idx_holdings (channel, asset, rank, account)`,
  ACTIVITY_TABLE,
];

const PER_CHANNEL = ['idx_checkpoint', 'idx_blocks', 'idx_txs', 'idx_participants', 'idx_writes', 'idx_latest', 'idx_holdings', 'idx_activity'];

export function createIndexTables(db: Db): void {
  db.transaction(() => {
    for (const sql of TABLES) db.exec(sql);
    backfillActivity(db);
  })();
}

/** Forgets everything indexed for a channel (the next run starts again at block 0). */
export function dropChannel(db: Db, channel: string): void {
  db.transaction(() => {
    for (const table of PER_CHANNEL) db.prepare(`DELETE FROM ${table} WHERE channel = ?`).run(channel);
  })();
}
