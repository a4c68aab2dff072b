/**
 * The webhook delivery queue. Each event a webhook wants is a delivery row
 * first (at-least-once), then attempted until its endpoint answers 2xx or the
 * attempts run out. Deliveries are queued per endpoint: one endpoint's
 * deliveries go in order, one at a time, while different endpoints are served
 * concurrently, so a dead or slow endpoint delays only itself. Retries back
 * off exponentially with jitter (so endpoints that failed together do not all
 * come back at the same instant), and stop for good when the webhook's owner
 * is revoked.
 */
import type { Logger } from 'pino';
import type { Metrics } from '../ops/metrics';
import type { Db } from '../store/db';
import type { SecretBox } from '../store/secrets';
import { postWebhook } from './webhook-post';
import { signWebhook } from './webhook-signature';
import type { TargetPolicy } from './webhook-targets';

export interface DeliveryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  /** Longest wait between two attempts. */
  maxDelayMs?: number;
  /** Endpoints served at the same time. */
  maxConcurrentEndpoints?: number;
}

interface DueDelivery {
  id: number;
  webhook_id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

export const OWNER_REVOKED = 'the webhook\'s owner was revoked; no further attempts';

/** Exponential backoff with jitter: between half and all of base·2^(attempt-1), capped. */
export function retryDelayMs(attempts: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class DeliveryQueue {
  /** Webhooks whose queue is being worked through right now. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly policy: TargetPolicy,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions,
    private readonly metrics?: Metrics,
  ) {}

  /** Stops the deliveries of revoked owners, then starts a worker for every endpoint with something due. */
  kick(): string[] {
    const stopped = this.stopRevokedOwners();
    const limit = this.options.maxConcurrentEndpoints ?? 64;
    const due = this.db
      .prepare(
        `SELECT DISTINCT d.webhook_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND w.active = 1`,
      )
      .all(Date.now()) as { webhook_id: string }[];
    for (const { webhook_id: webhookId } of due) {
      if (this.busy.has(webhookId) || this.busy.size >= limit) continue;
      this.busy.add(webhookId);
      void this.drain(webhookId).finally(() => this.busy.delete(webhookId));
    }
    return stopped;
  }

  /** Webhooks of revoked owners: deactivated, pending deliveries failed; returns their IDs so their listeners close. */
  private stopRevokedOwners(): string[] {
    const revoked = this.db
      .prepare(`SELECT w.id FROM webhooks w JOIN identities i ON i.id = w.identity_id WHERE w.active = 1 AND i.status = 'revoked'`)
      .all() as { id: string }[];
    if (revoked.length === 0) return [];
    this.db.transaction(() => {
      for (const { id } of revoked) {
        this.db.prepare(`UPDATE webhooks SET active = 0 WHERE id = ?`).run(id);
        this.db.prepare(`UPDATE webhook_deliveries SET state = 'failed', last_error = ? WHERE webhook_id = ? AND state = 'pending'`).run(OWNER_REVOKED, id);
      }
    })();
    return revoked.map((r) => r.id);
  }

  /** One endpoint's due deliveries, oldest first, one at a time. */
  private async drain(webhookId: string): Promise<void> {
    for (;;) {
      const next = this.db
        .prepare(
          `SELECT d.id, d.webhook_id, d.payload, d.attempts, w.url, w.secret FROM webhook_deliveries d
           JOIN webhooks w ON w.id = d.webhook_id JOIN identities i ON i.id = w.identity_id
           WHERE d.webhook_id = ? AND d.state = 'pending' AND d.next_attempt_at <= ? AND w.active = 1 AND i.status = 'active'
           ORDER BY d.id LIMIT 1`,
        )
        .get(webhookId, Date.now()) as DueDelivery | undefined;
      if (!next) return;
      await this.attempt(next);
    }
  }

  private async attempt(d: DueDelivery): Promise<void> {
    const secret = this.box.open(d.secret, `webhook:${d.webhook_id}`).toString('utf8');
    const messageId = `msg_${d.webhook_id.replace(/-/g, '')}_${d.id}`;
    const headers = { ...signWebhook(secret, messageId, Math.floor(Date.now() / 1000), d.payload) };
    const outcome = await postWebhook(this.policy, d.url, headers, d.payload, this.options.timeoutMs);
    const attempts = d.attempts + 1;
    if (outcome.ok) {
      this.metrics?.webhookDeliveries.inc({ result: 'delivered' });
      this.db.prepare(`UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, last_error = NULL WHERE id = ?`).run(attempts, d.id);
      return;
    }
    const failed = attempts >= this.options.maxAttempts;
    this.metrics?.webhookDeliveries.inc({ result: failed ? 'failed' : 'retry' });
    this.logger.info({ webhook: d.webhook_id, delivery: d.id, attempts, cause: outcome.cause }, 'webhook delivery failed');
    const delay = retryDelayMs(attempts, this.options.baseDelayMs, this.options.maxDelayMs ?? 3_600_000);
    // The owner may have been revoked while this attempt was out: that failure stands (no retry), the attempt still counts.
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?,
           last_error = CASE WHEN state = 'pending' THEN ? ELSE last_error END,
           state = CASE WHEN state = 'pending' THEN ? ELSE state END
         WHERE id = ?`,
      )
      .run(attempts, Date.now() + delay, outcome.shownError ?? 'failed', failed ? 'failed' : 'pending', d.id);
  }
}
