/**
 * Live blocks from the gateway's SSE stream (`GET /api/v1/events/{channel}/blocks`),
 * read with fetch so the API key travels in the Authorization header. On a
 * dropped connection it reconnects with Last-Event-ID, so no block is missed.
 */
import { SseParser, type SseEvent } from './sse';
import type { BlockSummary } from './types';

export interface BlockStream {
  close(): void;
}

type StreamState = 'live' | 'reconnecting' | 'error';

/** The gateway's reason for refusing a stream (its error body), or the HTTP status. */
async function refusal(res: Response): Promise<string> {
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? `stream refused (${res.status})`;
}

/** One channel's block stream, reconnecting after a drop from the last event it saw. */
class LiveBlocks {
  readonly abort = new AbortController();
  private lastId: string | undefined;

  constructor(
    private readonly apiKey: string,
    private readonly channel: string,
    private readonly onBlock: (b: BlockSummary) => void,
    private readonly onState: (s: StreamState, message?: string) => void,
  ) {}

  async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      if (!(await this.connectOnce())) return;
      this.onState('reconnecting');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  /** Reads one connection until it ends; false when trying again is pointless (refused, or closed here). */
  private async connectOnce(): Promise<boolean> {
    try {
      const res = await fetch(`/api/v1/events/${encodeURIComponent(this.channel)}/blocks`, {
        headers: { authorization: `Bearer ${this.apiKey}`, accept: 'text/event-stream', ...(this.lastId ? { 'last-event-id': this.lastId } : {}) },
        signal: this.abort.signal,
      });
      if (!res.ok || !res.body) {
        this.onState('error', await refusal(res));
        return false; // 4xx will not get better by retrying
      }
      this.onState('live');
      await this.read(res.body);
    } catch {
      if (this.abort.signal.aborted) return false;
    }
    return true;
  }

  private async read(body: NonNullable<Response['body']>): Promise<void> {
    const parser = new SseParser();
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const ev of parser.push(value)) this.dispatch(ev);
      this.lastId = parser.lastEventId ?? this.lastId;
    }
  }

  private dispatch(ev: SseEvent): void {
    if (ev.event === 'block') this.onBlock(JSON.parse(ev.data) as BlockSummary);
    else if (ev.event === 'error') this.onState('error', ev.data);
  }
}

export function streamBlocks(apiKey: string, channel: string, onBlock: (b: BlockSummary) => void, onState: (s: StreamState, message?: string) => void): BlockStream {
  const live = new LiveBlocks(apiKey, channel, onBlock, onState);
  void live.run();
  return {
    close: () => {
      live.abort.abort();
    },
  };
}
