/**
 * Ordering can refuse work for a few seconds while Raft elects a leader: on a
 * network just started, or on a channel its orderers have just joined (a side
 * chain). Lifecycle approvals and commits go to ordering, so they wait it out.
 */
import { sleep } from '../processes';
import { say } from '../progress';

const NOT_READY = /SERVICE_UNAVAILABLE|no Raft leader|connection refused|context deadline exceeded|timed out/i;

/** Runs `fn` again (up to 10 tries, 1.5 s apart) while ordering is not ready; other failures at once. */
export async function withOrderingRetry<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!NOT_READY.test(String(e)) || attempt >= 10) throw e;
      say(`${what}: ordering not ready yet, retrying (${attempt})`);
      await sleep(1500);
    }
  }
}
