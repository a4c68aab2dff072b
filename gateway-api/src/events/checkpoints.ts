/**
 * Named event-stream checkpoints, stored per identity. A checkpoint holds the
 * position a stream resumes from: the next block to read and, inside it, the
 * last transaction already handled. It moves only when the client
 * acknowledges (a reconnect with Last-Event-ID, or an explicit ack), never
 * because the gateway sent something: an event written to a socket that then
 * broke was not received, and must come again. A new checkpoint starts where
 * its first stream starts, so events between streams are never skipped.
 */
import type { Caller } from '../auth/identities';
import { ApiError } from '../http/errors';
import { nowIso, type Db } from '../store/db';

export interface StreamPosition {
  /** The next block to read. */
  blockNumber: bigint;
  /** The last transaction of that block already handled (chaincode events). */
  transactionId?: string;
}

export interface CheckpointRecord extends StreamPosition {
  name: string;
  channel: string;
  updatedAt: string;
}

/** `12:abc…` (a chaincode event) → resume in block 12 after abc…; `12` (a block) → resume at block 13. */
export function parseEventId(id: string | undefined): StreamPosition | undefined {
  if (!id) return undefined;
  const [, block, transactionId] = /^(\d{1,20})(?::([0-9a-f]{1,128}))?$/.exec(id.trim()) ?? [];
  if (block === undefined) throw new ApiError('VALIDATION', 'Last-Event-ID must be <block> or <block>:<transactionId>');
  return transactionId ? { blockNumber: BigInt(block), transactionId } : { blockNumber: BigInt(block) + 1n };
}

interface Row {
  name: string;
  channel: string;
  block_number: string;
  tx_id: string | null;
  updated_at: string;
}

const toRecord = (r: Row): CheckpointRecord => ({
  name: r.name,
  channel: r.channel,
  blockNumber: BigInt(r.block_number),
  ...(r.tx_id ? { transactionId: r.tx_id } : {}),
  updatedAt: r.updated_at,
});

export class CheckpointStore {
  constructor(private readonly db: Db) {}

  /** The checkpoint, if it exists; a checkpoint of another channel is a conflict. */
  get(caller: Caller, name: string, channel: string): CheckpointRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM checkpoints WHERE identity_id = ? AND name = ?`).get(caller.id, name) as Row | undefined;
    if (!row) return undefined;
    if (row.channel !== channel) throw new ApiError('CONFLICT', `checkpoint ${name} belongs to channel ${row.channel}`);
    return toRecord(row);
  }

  /** Creates the checkpoint at its first stream's start (no-op when it exists). */
  create(caller: Caller, name: string, channel: string, start: StreamPosition): CheckpointRecord {
    this.db
      .prepare(`INSERT OR IGNORE INTO checkpoints (identity_id, name, channel, block_number, tx_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(caller.id, name, channel, start.blockNumber.toString(), start.transactionId ?? null, nowIso());
    return this.get(caller, name, channel) as CheckpointRecord;
  }

  /** The client acknowledges everything up to `eventId`: the checkpoint moves there, never backwards. */
  acknowledge(caller: Caller, name: string, channel: string, eventId: string): CheckpointRecord {
    const next = parseEventId(eventId) as StreamPosition;
    const current = this.get(caller, name, channel);
    if (current && next.blockNumber < current.blockNumber)
      throw new ApiError('CONFLICT', `checkpoint ${name} is at block ${current.blockNumber}; an acknowledgement cannot move it back to ${next.blockNumber}`);
    this.db
      .prepare(
        `INSERT INTO checkpoints (identity_id, name, channel, block_number, tx_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity_id, name) DO UPDATE SET block_number = excluded.block_number, tx_id = excluded.tx_id, updated_at = excluded.updated_at`,
      )
      .run(caller.id, name, channel, next.blockNumber.toString(), next.transactionId ?? null, nowIso());
    return this.get(caller, name, channel) as CheckpointRecord;
  }
}

/** Open streams per identity, capped: each holds a Fabric event stream and a socket. */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerIdentity: number) {}

  /** Takes a slot or answers 429; the returned function gives it back (once). */
  acquire(identityId: string): () => void {
    const n = this.open.get(identityId) ?? 0;
    if (n >= this.maxPerIdentity) throw new ApiError('RATE_LIMITED', `at most ${this.maxPerIdentity} open event streams per identity; close one first`);
    this.open.set(identityId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(identityId) ?? 1) - 1;
      if (left === 0) this.open.delete(identityId);
      else this.open.set(identityId, left);
    };
  }
}
