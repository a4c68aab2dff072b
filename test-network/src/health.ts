/** Readiness checks: a port that accepts connections, an HTTPS health endpoint. */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { sleep } from './processes';

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** GET over TLS trusting `caFile`; `client` presents a TLS client certificate (operations /metrics needs one). */
export function httpsGet(url: string, caFile: string, timeoutMs = 3000, client?: { cert: string; key: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const auth = client ? { cert: readFileSync(client.cert), key: readFileSync(client.key) } : {};
    const req = https.get(url, { ca: readFileSync(caFile), timeout: timeoutMs, ...auth }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => {
      req.destroy(new Error('timeout'));
    });
    req.on('error', reject);
  });
}

export async function healthy(health: { url: string; ca: string }): Promise<boolean> {
  try {
    const { status } = await httpsGet(health.url, health.ca);
    return status === 200;
  } catch {
    return false;
  }
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, onTimeout: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000}s. ${onTimeout}`);
}
