/**
 * Event streams over Server-Sent Events, read with the caller's own identity:
 * - chaincode events of a channel's chaincode, filterable by event name; each
 *   SSE id is `<block>:<txId>`;
 * - block events: a summary per block (transactions with validation codes),
 *   SSE id = block number.
 * A stream starts at Last-Event-ID (right after it), else at its named
 * checkpoint (`?checkpoint=<name>`, which moves only on acknowledgement, see
 * checkpoints.ts), else at `?fromBlock=N`, else at the next block. Each
 * identity has at most `maxStreamsPerIdentity` open streams, and a consumer
 * that stops reading is closed rather than buffered for (sse.ts).
 */
import type { ChaincodeEvent, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { common } from '@hyperledger/fabric-protos';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/identities';
import { ApiError, toApiError } from '../http/errors';
import type { FabricSessions } from '../fabric/sessions';
import { decodeBlock, decodeResult } from '@dec/fabric-client';
import type { Metrics } from '../ops/metrics';
import type { Db } from '../store/db';
import { CheckpointStore, parseEventId, StreamSlots, type StreamPosition } from './checkpoints';
import { openSse, type SseChannel } from './sse';

export { parseEventId, type StreamPosition } from './checkpoints';

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

export interface EventOptions {
  /** Open streams one identity may have (default 5). */
  maxStreamsPerIdentity?: number;
  /** Unsent bytes a stream may hold before its consumer counts as not reading (default 1 MiB). */
  maxBufferedBytes?: number;
}

export interface StreamOptions {
  channel: string;
  fromBlock?: bigint;
  checkpoint?: string;
}

export interface ChaincodeStreamOptions extends StreamOptions {
  chaincode: string;
  eventNames?: string[];
}

/** The current height of a channel (the next block), as the caller reads it. */
export type HeightOf = (caller: Caller, channel: string) => Promise<bigint>;

export class EventService {
  readonly checkpoints: CheckpointStore;
  private readonly slots: StreamSlots;

  constructor(
    db: Db,
    private readonly sessions: FabricSessions,
    private readonly heightOf: HeightOf,
    private readonly metrics?: Metrics,
    private readonly options: EventOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.slots = new StreamSlots(options.maxStreamsPerIdentity ?? 5);
  }

  /** Where a stream starts (see the file comment); a new named checkpoint is created there. */
  private async position(caller: Caller, req: Request, opts: StreamOptions): Promise<StreamPosition | undefined> {
    const lastEventId = req.get('last-event-id');
    const after = parseEventId(lastEventId);
    if (!opts.checkpoint) return after ?? (opts.fromBlock !== undefined ? { blockNumber: opts.fromBlock } : undefined);
    if (after && lastEventId) return this.checkpoints.acknowledge(caller, opts.checkpoint, opts.channel, lastEventId);
    const stored = this.checkpoints.get(caller, opts.checkpoint, opts.channel);
    if (stored) return stored;
    const start = opts.fromBlock ?? (await this.heightOf(caller, opts.channel));
    return this.checkpoints.create(caller, opts.checkpoint, opts.channel, { blockNumber: start });
  }

  /** The chaincode's events from where the stream starts, or a 404 for a chaincode not on the channel. */
  private async chaincodeEvents(caller: Caller, req: Request, opts: ChaincodeStreamOptions): Promise<CloseableAsyncIterable<ChaincodeEvent>> {
    const network = this.sessions.network(caller, opts.channel);
    const ch = this.sessions.config.channels.find((c) => c.name === opts.channel);
    if (!ch?.chaincodes.some((c) => c.name === opts.chaincode)) throw new ApiError('NOT_FOUND', `no chaincode ${opts.chaincode} on channel ${opts.channel}`);
    const start = await this.position(caller, req, opts);
    const from = start ? { checkpoint: { getBlockNumber: () => start.blockNumber, getTransactionId: () => start.transactionId } } : {};
    try {
      return await network.getChaincodeEvents(opts.chaincode, from);
    } catch (e) {
      throw toApiError(e);
    }
  }

  private async blockEvents(caller: Caller, req: Request, opts: StreamOptions): Promise<CloseableAsyncIterable<common.Block>> {
    const network = this.sessions.network(caller, opts.channel);
    const start = await this.position(caller, req, opts);
    try {
      return await network.getBlockEvents(start ? { startBlock: start.blockNumber } : {});
    } catch (e) {
      throw toApiError(e);
    }
  }

  async streamChaincodeEvents(caller: Caller, req: Request, res: Response, opts: ChaincodeStreamOptions): Promise<void> {
    const wanted = eventFilter(opts.eventNames);
    await this.stream(caller, res, 'chaincode', () => this.chaincodeEvents(caller, req, opts), (sse, event) =>
      !wanted(event.eventName) || sse.send(`${event.blockNumber}:${event.transactionId}`, event.eventName, eventBody(event)),
    );
  }

  async streamBlocks(caller: Caller, req: Request, res: Response, opts: StreamOptions): Promise<void> {
    await this.stream(caller, res, 'block', () => this.blockEvents(caller, req, opts), (sse, block) => {
      const summary = summarize(block);
      return sse.send(summary.number, 'block', summary);
    });
  }

  /** Holds a stream slot while the stream is open, and sends until the consumer leaves, stalls or the source fails. */
  private async stream<T>(caller: Caller, res: Response, kind: string, open: () => Promise<CloseableAsyncIterable<T>>, send: (sse: SseChannel, item: T) => boolean): Promise<void> {
    const release = this.slots.acquire(caller.id);
    res.on('close', release);
    let source: CloseableAsyncIterable<T>;
    try {
      source = await open();
    } catch (e) {
      release();
      throw e;
    }
    this.metrics?.eventStreams.inc({ kind });
    const sse = openSse(res, { maxBufferedBytes: this.options.maxBufferedBytes ?? 1024 * 1024 });
    res.on('close', () => {
      source.close();
    });
    try {
      for await (const item of source) if (!send(sse, item)) break;
    } catch (e) {
      sse.send('error', 'error', toApiError(e).body());
    } finally {
      source.close();
      if (sse.open) res.end();
    }
  }
}

function summarize(block: common.Block): { number: string; dataHash: string; transactionCount: number; transactions: Record<string, unknown>[] } {
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
