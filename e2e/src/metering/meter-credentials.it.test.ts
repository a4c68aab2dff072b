/**
 * Meter credentials as part of a meter's life, on the real network, the real
 * gateway and a real Mosquitto: the owner registers a meter and gets its
 * broker certificate from the gateway (sending a request made with the
 * meter's own key), the meter connects with it; nobody else gets one; the
 * owner decommissions the meter and the broker refuses it from then on
 * (decommission event -> meter CA revocation -> broker reload), and the
 * gateway certifies nothing more for it.
 *
 * The gateway's meter CA command inherits DEC_METER_CA_DIR: this suite points
 * it at a CA of its own, and its broker at the same CA.
 */
import { createKeyAndCsr, type KeyAndCsr } from '@dec/fabric-client';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { enrollServiceIdentity, MeterCa, openEnergyContract, readingsTopic, watchDecommissions, type DecommissionWatcher, type OpenContract } from '@dec/meter-ingestor';
import { REPO_ROOT } from '@dec/network';
import { reloadBroker, startBroker, stopBroker } from '@dec/test-network';
import { expect } from 'chai';
import mqtt from 'mqtt';
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ApiClient } from '../fixtures/api-client';

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const brokerDir = path.join(REPO_ROOT, '.run', `mosquitto-cred-it-${tag}`);
const caDir = path.join(REPO_ROOT, '.run', `meter-ca-cred-it-${tag}`);
const port = 16_830 + (process.pid % 1000);
const url = `mqtts://127.0.0.1:${port}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One connection attempt with a meter's key and certificate: connected (then closed) or refused. */
function connects(key: string, cert: string, ca: string, clientId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, { key, cert, ca, clientId, reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4 });
    const done = (ok: boolean): void => {
      client.end(true);
      resolve(ok);
    };
    client.once('connect', () => { done(true); });
    client.once('error', () => { done(false); });
    client.once('close', () => { done(false); });
  });
}

describe('meter credentials: issued to the owner through the gateway, revoked on decommission', function () {
  this.timeout(180_000);
  let api: RunningApi;
  let dataDir: string;
  let ca: MeterCa;
  let owner: ApiClient;
  let stranger: ApiClient;
  let meter: string;
  let grid: OpenContract;
  let watcher: DecommissionWatcher;
  const previousCaDir = process.env.DEC_METER_CA_DIR;
  /** The meter's MQTT key and its request (made once the meter's eID is known). */
  let meterKey: KeyAndCsr;
  const issuedCount = (): number => readFileSync(path.join(caDir, 'index.txt'), 'utf8').split('\n').filter(Boolean).length;

  before(async () => {
    process.env.DEC_METER_CA_DIR = caDir;
    ca = MeterCa.open(caDir);
    await startBroker({ dir: brokerDir, port, access: ca.brokerFiles() });
    dataDir = mkdtempSync(path.join(tmpdir(), 'dec-gateway-cred-'));
    api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000 });
    const anon = new ApiClient(api.url);
    const user = async (mspId: string, name: string, role: string): Promise<ApiClient> => {
      const res = await anon.as(api.adminKeys[mspId]).post<{ apiKey: string }>('/api/v1/identities', { enrollmentId: `${name}-${tag}`, role });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return anon.as(res.body.apiKey);
    };
    const operator = await user('PlatformMSP', 'cred-operator', 'operator');
    [owner, stranger] = await Promise.all([user('SupplierMSP', 'cred-owner', 'client'), user('SupplierMSP', 'cred-stranger', 'client')]);
    const submit = async (as: ApiClient, p: string, body: unknown): Promise<Record<string, string>> => {
      const res = await as.post<{ result: Record<string, string> }>(`/api/v1/energy/${p}`, body);
      expect(res.status, `${p}: ${JSON.stringify(res.body)}`).to.equal(200);
      return res.body.result;
    };
    const { eid: ownerEid = '' } = await submit(owner, 'identity/register', { kycHash: createHash('sha256').update(`cred-owner-${tag}`).digest('hex'), roles: ['producer', 'consumer'] });
    await submit(operator, 'identity/approve', { eid: ownerEid });
    const signing = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const device = await submit(owner, 'identity/register-device', { ownerEid, kind: 'meter', serial: `CRED-${tag}`, publicKey: signing.publicKey.export({ type: 'spki', format: 'pem' }).toString(), label: 'credentials test meter' });
    meter = device.eid ?? '';
    await submit(owner, 'metering/register-meter', { meter, zone: `CRED-${tag}`, ratedPowerW: 10_000 });
    meterKey = createKeyAndCsr(meter);
    grid = openEnergyContract(await enrollServiceIdentity('GridMSP', `cred-watcher-${tag}`, { role: 'ingestor' }));
    watcher = await watchDecommissions({ network: grid.gateway.getNetwork('energy'), ca, reloadBroker: () => { reloadBroker({ dir: brokerDir }); } });
  });

  after(async () => {
    watcher.close();
    grid.close();
    await api.close();
    await stopBroker({ dir: brokerDir, port, wipe: true });
    rmSync(caDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    if (previousCaDir === undefined) delete process.env.DEC_METER_CA_DIR;
    else process.env.DEC_METER_CA_DIR = previousCaDir;
  });

  it('certifies the owner\'s request for its meter: CN = the meter\'s eID, and the meter connects and publishes on its topic', async () => {
    const res = await owner.post<{ meter: string; certificate: string; caCertificate: string }>(`/api/v1/meters/${meter}/credentials`, { csr: meterKey.csrPem });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const cert = new X509Certificate(res.body.certificate);
    expect(cert.subject).to.equal(`CN=${meter}`);
    expect(cert.checkIssued(new X509Certificate(res.body.caCertificate))).to.equal(true);
    expect(res.body).to.not.have.property('privateKey');
    const client = await mqtt.connectAsync(url, { key: meterKey.privateKeyPem, cert: res.body.certificate, ca: res.body.caCertificate, clientId: meter, reconnectPeriod: 0, protocolVersion: 4 });
    await client.publishAsync(readingsTopic(meter), 'hello', { qos: 1 });
    await client.endAsync();
  });

  it('refuses anyone but the owner, a request for another name, a body that is no request, an unknown meter; certifies nothing', async () => {
    const before = issuedCount();
    const notOwner = await stranger.post(`/api/v1/meters/${meter}/credentials`, { csr: createKeyAndCsr(meter).csrPem });
    expect(notOwner.status, JSON.stringify(notOwner.body)).to.equal(403);
    const otherName = await owner.post(`/api/v1/meters/${meter}/credentials`, { csr: createKeyAndCsr('eid:d:ffffffffffffffffffffffffffffffff').csrPem });
    expect(otherName.status, JSON.stringify(otherName.body)).to.equal(400);
    expect(JSON.stringify(otherName.body)).to.contain('csr');
    const notPem = await owner.post(`/api/v1/meters/${meter}/credentials`, { csr: 'please' });
    expect(notPem.status).to.equal(400);
    const extra = await owner.post(`/api/v1/meters/${meter}/credentials`, { csr: meterKey.csrPem, privateKey: 'x' });
    expect(extra.status).to.equal(400);
    const badEid = await owner.post('/api/v1/meters/not-a-meter/credentials', { csr: meterKey.csrPem });
    expect(badEid.status).to.equal(400);
    const unknown = await owner.post('/api/v1/meters/eid:d:0000000000000000000000000000abcd/credentials', { csr: createKeyAndCsr('eid:d:0000000000000000000000000000abcd').csrPem });
    expect(unknown.status, JSON.stringify(unknown.body)).to.be.oneOf([403, 404]);
    const anonymous = await new ApiClient(api.url).post(`/api/v1/meters/${meter}/credentials`, { csr: meterKey.csrPem });
    expect(anonymous.status).to.equal(401);
    expect(issuedCount()).to.equal(before);
  });

  it('revokes the meter when its owner decommissions it: the broker refuses it, the gateway certifies nothing more', async () => {
    const first = await owner.post<{ certificate: string; caCertificate: string }>(`/api/v1/meters/${meter}/credentials`, { csr: meterKey.csrPem });
    expect(first.status).to.equal(201);
    expect(await connects(meterKey.privateKeyPem, first.body.certificate, first.body.caCertificate, meter)).to.equal(true);
    const res = await owner.post(`/api/v1/energy/metering/decommission-meter`, { meter, reason: 'replaced' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    let refused = false;
    for (let i = 0; i < 200 && !refused; i++) {
      refused = !(await connects(meterKey.privateKeyPem, first.body.certificate, first.body.caCertificate, meter));
      if (!refused) await sleep(100);
    }
    expect(refused, 'the broker still accepts the decommissioned meter').to.equal(true);
    expect(ca.revokedNames()).to.include(meter);
    const before = issuedCount();
    const again = await owner.post(`/api/v1/meters/${meter}/credentials`, { csr: meterKey.csrPem });
    expect(again.status, JSON.stringify(again.body)).to.equal(409);
    expect(issuedCount()).to.equal(before);
  });
});
