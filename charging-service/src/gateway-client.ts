/**
 * How the charging management service reaches the ledger: the gateway REST
 * API, as the provider's (or the platform's) API identity, like any
 * integrator. Submits and evaluates by transaction route; chaincode events
 * arrive over the gateway's SSE stream.
 */

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }
}

export interface ChaincodeEvent {
  eventName: string;
  payload: unknown;
  transactionId: string;
}

/** The `data:` lines of one SSE block, joined. */
function dataOf(block: string): string {
  return block
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim())
    .join('');
}

export class GatewayClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** POSTs a transaction route (`charging/reserve`); with `transient`, the body is `{ input, transient }`. Returns `result`. */
  async tx<T>(route: string, input: unknown, transient?: Record<string, unknown>): Promise<T> {
    const body = transient ? { input, transient } : input;
    const res = await fetch(`${this.baseUrl}/api/v1/energy/${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (res.status !== 200 && res.status !== 201) throw new GatewayError(res.status, parsed, route);
    return (parsed as { result: T }).result;
  }

  /** Streams chaincode events of the energy chaincode with the given names until `signal` aborts. */
  async events(names: string[], onEvent: (e: ChaincodeEvent) => void, signal: AbortSignal): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/v1/events/energy/chaincode/energy?eventNames=${names.join(',')}`, {
      headers: { authorization: `Bearer ${this.apiKey}`, accept: 'text/event-stream' },
      signal,
    });
    if (res.status !== 200 || !res.body) throw new GatewayError(res.status, await res.text(), 'event stream');
    const decoder = new TextDecoder();
    let buffer = '';
    // Node's fetch body is a web ReadableStream, which is async-iterable.
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
        const data = dataOf(buffer.slice(0, sep));
        buffer = buffer.slice(sep + 2);
        if (data) onEvent(JSON.parse(data) as ChaincodeEvent);
      }
    }
  }
}
