/**
 * `dec start --https` (issue 20 items 4 and 5): the gateway API started with
 * the development certificate `dec start --https` gives it (apiDevCertificate,
 * issued by the running network's platform TLS CA) serves HTTPS; a client that
 * trusts that CA (the file the README says to trust) reaches it at localhost
 * and 127.0.0.1 and authenticates with an API key, a client that does not is
 * refused.
 */
import { expect } from 'chai';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { apiDevCertificate, currentModel, type DevCertificate } from '@dec/test-network';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import pino from 'pino';

interface Answer {
  status: string;
  issuer?: string;
}

/** GET `url` trusting only `ca`; the status (or TLS error code) and the issuer of the certificate served. */
function get(url: string, ca: string | undefined, apiKey?: string): Promise<Answer> {
  return new Promise((resolve) => {
    https
      .get(url, { ca, agent: false, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} }, (res) => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion, @typescript-eslint/no-unsafe-class-instance-assignment -- an https response's socket is a TLSSocket
        const cn = (res.socket as TLSSocket).getPeerCertificate().issuer.CN as string | string[] | undefined;
        const issuer = Array.isArray(cn) ? cn.join(',') : cn;
        res.resume();
        resolve({ status: String(res.statusCode), issuer });
      })
      .on('error', (e: NodeJS.ErrnoException) => {
        resolve({ status: e.code ?? e.message });
      });
  });
}

describe('dec start --https: the API serves the development certificate from the platform TLS CA', function () {
  this.timeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-api-https-'));
  let started: { api: RunningApi; dev: DevCertificate };

  before(async () => {
    const dev = apiDevCertificate();
    started = { dev, api: await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), tls: { cert: dev.cert, key: dev.key } }) };
  });
  after(async () => {
    await started.api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers over HTTPS at localhost and 127.0.0.1 to a client trusting the platform TLS CA', async () => {
    const { api, dev } = started;
    expect(api.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    const platform = currentModel().model.orgs.find((o) => o.spec.mspId === 'PlatformMSP')!;
    const tlsCa = readFileSync(platform.tlsCaCert, 'utf8');
    expect(readFileSync(dev.caFile, 'utf8')).to.equal(tlsCa);
    expect(new X509Certificate(dev.cert).checkIssued(new X509Certificate(tlsCa))).to.equal(true);
    const port = new URL(api.url).port;
    for (const host of ['localhost', '127.0.0.1']) {
      const answer = await get(`https://${host}:${port}/healthz`, tlsCa);
      expect(answer, host).to.deep.equal({ status: '200', issuer: new X509Certificate(tlsCa).subject.match(/CN=(.+)/)![1] });
    }
    const admin = Object.values(api.adminKeys)[0] as string;
    expect((await get(`https://localhost:${port}/api/v1/identities/me`, tlsCa, admin)).status).to.equal('200');
  });

  it('is refused by a client that does not trust the platform TLS CA', async () => {
    const port = new URL(started.api.url).port;
    expect((await get(`https://localhost:${port}/healthz`, undefined)).status).to.equal('SELF_SIGNED_CERT_IN_CHAIN');
  });
});
