import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { GatewayNetworkConfig } from '@dec/network';
import { createApp } from './app';
import { IdentityService } from './auth/identities';
import { Metrics } from './ops/metrics';
import type { Services } from './services';
import { openDb } from './store/db';
import { SecretBox } from './store/secrets';

/** The app over a real (in-memory) identity store; routes that would reach Fabric are not called. */
async function startApp(authFailuresPerMinute: number): Promise<{ url: string; server: Server }> {
  const config: GatewayNetworkConfig = { generatedFrom: 'test', orgs: [], channels: [] };
  const db = openDb(':memory:');
  const identities = new IdentityService(db, SecretBox.fromKey(randomBytes(32)), config);
  const services = { config, db, identities, metrics: new Metrics(), logger: pino({ level: 'silent' }) } as unknown as Services;
  const { app } = createApp(services, { authFailuresPerMinute, rateLimitPerMinute: 10_000 });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('API authentication', () => {
  it('limits failed authentications per client address: 401 until the limit, then 429 for that address', async () => {
    const { url, server } = await startApp(3);
    try {
      const guess = async (): Promise<number> =>
        (await fetch(`${url}/api/v1/identities/me`, { headers: { authorization: `Bearer dec_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}` } })).status;
      expect([await guess(), await guess(), await guess()]).to.deep.equal([401, 401, 401]);
      const limited = await fetch(`${url}/api/v1/identities/me`, { headers: { authorization: 'Bearer nope' } });
      expect(limited.status).to.equal(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).to.equal('RATE_LIMITED');
      // Public routes are not behind authentication, so they stay open.
      expect((await fetch(`${url}/healthz`)).status).to.not.equal(429);
    } finally {
      server.close();
    }
  });
});
