/**
 * The Idempotency-Key records of API callers (table `idempotency`): the request
 * a key was first used with, the endorsed transaction sent under it, and the
 * outcome once there is one, so that a retried request replays or resumes
 * instead of submitting twice.
 */
import type { Transaction } from '@dec/fabric-client';
import { nowIso, type Db } from '../store/db';

export interface IdempotencyRecord {
  request_hash: string;
  tx_id: string | null;
  tx_bytes: Buffer | null;
  state: 'endorsed' | 'done';
  response_status: number | null;
  response_body: string | null;
}

export interface StoredOutcome {
  status: number;
  body: unknown;
}

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  find(identityId: string, key: string): IdempotencyRecord | undefined {
    return this.db.prepare(`SELECT * FROM idempotency WHERE identity_id = ? AND key = ?`).get(identityId, key) as IdempotencyRecord | undefined;
  }

  begin(identityId: string, key: string, requestHash: string): void {
    this.db
      .prepare(`INSERT INTO idempotency (identity_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'endorsed', ?)`)
      .run(identityId, key, requestHash, nowIso());
  }

  /** The endorsed transaction, stored before it reaches ordering. */
  storeTransaction(identityId: string, key: string, tx: Transaction): void {
    this.db.prepare(`UPDATE idempotency SET tx_id = ?, tx_bytes = ? WHERE identity_id = ? AND key = ?`).run(tx.getTransactionId(), Buffer.from(tx.getBytes()), identityId, key);
  }

  complete(identityId: string, key: string, outcome: StoredOutcome): void {
    this.db
      .prepare(`UPDATE idempotency SET state = 'done', response_status = ?, response_body = ? WHERE identity_id = ? AND key = ?`)
      .run(outcome.status, JSON.stringify(outcome.body), identityId, key);
  }
}

/** The outcome a finished record replays, if it has one. */
export function storedOutcome(record: IdempotencyRecord): StoredOutcome | undefined {
  if (record.state !== 'done' || record.response_status === null || record.response_body === null) return undefined;
  return { status: record.response_status, body: JSON.parse(record.response_body) as unknown };
}
