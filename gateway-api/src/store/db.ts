/**
 * The gateway's embedded database (SQLite through better-sqlite3, WAL mode):
 * API identities with their sealed private keys, API key hashes, idempotency
 * records with the endorsed transaction bytes, async receipts, event-stream
 * checkpoints and webhooks. Private keys and webhook secrets are sealed with
 * the SecretBox; API keys are stored only as SHA-256 hashes.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE identities (
     id TEXT PRIMARY KEY,
     msp_id TEXT NOT NULL,
     enrollment_id TEXT NOT NULL,
     api_role TEXT NOT NULL CHECK (api_role IN ('admin', 'user')),
     attributes TEXT NOT NULL,
     certificate TEXT,
     private_key TEXT,
     status TEXT NOT NULL CHECK (status IN ('registered', 'active', 'revoked')),
     created_at TEXT NOT NULL,
     revoked_at TEXT,
     UNIQUE (msp_id, enrollment_id)
   )`,
  `CREATE TABLE api_keys (
     key_id TEXT PRIMARY KEY,
     identity_id TEXT NOT NULL REFERENCES identities(id),
     secret_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   )`,
  `CREATE TABLE idempotency (
     identity_id TEXT NOT NULL,
     key TEXT NOT NULL,
     request_hash TEXT NOT NULL,
     tx_id TEXT,
     tx_bytes BLOB,
     state TEXT NOT NULL CHECK (state IN ('endorsed', 'done')),
     response_status INTEGER,
     response_body TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (identity_id, key)
   )`,
  `CREATE TABLE receipts (
     id TEXT PRIMARY KEY,
     identity_id TEXT NOT NULL,
     tx_id TEXT NOT NULL,
     channel TEXT NOT NULL,
     tx_bytes BLOB NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
     response_status INTEGER,
     response_body TEXT,
     created_at TEXT NOT NULL
   )`,
  `CREATE TABLE checkpoints (
     identity_id TEXT NOT NULL,
     name TEXT NOT NULL,
     channel TEXT NOT NULL,
     block_number TEXT NOT NULL,
     tx_id TEXT,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (identity_id, name)
   )`,
  `CREATE TABLE webhooks (
     id TEXT PRIMARY KEY,
     identity_id TEXT NOT NULL,
     url TEXT NOT NULL,
     channel TEXT NOT NULL,
     chaincode TEXT NOT NULL,
     event_names TEXT NOT NULL,
     secret TEXT NOT NULL,
     next_block TEXT,
     last_tx_id TEXT,
     active INTEGER NOT NULL DEFAULT 1,
     created_at TEXT NOT NULL
   )`,
  `CREATE TABLE webhook_deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     webhook_id TEXT NOT NULL REFERENCES webhooks(id),
     event_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     last_error TEXT,
     UNIQUE (webhook_id, event_id)
   )`,
  `CREATE TABLE crls (
     msp_id TEXT PRIMARY KEY,
     crl TEXT NOT NULL,
     updated_at TEXT NOT NULL
   )`,
];

export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return withStatementCache(db);
}

/**
 * Every `prepare` of the same SQL returns the statement prepared the first time:
 * the gateway's queries are fixed strings, and compiling one again on every
 * request showed in its CPU profile. Safe because no caller changes a
 * statement's mode (pluck, raw, expand) or keeps an iterator open on one.
 */
function withStatementCache(db: Db): Db {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const apply = db.transaction(() => {
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  apply();
}

export const nowIso = (): string => new Date().toISOString();
