/**
 * Webhooks for integrators: chaincode events of one channel's chaincode,
 * filtered by event name, POSTed as JSON to the integrator's URL, signed the
 * Standard Webhooks way (webhook-signature.ts; the secret is shown once at
 * creation). The URL must pass the target policy (webhook-targets.ts) when the
 * webhook is created and again at every connection; each identity has at most
 * `maxPerIdentity` webhooks. Each event becomes a delivery row first
 * (at-least-once, unique per webhook and event), delivered by the per-endpoint
 * queue (webhook-deliveries.ts). Listening resumes from the webhook's stored
 * checkpoint after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Caller, IdentityService } from '../auth/identities';
import { ApiError } from '../http/errors';
import type { FabricSessions } from '../fabric/sessions';
import { decodeResult, type ChaincodeEvent, type CloseableAsyncIterable } from '@dec/fabric-client';
import { eventFilter } from './events';
import type { Metrics } from '../ops/metrics';
import { nowIso, type Db } from '../store/db';
import type { SecretBox } from '../store/secrets';
import { DeliveryQueue, type DeliveryOptions } from './webhook-deliveries';
import { newWebhookSecret } from './webhook-signature';
import { TargetPolicy, TargetRefused } from './webhook-targets';

export interface WebhookRecord {
  id: string;
  url: string;
  channel: string;
  chaincode: string;
  eventNames: string[];
  active: boolean;
  createdAt: string;
}

interface WebhookRow {
  id: string;
  identity_id: string;
  url: string;
  channel: string;
  chaincode: string;
  event_names: string;
  secret: string;
  next_block: string | null;
  last_tx_id: string | null;
  active: number;
  created_at: string;
}

export interface WebhookOptions extends DeliveryOptions {
  pollMs: number;
  /** Active webhooks one identity may have (default 10). */
  maxPerIdentity?: number;
  /** CIDRs webhooks may call although not public (default: DEC_API_WEBHOOK_ALLOW, else none). */
  allow?: string[];
}

const DEFAULTS: WebhookOptions = { maxAttempts: 8, baseDelayMs: 1000, pollMs: 500, timeoutMs: 10_000 };

const toRecord = (r: WebhookRow): WebhookRecord => ({
  id: r.id,
  url: r.url,
  channel: r.channel,
  chaincode: r.chaincode,
  eventNames: JSON.parse(r.event_names) as string[],
  active: r.active === 1,
  createdAt: r.created_at,
});

export class WebhookService {
  private readonly listeners = new Map<string, { close(): void }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly queue: DeliveryQueue;
  private readonly policy: TargetPolicy;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly sessions: FabricSessions,
    private readonly identities: IdentityService,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
    private readonly options: WebhookOptions = DEFAULTS,
  ) {
    this.policy = options.allow ? new TargetPolicy(options.allow) : TargetPolicy.fromEnv(process.env.DEC_API_WEBHOOK_ALLOW);
    this.queue = new DeliveryQueue(db, box, this.policy, logger, options, metrics);
  }

  async create(caller: Caller, req: { url: string; channel: string; chaincode: string; eventNames: string[]; fromBlock?: bigint }): Promise<WebhookRecord & { secret: string }> {
    this.sessions.requireChannel(caller.mspId, req.channel);
    const ch = this.sessions.config.channels.find((c) => c.name === req.channel);
    if (!ch?.chaincodes.some((c) => c.name === req.chaincode)) throw new ApiError('NOT_FOUND', `no chaincode ${req.chaincode} on channel ${req.channel}`);
    const cap = this.options.maxPerIdentity ?? 10;
    const { n } = this.db.prepare(`SELECT COUNT(*) AS n FROM webhooks WHERE identity_id = ? AND active = 1`).get(caller.id) as { n: number };
    if (n >= cap) throw new ApiError('CONFLICT', `at most ${cap} webhooks per identity; delete one first`);
    await this.policy.checkUrl(req.url).catch((e: unknown) => {
      if (e instanceof TargetRefused) throw new ApiError('VALIDATION', `body.url: ${e.message}`, { details: [{ field: 'body.url', message: e.message }] });
      throw e;
    });
    const id = randomUUID();
    const secret = newWebhookSecret();
    this.db
      .prepare(
        `INSERT INTO webhooks (id, identity_id, url, channel, chaincode, event_names, secret, next_block, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(id, caller.id, req.url, req.channel, req.chaincode, JSON.stringify(req.eventNames), this.box.seal(secret, `webhook:${id}`), req.fromBlock?.toString() ?? null, nowIso());
    const row = this.row(caller, id);
    if (!this.stopped) this.listen(row);
    return { ...toRecord(row), secret };
  }

  list(caller: Caller): WebhookRecord[] {
    return (this.db.prepare(`SELECT * FROM webhooks WHERE identity_id = ? AND active = 1 ORDER BY created_at`).all(caller.id) as WebhookRow[]).map(toRecord);
  }

  delete(caller: Caller, id: string): void {
    this.row(caller, id);
    this.db.prepare(`UPDATE webhooks SET active = 0 WHERE id = ?`).run(id);
    this.listeners.get(id)?.close();
    this.listeners.delete(id);
  }

  deliveries(caller: Caller, id: string): { eventId: string; state: string; attempts: number; lastError?: string }[] {
    this.row(caller, id);
    const rows = this.db.prepare(`SELECT event_id, state, attempts, last_error FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id`).all(id) as {
      event_id: string;
      state: string;
      attempts: number;
      last_error: string | null;
    }[];
    return rows.map((r) => ({ eventId: r.event_id, state: r.state, attempts: r.attempts, ...(r.last_error ? { lastError: r.last_error } : {}) }));
  }

  private row(caller: Caller, id: string): WebhookRow {
    const row = this.db.prepare(`SELECT * FROM webhooks WHERE id = ? AND identity_id = ? AND active = 1`).get(id, caller.id) as WebhookRow | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `no webhook ${id}`);
    return row;
  }

  /** Starts listeners for every active webhook and the delivery loop. */
  start(): void {
    this.stopped = false;
    for (const row of this.db.prepare(`SELECT * FROM webhooks WHERE active = 1`).all() as WebhookRow[]) this.listen(row);
    this.timer = setInterval(() => {
      this.deliverDue();
    }, this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.listeners.forEach((l) => {
      l.close();
    });
    this.listeners.clear();
  }

  private listen(row: WebhookRow): void {
    const state: { closed: boolean; iterator?: { close(): void } } = { closed: false };
    // A function, not a condition: close() and stop() change these while the loop awaits.
    const active = (): boolean => !state.closed && !this.stopped;
    this.listeners.set(row.id, {
      close: () => {
        state.closed = true;
        state.iterator?.close();
      },
    });
    const wanted = eventFilter(JSON.parse(row.event_names) as string[]);
    const run = async (): Promise<void> => {
      while (active()) {
        try {
          const events = await this.chaincodeEvents(row);
          state.iterator = events;
          for await (const event of events) {
            if (!active()) break;
            this.record(row, event, wanted(event.eventName));
            this.deliverDue();
          }
        } catch (e) {
          if (!active()) return;
          this.logger.warn({ webhook: row.id, err: (e as Error).message }, 'webhook listener failed; reconnecting');
          await new Promise((r) => setTimeout(r, 2000).unref());
        }
      }
    };
    void run();
  }

  /** The webhook's chaincode events from just after the last one it recorded. */
  private chaincodeEvents(row: WebhookRow): Promise<CloseableAsyncIterable<ChaincodeEvent>> {
    const caller = this.identities.callerById(row.identity_id);
    const current = this.db.prepare(`SELECT next_block, last_tx_id FROM webhooks WHERE id = ?`).get(row.id) as { next_block: string | null; last_tx_id: string | null };
    const { next_block: nextBlock, last_tx_id: lastTxId } = current;
    const network = this.sessions.network(caller, row.channel);
    const options =
      nextBlock !== null && lastTxId
        ? { checkpoint: { getBlockNumber: () => BigInt(nextBlock), getTransactionId: () => lastTxId } }
        : nextBlock
          ? { startBlock: BigInt(nextBlock) }
          : {};
    return network.getChaincodeEvents(row.chaincode, options);
  }

  /** Queues a delivery of a wanted event and moves the webhook's checkpoint past it, in one transaction. */
  private record(row: WebhookRow, event: ChaincodeEvent, deliver: boolean): void {
    const eventId = `${event.blockNumber}:${event.transactionId}`;
    this.db.transaction(() => {
      if (deliver) {
        const payload = JSON.stringify({
          webhookId: row.id,
          eventId,
          channel: row.channel,
          chaincode: event.chaincodeName,
          eventName: event.eventName,
          blockNumber: event.blockNumber.toString(),
          transactionId: event.transactionId,
          payload: decodeResult(event.payload),
        });
        this.db
          .prepare(`INSERT OR IGNORE INTO webhook_deliveries (webhook_id, event_id, payload, state, next_attempt_at) VALUES (?, ?, ?, 'pending', ?)`)
          .run(row.id, eventId, payload, Date.now());
      }
      this.db.prepare(`UPDATE webhooks SET next_block = ?, last_tx_id = ? WHERE id = ?`).run(event.blockNumber.toString(), event.transactionId, row.id);
    })();
  }

  /** Starts the delivery of everything due (per endpoint), and closes the listeners of webhooks whose owner was revoked. */
  deliverDue(): void {
    for (const id of this.queue.kick()) {
      this.listeners.get(id)?.close();
      this.listeners.delete(id);
    }
  }
}
