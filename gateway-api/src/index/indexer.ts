/**
 * Keeps the index current from each channel's block stream. It reads with the
 * API admin identity of a member org (a regulator org first), starting at the
 * channel's checkpoint, so a restarted gateway resumes where it stopped and
 * only the blocks it missed are read. A rebuild forgets the channel's rows and
 * reads the chain again from block 0. A stream that fails is reopened after a
 * pause; the failure is reported in the index status. The running API runs it
 * in a worker thread (./indexer-thread.ts), off the thread that answers requests.
 */
import type { CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { common } from '@hyperledger/fabric-protos';
import type { GatewayNetworkConfig } from '@dec/network';
import type { Logger } from 'pino';
import type { Caller } from '../auth/identities';
import type { FabricSessions } from '../fabric/sessions';
import type { Db } from '../store/db';
import { extractBlock } from './extract';
import type { IndexStore } from './store';

export interface IndexerOptions {
  /** Orgs whose admins read first (default: the regulator orgs). */
  preferredMspIds?: string[];
  /** Pause before a failed stream is reopened (default 2 s). */
  retryMs?: number;
  /** Told each time a channel's follower starts, stops, fails or rebuilds (the worker thread forwards it). */
  onStatus?: (status: FollowerStatus) => void;
}

/** What the index reports of a channel's block stream, beside the height it holds. */
export interface FollowerStatus {
  channel: string;
  running: boolean;
  rebuilds: number;
  lastError?: string;
}

/** The index's block follower, in this thread (ChainIndexer) or in a worker (IndexerThread). */
export interface BlockIndexer {
  start(): void;
  stop(): void | Promise<void>;
  status(channel: string): ChannelIndexStatus;
  rebuild(channel: string): ChannelIndexStatus;
}

export interface ChannelIndexStatus {
  channel: string;
  /** Blocks held: the next block the index needs. */
  indexedHeight: string;
  running: boolean;
  rebuilds: number;
  lastError?: string;
}

interface Follower {
  stream?: CloseableAsyncIterable<common.Block>;
  running: boolean;
  rebuilds: number;
  lastError?: string;
  wake?: () => void;
}

export class ChainIndexer implements BlockIndexer {
  private readonly followers = new Map<string, Follower>();
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly store: IndexStore,
    private readonly sessions: FabricSessions,
    private readonly callerById: (id: string) => Caller,
    private readonly logger: Logger,
    private readonly options: IndexerOptions = {},
  ) {}

  private get config(): GatewayNetworkConfig {
    return this.sessions.config;
  }

  start(): void {
    this.stopped = false;
    for (const ch of this.config.channels) {
      const follower: Follower = { running: false, rebuilds: 0 };
      this.followers.set(ch.name, follower);
      void this.follow(ch.name, follower);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const f of this.followers.values()) {
      f.stream?.close();
      f.wake?.();
    }
  }

  status(channel: string): ChannelIndexStatus {
    const f = this.followers.get(channel);
    return {
      channel,
      indexedHeight: String(this.store.nextBlock(channel)),
      running: f?.running ?? false,
      rebuilds: f?.rebuilds ?? 0,
      ...(f?.lastError !== undefined ? { lastError: f.lastError } : {}),
    };
  }

  /** Forgets the channel's index and reads its chain again from block 0. */
  rebuild(channel: string): ChannelIndexStatus {
    this.store.reset(channel);
    const f = this.followers.get(channel);
    if (f) {
      f.rebuilds += 1;
      this.report(channel, f);
      f.stream?.close();
      f.wake?.();
    }
    return this.status(channel);
  }

  /** An API admin of a member org, regulator orgs first. */
  private reader(channel: string): Caller {
    const orgs = this.config.channels.find((c) => c.name === channel)?.orgs ?? [];
    const preferred = this.options.preferredMspIds ?? ['RegulatorMSP'];
    const ordered = [...orgs.filter((o) => preferred.includes(o)), ...orgs.filter((o) => !preferred.includes(o))];
    for (const msp of ordered) {
      const row = this.db.prepare(`SELECT id FROM identities WHERE msp_id = ? AND api_role = 'admin' AND status = 'active' AND certificate IS NOT NULL LIMIT 1`).get(msp) as { id: string } | undefined;
      if (row) return this.callerById(row.id);
    }
    throw new Error(`no active API admin of a member org of channel ${channel} to read its blocks`);
  }

  /** A method, not the field: the stream loop awaits, and stop() may run meanwhile. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private async follow(channel: string, f: Follower): Promise<void> {
    while (!this.stopped) {
      try {
        f.stream = await this.sessions.network(this.reader(channel), channel).getBlockEvents({ startBlock: BigInt(this.store.nextBlock(channel)) });
        f.running = true;
        this.report(channel, f);
        for await (const block of f.stream) {
          this.store.apply(channel, extractBlock(block));
          if (f.lastError !== undefined) {
            delete f.lastError;
            this.report(channel, f);
          }
        }
      } catch (e) {
        if (this.isStopped()) break;
        f.lastError = e instanceof Error ? e.message : String(e);
        this.logger.warn({ channel, err: f.lastError }, 'index: block stream failed; reopening');
      } finally {
        f.running = false;
        f.stream?.close();
        delete f.stream;
        this.report(channel, f);
      }
      await this.pause(f);
    }
  }

  private report(channel: string, f: Follower): void {
    this.options.onStatus?.({ channel, running: f.running, rebuilds: f.rebuilds, ...(f.lastError !== undefined ? { lastError: f.lastError } : {}) });
  }

  private pause(f: Follower): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.retryMs ?? 2000);
      function done(): void {
        clearTimeout(timer);
        delete f.wake;
        resolve();
      }
      f.wake = done;
    });
  }
}
