/**
 * The retry policy every client of the consortium shares: which failures may be
 * retried (a timeout, or an orderer or peer that is unavailable, e.g. during a Raft
 * leader election: resending the same signed transaction keeps its ID, so it
 * commits at most once) and one bounded loop that retries them.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GatewayError } from '@hyperledger/fabric-gateway';

const TIMEOUT: ReadonlySet<number> = new Set([GrpcStatus.DEADLINE_EXCEEDED]);
const TRANSIENT: ReadonlySet<number> = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

/** The network did not answer in time. */
export function isTimeout(e: unknown): boolean {
  return e instanceof GatewayError && TIMEOUT.has(e.code);
}

/** Timeouts and an unreachable ordering service or peer: safe to retry with the same transaction. */
export function isTransient(e: unknown): boolean {
  return e instanceof GatewayError && TRANSIENT.has(e.code);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface RetryLoop {
  /** Tries in all, the first included. */
  attempts: number;
  /** The pause after failed attempt `attempt` (1-based). */
  delayMs: (attempt: number) => number;
  /** Whether a failure may be retried; any other is thrown at once. */
  retryable: (error: unknown) => boolean;
  onRetry?: (attempt: number, error: unknown) => void;
}

/** Runs `operation` until it succeeds, fails in a way that may not be retried, or runs out of attempts. */
export async function withRetry<T>(operation: () => Promise<T>, loop: RetryLoop): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (e) {
      if (!loop.retryable(e) || attempt >= loop.attempts) throw e;
      loop.onRetry?.(attempt, e);
      await sleep(loop.delayMs(attempt));
    }
  }
}
