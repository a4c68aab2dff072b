/**
 * One Server-Sent Events response with a bound on what it may hold for a
 * consumer. `res.write` never refuses data; it only says (false) that the
 * socket is not keeping up, and everything written after that waits in the
 * process's memory. A consumer that stops reading would make the gateway hold
 * every event of the channel; instead, once more than `maxBufferedBytes` wait
 * unsent, the stream ends with a final `closed` event saying why (the consumer
 * reads it if it ever reads again, and resumes with Last-Event-ID or its
 * checkpoint), and the socket is destroyed if even that does not drain.
 */
import type { Response } from 'express';

/** The part of a response the channel uses (an http.ServerResponse in the API, any Writable in tests). */
export interface SseSink {
  write(chunk: string): boolean;
  readonly writableLength: number;
  end(): unknown;
  destroy(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export const SLOW_CONSUMER = 'slow-consumer';

export interface SseLimits {
  /** Bytes that may wait unsent before the consumer counts as not reading (default 1 MiB). */
  maxBufferedBytes: number;
  /** How long the final event may take to drain before the socket is destroyed (default 10 s). */
  finalDrainMs?: number;
}

export class SseChannel {
  private closedBy: 'client' | 'server' | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly sink: SseSink,
    private readonly limits: SseLimits,
    heartbeatMs = 15_000,
  ) {
    sink.on('close', () => {
      this.closedBy ??= 'client';
      clearInterval(this.heartbeat);
    });
    this.heartbeat = setInterval(() => {
      this.write(': keep-alive\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  get open(): boolean {
    return this.closedBy === undefined;
  }

  /** Sends one event; false once the stream is closed (by the client, or for not reading). */
  send(id: string, event: string, data: unknown): boolean {
    return this.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream with a final event saying why. */
  close(reason: string, message: string): void {
    if (!this.open) return;
    this.closedBy = 'server';
    clearInterval(this.heartbeat);
    this.sink.write(`event: closed\ndata: ${JSON.stringify({ reason, message })}\n\n`);
    this.sink.end();
  }

  private write(chunk: string): boolean {
    if (!this.open) return false;
    this.sink.write(chunk);
    if (this.sink.writableLength > this.limits.maxBufferedBytes) {
      this.close(SLOW_CONSUMER, `more than ${this.limits.maxBufferedBytes} bytes waited unread; reconnect with Last-Event-ID or the checkpoint to resume`);
      setTimeout(() => this.sink.destroy(), this.limits.finalDrainMs ?? 10_000).unref();
      return false;
    }
    return true;
  }
}

/** Starts the event-stream response and returns its channel. */
export function openSse(res: Response, limits: SseLimits): SseChannel {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  return new SseChannel(res, limits);
}
