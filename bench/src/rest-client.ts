/**
 * The REST benchmark's HTTP client: node:http(s) with a keep-alive agent, one
 * socket per worker. The e2e ApiClient uses fetch (undici over web streams),
 * which cost the load generator 3.7 ms of CPU per request at 10 clients, almost
 * half of what the direct fabric-gateway client spends on a whole transaction;
 * on two shared cores that CPU slowed the network under both paths and was
 * counted as REST overhead. An integrator who cares about latency uses a plain
 * keep-alive client like this one.
 */
import http from 'node:http';

export interface RestReply {
  status: number;
  body: unknown;
}

export class RestClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  /** `base`: the benchmark API's plain-HTTP URL (it listens on 127.0.0.1 without TLS). */
  constructor(base: string, private readonly apiKey: string, sockets: number) {
    this.url = new URL(base);
    if (this.url.protocol !== 'http:') throw new Error(`the benchmark REST client speaks plain HTTP to a local API, not ${this.url.protocol}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, body: unknown): Promise<RestReply> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
            } catch {
              resolve({ status: res.statusCode ?? 0, body: text });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
