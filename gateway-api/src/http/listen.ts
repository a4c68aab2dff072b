/**
 * Where and how the API listens. API keys travel in every request, so the API
 * speaks plain HTTP only on a loopback address (a reverse proxy or a test on
 * the same host); anywhere else it needs a certificate and key and speaks
 * HTTPS, and refuses to start without them.
 */
import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';

/** PEM certificate (chain) and private key of the HTTPS listener. */
export interface TlsFiles {
  cert: string;
  key: string;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/** Throws unless the host is loopback or the listener has TLS. */
export function requireHttpsOffLoopback(host: string, tls: TlsFiles | undefined): void {
  if (!tls && !isLoopback(host))
    throw new Error(`refusing to listen on ${host} without HTTPS: give a certificate and key (DEC_API_TLS_CERT, DEC_API_TLS_KEY), or listen on 127.0.0.1`);
}

/** DEC_API_TLS_CERT and DEC_API_TLS_KEY (file paths), both or neither. */
export function tlsFromEnv(env: NodeJS.ProcessEnv = process.env): TlsFiles | undefined {
  const certPath = env.DEC_API_TLS_CERT;
  const keyPath = env.DEC_API_TLS_KEY;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error('set both DEC_API_TLS_CERT and DEC_API_TLS_KEY (PEM files), or neither');
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}

export async function listen(app: Express, port: number, host: string, tls: TlsFiles | undefined): Promise<http.Server> {
  requireHttpsOffLoopback(host, tls);
  const server: http.Server = tls ? https.createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, app) : http.createServer(app);
  return await new Promise<http.Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
