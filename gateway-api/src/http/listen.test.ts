import { expect } from 'chai';
import express from 'express';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isLoopback, listen, requireHttpsOffLoopback, tlsFromEnv } from './listen';

describe('API listener', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(host), host).to.equal(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'example.com']) expect(isLoopback(host), host).to.equal(false);
  });

  it('refuses to listen on a non-loopback address without HTTPS, before opening any port', async () => {
    expect(() => {
      requireHttpsOffLoopback('0.0.0.0', undefined);
    }).to.throw(/without HTTPS/);
    const error = await listen(express(), 0, '0.0.0.0', undefined).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).to.match(/refusing to listen on 0\.0\.0\.0 without HTTPS/);
    expect(() => {
      requireHttpsOffLoopback('0.0.0.0', { cert: 'c', key: 'k' });
    }).to.not.throw();
  });

  it('wants both certificate and key from the environment, or neither', () => {
    expect(tlsFromEnv({})).to.equal(undefined);
    expect(() => tlsFromEnv({ DEC_API_TLS_CERT: '/x.pem' })).to.throw(/both/);
  });

  it('serves HTTPS with the given certificate and key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'api-tls-'));
    try {
      const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
      const tls = { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
      const app = express().get('/ping', (_req, res) => { res.send('pong'); });
      const server = await listen(app, 0, '127.0.0.1', tls);
      try {
        const port = (server.address() as AddressInfo).port;
        const body = await new Promise<string>((resolve, reject) => {
          https.get({ host: '127.0.0.1', port, path: '/ping', ca: tls.cert }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => { resolve(text); });
          }).on('error', reject);
        });
        expect(body).to.equal('pong');
      } finally {
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
