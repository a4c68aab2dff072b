/**
 * One webhook delivery attempt: a POST through a socket whose address passed
 * the target policy at connect time, no redirects followed, a deadline, and
 * at most a little of the answer read. What the webhook's owner sees of a
 * failure is deliberately coarse: "no answer" for every network-level
 * failure (refused, reset, timed out, unreachable), so the delivery log cannot
 * be used to scan ports; the precise cause goes to the gateway's own log.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { hostOf, TargetRefused, type TargetPolicy } from './webhook-targets';

export interface PostOutcome {
  ok: boolean;
  /** What the webhook's owner may see. */
  shownError?: string;
  /** The precise cause, for the gateway's log only. */
  cause?: string;
}

export const NO_ANSWER = 'no answer from the endpoint (connection failed or timed out)';
const MAX_ANSWER_BYTES = 64 * 1024;

export function postWebhook(policy: TargetPolicy, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
  const host = hostOf(url);
  if (isIP(host)) {
    // An IP literal is connected without a lookup: it is the address, check it here.
    const why = policy.refusal(host);
    if (why) return Promise.resolve({ ok: false, shownError: `refused: the target is ${why}`, cause: why });
  }
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: policy.lookup(),
        timeout: timeoutMs,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'dec-gateway-webhooks' },
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on('close', () => {
          resolve(answerOutcome(res.statusCode ?? 0));
        });
        res.on('error', () => undefined);
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`socket idle for ${timeoutMs} ms`)));
    req.on('error', (e) => {
      clearTimeout(deadline);
      if (e instanceof TargetRefused) resolve({ ok: false, shownError: `refused: ${e.message}`, cause: e.message });
      else resolve({ ok: false, shownError: NO_ANSWER, cause: e.message });
    });
    req.on('close', () => {
      clearTimeout(deadline);
    });
    req.end(body);
  });
}

function answerOutcome(status: number): PostOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  if (status >= 300 && status < 400) return { ok: false, shownError: `HTTP ${status}: redirects are not followed`, cause: `HTTP ${status}` };
  return { ok: false, shownError: `HTTP ${status}`, cause: `HTTP ${status}` };
}
