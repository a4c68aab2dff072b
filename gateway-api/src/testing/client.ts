/* eslint-disable @typescript-eslint/no-explicit-any -- test client: response bodies are arbitrary JSON the tests inspect */
/** A small HTTP + SSE client for the API's integration tests. */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly base: string,
    readonly key?: string,
  ) {}

  as(key: string | undefined): ApiClient {
    return new ApiClient(this.base, key);
  }

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.key ? { authorization: `Bearer ${this.key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.call<T>('POST', path, body ?? {}, headers);

  /** Opens an SSE stream; `next()` resolves with the next event. */
  async sse(path: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const controller = new AbortController();
    const res = await fetch(this.base + path, {
      headers: { accept: 'text/event-stream', ...(this.key ? { authorization: `Bearer ${this.key}` } : {}), ...headers },
      signal: controller.signal,
    });
    return new SseStream(res, controller);
  }
}

export interface SseEvent {
  id?: string;
  event?: string;
  data: any;
}

export class SseStream {
  private buffer = '';
  private readonly queue: SseEvent[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.reader = response.body?.getReader();
  }

  get status(): number {
    return this.response.status;
  }

  async next(timeoutMs = 60_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (!this.reader) throw new Error('no stream');
      if (Date.now() > deadline) throw new Error('no event in time');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(1, deadline - Date.now())).unref());
      const chunk = await Promise.race([this.reader.read(), timer]);
      if (chunk === 'timeout') throw new Error('no event in time');
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      let sep: number;
      while ((sep = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, sep);
        this.buffer = this.buffer.slice(sep + 2);
        const ev: SseEvent = { data: undefined };
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') ev.id = value;
          else if (field === 'event') ev.event = value;
          else if (field === 'data') data += value;
        }
        if (data) {
          ev.data = JSON.parse(data);
          this.queue.push(ev);
        }
      }
    }
    return this.queue.shift()!;
  }

  close(): void {
    this.controller.abort();
  }
}
