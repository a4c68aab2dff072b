import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RestClient } from './rest-client';

describe('bench REST client (keep-alive node:http)', () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<unknown>();
  before(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const status = req.headers.authorization === 'Bearer k1' ? 200 : 401;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, got: JSON.parse(body) as unknown }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
  });

  it('posts JSON with the API key, parses the reply and reuses one connection', async () => {
    const client = new RestClient(base, 'k1', 1);
    for (let i = 0; i < 3; i++) expect(await client.post('/api/v1/x', { n: i })).to.deep.equal({ status: 200, body: { path: '/api/v1/x', got: { n: i } } });
    expect(sockets.size).to.equal(1);
    const stranger = new RestClient(base, 'wrong', 1);
    expect((await stranger.post('/y', {})).status).to.equal(401);
    client.close();
    stranger.close();
  });

  it('refuses a URL that is not plain HTTP', () => {
    expect(() => new RestClient('https://127.0.0.1:1', 'k', 1)).to.throw('plain HTTP');
  });
});
