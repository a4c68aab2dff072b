/**
 * The request thread's handle on the chain index's worker (./indexer-worker.ts):
 * the same start / stop / status / rebuild as an in-thread ChainIndexer, so the
 * routes do not know where blocks are read. The height comes from the shared
 * database; running, rebuilds and the last error come from the worker's
 * reports. A worker that dies is started again after a pause, from the index's
 * checkpoint, as a failed block stream is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { BlockIndexer, ChannelIndexStatus, FollowerStatus } from './indexer';
import type { FromIndexerWorker, IndexerWorkerData, ToIndexerWorker } from './indexer-worker';
import type { IndexStore } from './store';

/** The compiled worker beside this file; under ts-node (unit tests) the TypeScript source, through ts-node. */
function spawn(data: IndexerWorkerData): Worker {
  const compiled = path.join(__dirname, 'indexer-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: data });
  const source = path.join(__dirname, 'indexer-worker.ts');
  return new Worker(`require('ts-node/register/transpile-only'); require(${JSON.stringify(source)});`, { eval: true, workerData: data });
}

export class IndexerThread implements BlockIndexer {
  private worker: Worker | undefined;
  private readonly reported = new Map<string, FollowerStatus>();
  private stopping: Promise<void> | undefined;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: IndexStore,
    private readonly data: IndexerWorkerData,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopping = undefined;
    const worker = spawn({ ...this.data, logLevel: this.logger.level });
    this.worker = worker;
    worker.on('message', (message: FromIndexerWorker) => {
      if (message.type === 'status') this.reported.set(message.status.channel, message.status);
    });
    worker.on('error', (e) => {
      this.logger.warn({ err: e.message }, 'index: worker thread failed');
      for (const ch of this.data.config.channels) this.reported.set(ch.name, { ...this.followerOf(ch.name), running: false, lastError: e.message });
    });
    worker.on('exit', () => {
      if (this.worker !== worker || this.stopping) return;
      this.worker = undefined;
      this.restartTimer = setTimeout(() => {
        this.start();
      }, this.data.retryMs ?? 2000);
    });
  }

  /** Asks the worker to close its streams and database, then ends it. */
  stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.stopping ??= new Promise<void>((resolve) => {
      const end = (): void => {
        void worker.terminate().then(() => {
          resolve();
        });
      };
      worker.on('message', (message: FromIndexerWorker) => {
        if (message.type === 'stopped') end();
      });
      worker.once('exit', () => {
        resolve();
      });
      this.send({ type: 'stop' });
    });
    this.worker = undefined;
    return this.stopping;
  }

  status(channel: string): ChannelIndexStatus {
    const f = this.followerOf(channel);
    return {
      channel,
      indexedHeight: String(this.store.nextBlock(channel)),
      running: f.running,
      rebuilds: f.rebuilds,
      ...(f.lastError !== undefined ? { lastError: f.lastError } : {}),
    };
  }

  /**
   * Forgets the channel's rows here, at once, so the answer already says height 0;
   * the worker then reads the chain again from block 0 (a block it was applying
   * meanwhile no longer fits the reset height and is dropped).
   */
  rebuild(channel: string): ChannelIndexStatus {
    this.store.reset(channel);
    const f = this.followerOf(channel);
    this.reported.set(channel, { ...f, rebuilds: f.rebuilds + 1 });
    this.send({ type: 'rebuild', channel });
    return this.status(channel);
  }

  private followerOf(channel: string): FollowerStatus {
    return this.reported.get(channel) ?? { channel, running: false, rebuilds: 0 };
  }

  private send(message: ToIndexerWorker): void {
    this.worker?.postMessage(message);
  }
}
