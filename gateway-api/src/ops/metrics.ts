/** Prometheus metrics: request rates and latencies per route, submit outcomes, MVCC conflicts, retries. */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'dec_api_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'dec_api_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly submits = new Counter({
    name: 'dec_api_submit_outcomes_total',
    help: 'Submit outcomes: VALID or the error code',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly mvccConflicts = new Counter({
    name: 'dec_api_mvcc_conflicts_total',
    help: 'Transactions invalidated by an MVCC or phantom read conflict',
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: 'dec_api_fabric_retries_total',
    help: 'Automatic retries by kind (submit/status: same transaction; endorse; mvcc: re-endorsed)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly eventStreams = new Counter({
    name: 'dec_api_event_streams_total',
    help: 'Event streams opened, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'dec_api_webhook_deliveries_total',
    help: 'Webhook delivery attempts by result',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(collectDefaults = true) {
    if (collectDefaults) collectDefaultMetrics({ register: this.registry, prefix: 'dec_api_' });
  }
}
