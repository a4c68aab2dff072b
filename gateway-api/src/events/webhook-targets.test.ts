import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TargetPolicy, TargetRefused } from './webhook-targets';

describe('webhook target policy', () => {
  const policy = new TargetPolicy();

  it('refuses loopback, private, link-local, unique-local, CGNAT, unspecified and metadata addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect(policy.refusal(address), address).to.be.a('string');
    }
  });

  it('allows public unicast addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(policy.refusal(address), address).to.equal(undefined);
  });

  it('allows what the allowlist names, and only that', () => {
    const allow = new TargetPolicy(['127.0.0.0/8', '10.9.0.5']);
    expect(allow.refusal('127.0.0.1')).to.equal(undefined);
    expect(allow.refusal('::ffff:127.0.0.2')).to.equal(undefined);
    expect(allow.refusal('10.9.0.5')).to.equal(undefined);
    expect(allow.refusal('10.9.0.6')).to.be.a('string');
    expect(allow.refusal('::1')).to.be.a('string');
    expect(allow.refusal('169.254.169.254')).to.be.a('string');
  });

  it('refuses a URL whose name resolves to loopback, and an IP literal in brackets', async () => {
    for (const url of ['http://localhost:1/x', 'http://127.0.0.1/x', 'http://[::1]:8080/x', 'http://[::ffff:7f00:1]/x']) {
      const error = await policy.checkUrl(url).then(() => undefined, (e: unknown) => e);
      expect(error, url).to.be.instanceOf(TargetRefused);
    }
  });

  it('refuses at connect time inside the socket\'s lookup, before any byte is sent', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const attempt = (p: TargetPolicy): Promise<unknown> =>
      new Promise((resolve) => {
        const req = http.request({ host: 'localhost', port, path: '/', method: 'POST', lookup: p.lookup(), agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', resolve);
        req.end('{}');
      });
    try {
      expect(await attempt(policy)).to.be.instanceOf(TargetRefused);
      expect(requests).to.equal(0);
      expect(await attempt(new TargetPolicy(['127.0.0.0/8', '::1']))).to.equal(200);
      expect(requests).to.equal(1);
    } finally {
      server.close();
    }
  });
});
