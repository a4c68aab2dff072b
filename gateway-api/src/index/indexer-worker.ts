/**
 * The chain index's block follower, run in a worker thread (./indexer-thread.ts).
 * Decoding a block and writing its rows cost the API 2.5 ms of CPU per
 * transaction, all of it on the event loop that answers requests: a block of
 * ten transactions held back the ten replies it had just committed. Here it
 * runs beside the requests, with its own database connection (SQLite in WAL
 * mode lets the request thread read meanwhile), its own peer connections and
 * the same ChainIndexer as before.
 */
import type { GatewayNetworkConfig } from '@dec/network';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { IdentityService } from '../auth/identities';
import { FabricSessions } from '../fabric/sessions';
import { openDb } from '../store/db';
import { SecretBox } from '../store/secrets';
import { ChainIndexer, type FollowerStatus } from './indexer';
import { IndexStore } from './store';

/** What the request thread hands the worker when it starts it. */
export interface IndexerWorkerData {
  dataDir: string;
  config: GatewayNetworkConfig;
  preferredMspIds: string[];
  retryMs?: number;
  /** The request thread's log level (its logger's `level`). */
  logLevel?: string;
}

/** Request thread → worker. */
export type ToIndexerWorker = { type: 'rebuild'; channel: string } | { type: 'stop' };
/** Worker → request thread. */
export type FromIndexerWorker = { type: 'status'; status: FollowerStatus } | { type: 'stopped' };

function main(port: NonNullable<typeof parentPort>, data: IndexerWorkerData): void {
  const logger = pino({ level: data.logLevel ?? 'info', base: { service: 'dec-gateway-api', thread: 'indexer' } });
  const db = openDb(path.join(data.dataDir, 'gateway.db'));
  const identities = new IdentityService(db, SecretBox.load(data.dataDir), data.config);
  const sessions = new FabricSessions(data.config);
  const post = (message: FromIndexerWorker): void => {
    port.postMessage(message);
  };
  const indexer = new ChainIndexer(db, new IndexStore(db), sessions, (id) => identities.callerById(id), logger, {
    preferredMspIds: data.preferredMspIds,
    ...(data.retryMs !== undefined ? { retryMs: data.retryMs } : {}),
    onStatus: (status) => {
      post({ type: 'status', status });
    },
  });
  port.on('message', (message: ToIndexerWorker) => {
    if (message.type === 'rebuild') {
      indexer.rebuild(message.channel);
      return;
    }
    indexer.stop();
    sessions.close();
    db.close();
    post({ type: 'stopped' }); // the request thread then ends this thread
  });
  indexer.start();
}

if (parentPort) main(parentPort, workerData as IndexerWorkerData);
