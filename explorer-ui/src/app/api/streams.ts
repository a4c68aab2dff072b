/**
 * Live blocks from the gateway's SSE stream (`GET /api/v1/events/{channel}/blocks`),
 * read with fetch so the API key travels in the Authorization header. On a
 * dropped connection it reconnects with Last-Event-ID, so no block is missed.
 */
import { SseParser } from './sse';
import type { BlockSummary } from './types';

export interface BlockStream {
  close(): void;
}

export function streamBlocks(apiKey: string, channel: string, onBlock: (b: BlockSummary) => void, onState: (s: 'live' | 'reconnecting' | 'error', message?: string) => void): BlockStream {
  const abort = new AbortController();
  let lastId: string | undefined;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const res = await fetch(`/api/v1/events/${encodeURIComponent(channel)}/blocks`, {
          headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: abort.signal,
        });
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
          onState('error', body?.error?.message ?? `stream refused (${res.status})`);
          return; // 4xx will not get better by retrying
        }
        onState('live');
        const parser = new SseParser();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const ev of parser.push(value)) {
            if (ev.event === 'block') onBlock(JSON.parse(ev.data) as BlockSummary);
            else if (ev.event === 'error') onState('error', ev.data);
          }
          lastId = parser.lastEventId ?? lastId;
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
  return { close: () => abort.abort() };
}
