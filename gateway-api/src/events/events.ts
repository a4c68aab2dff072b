/**
 * Event streams over Server-Sent Events, read with the caller's own identity:
 * - chaincode events of a channel's chaincode, filterable by event name; each
 *   SSE id is `<block>:<txId>`, and a reconnect with Last-Event-ID (or
 *   `?checkpoint=<name>`, stored server-side per identity) resumes right after
 *   the last event delivered; `?fromBlock=N` starts at a block;
 * - block events: a summary per block (transactions with validation codes),
 *   SSE id = block number, resumable the same way.
 */
import type { ChaincodeEvent, Checkpoint, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { common } from '@hyperledger/fabric-protos';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/identities';
import { ApiError, toApiError } from '../http/errors';
import type { FabricSessions } from '../fabric/sessions';
import { decodeBlock, decodeResult } from '@dec/fabric-client';
import type { Metrics } from '../ops/metrics';
import { nowIso, type Db } from '../store/db';

export interface StreamPosition {
  blockNumber: bigint;
  transactionId?: string;
}

/** `12:abc…` → {12, abc…}; `12` → {12} */
export function parseEventId(id: string | undefined): StreamPosition | undefined {
  if (!id) return undefined;
  const [, block, transactionId] = /^(\d{1,20})(?::([0-9a-f]{1,128}))?$/.exec(id.trim()) ?? [];
  if (block === undefined) throw new ApiError('VALIDATION', 'Last-Event-ID must be <block> or <block>:<transactionId>');
  return { blockNumber: BigInt(block), ...(transactionId ? { transactionId } : {}) };
}

/** Which event names a stream sends: those named, or all when none are. */
export function eventFilter(names: readonly string[] | undefined): (name: string) => boolean {
  if (!names || names.length === 0) return () => true;
  const wanted = new Set(names);
  return (name) => wanted.has(name);
}

/** A chaincode event as the SSE stream sends it. */
function eventBody(event: ChaincodeEvent): Record<string, unknown> {
  return {
    blockNumber: event.blockNumber.toString(),
    transactionId: event.transactionId,
    chaincode: event.chaincodeName,
    eventName: event.eventName,
    payload: decodeResult(event.payload),
  };
}

function checkpointOf(p: StreamPosition): Checkpoint {
  return { getBlockNumber: () => p.blockNumber, getTransactionId: () => p.transactionId };
}

function openSse(res: Response): { send(id: string, event: string, data: unknown): boolean; closed: () => boolean } {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const heartbeat = setInterval(() => {
    res.write(': keep-alive\n\n');
  }, 15_000);
  res.on('close', () => {
    clearInterval(heartbeat);
  });
  return {
    send: (id, event, data) => res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    closed: () => closed,
  };
}

export interface ChaincodeStreamOptions {
  channel: string;
  chaincode: string;
  eventNames?: string[];
  fromBlock?: bigint;
  checkpoint?: string;
}

export class EventService {
  constructor(
    private readonly db: Db,
    private readonly sessions: FabricSessions,
    private readonly metrics?: Metrics,
  ) {}

  private loadCheckpoint(caller: Caller, name: string, channel: string): StreamPosition | undefined {
    const row = this.db.prepare(`SELECT channel, block_number, tx_id FROM checkpoints WHERE identity_id = ? AND name = ?`).get(caller.id, name) as
      | { channel: string; block_number: string; tx_id: string | null }
      | undefined;
    if (!row) return undefined;
    if (row.channel !== channel) throw new ApiError('CONFLICT', `checkpoint ${name} belongs to channel ${row.channel}`);
    return { blockNumber: BigInt(row.block_number), ...(row.tx_id ? { transactionId: row.tx_id } : {}) };
  }

  saveCheckpoint(caller: Caller, name: string, channel: string, p: StreamPosition): void {
    this.db
      .prepare(
        `INSERT INTO checkpoints (identity_id, name, channel, block_number, tx_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity_id, name) DO UPDATE SET block_number = excluded.block_number, tx_id = excluded.tx_id, updated_at = excluded.updated_at`,
      )
      .run(caller.id, name, channel, p.blockNumber.toString(), p.transactionId ?? null, nowIso());
  }

  /** Where a stream starts: Last-Event-ID, else the named checkpoint, else fromBlock, else the next block. */
  private position(caller: Caller, req: Request, channel: string, checkpoint?: string): StreamPosition | undefined {
    return parseEventId(req.get('last-event-id')) ?? (checkpoint ? this.loadCheckpoint(caller, checkpoint, channel) : undefined);
  }

  /** The chaincode's events from where the stream resumes (or starts), or a 404 for a chaincode not on the channel. */
  private async chaincodeEvents(caller: Caller, req: Request, opts: ChaincodeStreamOptions): Promise<CloseableAsyncIterable<ChaincodeEvent>> {
    const network = this.sessions.network(caller, opts.channel);
    const ch = this.sessions.config.channels.find((c) => c.name === opts.channel);
    if (!ch?.chaincodes.some((c) => c.name === opts.chaincode)) throw new ApiError('NOT_FOUND', `no chaincode ${opts.chaincode} on channel ${opts.channel}`);
    const resume = this.position(caller, req, opts.channel, opts.checkpoint);
    const start = resume ? { checkpoint: checkpointOf(resume) } : opts.fromBlock !== undefined ? { startBlock: opts.fromBlock } : {};
    try {
      return await network.getChaincodeEvents(opts.chaincode, start);
    } catch (e) {
      throw toApiError(e);
    }
  }

  async streamChaincodeEvents(caller: Caller, req: Request, res: Response, opts: ChaincodeStreamOptions): Promise<void> {
    const events = await this.chaincodeEvents(caller, req, opts);
    this.metrics?.eventStreams.inc({ kind: 'chaincode' });
    const sse = openSse(res);
    res.on('close', () => {
      events.close();
    });
    const wanted = eventFilter(opts.eventNames);
    try {
      for await (const event of events) {
        if (sse.closed()) break;
        if (wanted(event.eventName)) sse.send(`${event.blockNumber}:${event.transactionId}`, event.eventName, eventBody(event));
        if (opts.checkpoint) this.saveCheckpoint(caller, opts.checkpoint, opts.channel, { blockNumber: event.blockNumber, transactionId: event.transactionId });
      }
    } catch (e) {
      if (!sse.closed()) sse.send('error', 'error', toApiError(e).body());
    } finally {
      res.end();
    }
  }

  async streamBlocks(caller: Caller, req: Request, res: Response, opts: { channel: string; fromBlock?: bigint; checkpoint?: string }): Promise<void> {
    const network = this.sessions.network(caller, opts.channel);
    const resume = this.position(caller, req, opts.channel, opts.checkpoint);
    const start = resume ? resume.blockNumber + 1n : opts.fromBlock;
    const blocks = await network.getBlockEvents(start !== undefined ? { startBlock: start } : {}).catch((e: unknown) => {
      throw toApiError(e);
    });
    this.metrics?.eventStreams.inc({ kind: 'block' });
    const sse = openSse(res);
    res.on('close', () => {
      blocks.close();
    });
    try {
      for await (const block of blocks) {
        if (sse.closed()) break;
        const summary = summarize(block);
        sse.send(summary.number, 'block', summary);
        if (opts.checkpoint) this.saveCheckpoint(caller, opts.checkpoint, opts.channel, { blockNumber: BigInt(summary.number) });
      }
    } catch (e) {
      if (!sse.closed()) sse.send('error', 'error', toApiError(e).body());
    } finally {
      res.end();
    }
  }
}

function summarize(block: common.Block) {
  const decoded = decodeBlock(block);
  return {
    number: decoded.number,
    dataHash: decoded.dataHash,
    transactionCount: decoded.transactionCount,
    transactions: decoded.transactions.map((t) => ({
      transactionId: t.transactionId,
      type: t.type,
      validationCode: t.validationCode,
      creatorMspId: t.creator.mspId,
      ...(t.chaincode ? { chaincode: t.chaincode.name } : {}),
      ...(t.function ? { function: t.function } : {}),
      ...(t.event ? { eventName: t.event.name } : {}),
    })),
  };
}
