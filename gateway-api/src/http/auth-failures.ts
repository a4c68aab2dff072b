/**
 * Failed authentications per client address: after `limit` 401s in a window
 * the address gets 429 until the window ends. Only failures count. (It used to
 * be express-rate-limit with skipSuccessfulRequests, which counts every
 * request when it starts and takes successes back only when they finish: a
 * client with more than `limit` synchronous submits in flight — each waits
 * seconds for its commit — was refused as if it were guessing keys; issue 14.)
 */
import { ApiError } from './errors';

export class AuthFailureLimit {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private current(address: string): { count: number; windowStart: number } | undefined {
    const entry = this.failures.get(address);
    if (entry && this.now() - entry.windowStart >= this.windowMs) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }

  /** Throws RATE_LIMITED when the address has used up its failures in this window. */
  check(address: string): void {
    if ((this.current(address)?.count ?? 0) >= this.limit) throw new ApiError('RATE_LIMITED', 'too many failed authentications from this address; retry later');
  }

  /** Counts one failed authentication of the address. */
  fail(address: string): void {
    const entry = this.current(address) ?? { count: 0, windowStart: this.now() };
    entry.count++;
    this.failures.set(address, entry);
    if (this.failures.size > 10_000) this.sweep();
  }

  /** Drops the addresses whose window has ended (bounds memory under many addresses). */
  private sweep(): void {
    for (const address of [...this.failures.keys()]) this.current(address);
  }
}
