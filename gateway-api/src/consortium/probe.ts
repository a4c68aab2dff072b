/**
 * One HTTPS GET to a Fabric operations endpoint. `/healthz` is open to any TLS
 * client; `/metrics` answers only a client certificate from a CA the node lists
 * in its operations `clientRootCAs` (401 otherwise), so the probe presents the
 * node's org admin TLS pair. Bounded in time and size: a slow or hostile
 * endpoint cannot hold the request open or fill memory.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';

export interface OperationsTarget {
  /** host:port of the operations listener. */
  address: string;
  /** The TLS CA that issued the node's server certificate. */
  caFile: string;
  /** A TLS client pair the node's operations endpoint trusts (for /metrics). */
  client?: { certFile: string; keyFile: string };
}

export type ProbeResult = { ok: true; status: number; body: string } | { ok: false; error: string };

const MAX_BODY = 4 * 1024 * 1024;

function tlsOptions(target: OperationsTarget): https.RequestOptions {
  const options: https.RequestOptions = { ca: readFileSync(target.caFile) };
  if (target.client) {
    options.cert = readFileSync(target.client.certFile);
    options.key = readFileSync(target.client.keyFile);
  }
  return options;
}

export function probe(target: OperationsTarget, pathname: '/healthz' | '/metrics', timeoutMs = 2000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let options: https.RequestOptions;
    try {
      options = tlsOptions(target);
    } catch (err) {
      resolve({ ok: false, error: `cannot read TLS files: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    const req = https.get(`https://${target.address}${pathname}`, { ...options, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) req.destroy(new Error('response too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        resolve({ ok: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${String(timeoutMs)} ms`)));
    req.on('error', (err) => {
      resolve({ ok: false, error: err.message });
    });
  });
}
