/**
 * The explorer's own small server: the built bundle (dist/public) with an SPA
 * fallback, and a streaming reverse proxy of /api and /openapi.json to the
 * gateway API, so the browser talks to one origin (no CORS) and SSE streams
 * pass through unbuffered.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cacheControl, contentType, isGatewayPath, resolveStatic } from './static-files';

export interface ExplorerServerOptions {
  /** Folder of the built bundle (index.html, assets/). */
  root: string;
  /** The gateway API, e.g. http://127.0.0.1:3000. */
  apiUrl: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningExplorer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Hop-by-hop headers are per connection and must not be forwarded (RFC 9110 7.6.1). */
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function proxy(req: http.IncomingMessage, res: http.ServerResponse, apiUrl: URL): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== 'host') headers[k] = v;
  const upstream = http.request(
    { protocol: apiUrl.protocol, hostname: apiUrl.hostname, port: apiUrl.port, method: req.method, path: req.url, headers },
    (up) => {
      const out: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(up.headers)) if (!HOP.has(k)) out[k] = v;
      res.writeHead(up.statusCode ?? 502, out);
      res.flushHeaders();
      up.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NETWORK_UNAVAILABLE', message: `the gateway API at ${apiUrl.origin} is not reachable: ${err.message}` } }));
  });
  // A closed browser tab must close the upstream SSE stream too.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

function serveFile(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  let file = resolveStatic(root, req.url ?? '/');
  if (!file) {
    res.writeHead(400).end('bad path');
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('explorer not built: run `npm run -w explorer-ui build`');
    return;
  }
  res.writeHead(200, {
    'content-type': contentType(file),
    'cache-control': cacheControl(file),
    'x-content-type-options': 'nosniff',
    // Everything the app loads is its own bundle; data comes from /api on this origin.
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export async function startExplorer(options: ExplorerServerOptions): Promise<RunningExplorer> {
  const root = path.resolve(options.root);
  const apiUrl = new URL(options.apiUrl);
  const server = http.createServer((req, res) => {
    if (isGatewayPath(req.url ?? '/')) { proxy(req, res, apiUrl); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    serveFile(root, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3001, options.host ?? '127.0.0.1', () => { resolve(); });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => { resolve(); });
      }),
  };
}
