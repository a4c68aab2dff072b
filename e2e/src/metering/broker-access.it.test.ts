/**
 * Who may use the meter broker, tried as an outside client would, against a
 * real Mosquitto started the way `dec start` starts it (TLS only, meter CA,
 * ACL) on a port of its own. The "ingestor" here is the ingestor's own MQTT
 * connection code (MqttSession) with the ingestor's certificate: what it is
 * never delivered, the ingestor never submits to the ledger.
 *
 * "Never arrives" is shown without timing: a refused message is followed by a
 * permitted one through the same broker to the same receiver, and the broker
 * delivers to one client in the order it routed; once the permitted one is in,
 * the refused one would have been too.
 */
import { INGESTOR_IDENTITY, MeterCa, MqttSession, READINGS_SUBSCRIPTION, readingsTopic, verdictsTopic, type Delivery, type TlsMaterial } from '@dec/meter-ingestor';
import { REPO_ROOT } from '@dec/network';
import { reloadBroker, startBroker, stopBroker } from '@dec/test-network';
import { expect } from 'chai';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const brokerDir = path.join(REPO_ROOT, '.run', `mosquitto-access-it-${tag}`);
const caDir = path.join(REPO_ROOT, '.run', `meter-ca-access-it-${tag}`);
const port = 17_830 + (process.pid % 1000);
const url = `mqtts://127.0.0.1:${port}`;
const meterEid = (c: string): string => `eid:d:${c.repeat(32)}`;
const [A, B, C] = [meterEid('a'), meterEid('b'), meterEid('c')];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Attempt = { client: MqttClient } | { error: string };

/** One MQTT.js connection attempt, no reconnects: the connected client, or why the broker refused it. */
function attempt(target: string, options: mqtt.IClientOptions): Promise<Attempt> {
  return new Promise((resolve) => {
    const client = mqtt.connect(target, { reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4, ...options });
    const refuse = (why: string): void => {
      client.end(true);
      resolve({ error: why });
    };
    client.once('connect', () => {
      resolve({ client });
    });
    client.once('error', (e) => {
      refuse(e.message);
    });
    client.once('close', () => {
      refuse('connection closed before CONNACK');
    });
  });
}

async function connected(target: string, options: mqtt.IClientOptions): Promise<MqttClient> {
  const a = await attempt(target, options);
  if ('error' in a) throw new Error(`expected a connection: ${a.error}`);
  return a.client;
}

/** Until `check` holds (the tests wait for messages that must come; they never assert how long it takes). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await sleep(50);
  }
  throw new Error(`never happened: ${what}`);
}

/** Connection attempts until one is refused (the broker applies a reload signal asynchronously): why it was refused. */
async function refusedOnceReloaded(options: mqtt.IClientOptions): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const a = await attempt(url, options);
    if ('error' in a) return a.error;
    a.client.end(true);
    await sleep(100);
  }
  throw new Error('still accepted after the reload');
}

describe('meter broker access: TLS only, each meter as itself', function () {
  this.timeout(60_000);
  let ca: MeterCa;
  const creds = new Map<string, TlsMaterial>();
  const tlsOf = (eid: string): mqtt.IClientOptions => ({ ...creds.get(eid), clientId: eid });
  let ingestor: MqttSession;
  let ingestorClosed = false;
  const atIngestor: Delivery[] = [];
  const payloadsAtIngestor = (): string[] => atIngestor.map((d) => `${d.topic} ${d.payload.toString()}`);
  const open: MqttClient[] = [];
  const keep = (c: MqttClient): MqttClient => {
    open.push(c);
    return c;
  };

  before(async () => {
    ca = MeterCa.open(caDir);
    for (const eid of [A, B, C]) creds.set(eid, ca.issueWithNewKey(eid));
    await startBroker({ dir: brokerDir, port, access: ca.brokerFiles() });
    const session = await MqttSession.open(
      { url, clientId: INGESTOR_IDENTITY, clean: true, tls: ca.serviceCredentials(INGESTOR_IDENTITY) },
      {
        onMessage: (d) => {
          atIngestor.push(d);
          d.ack();
        },
        onClose: () => {
          ingestorClosed = true;
        },
      },
    );
    ingestor = session.session;
    await ingestor.subscribe(READINGS_SUBSCRIPTION);
  });

  after(async () => {
    for (const c of open) c.end(true);
    await ingestor.end();
    await stopBroker({ dir: brokerDir, port, wipe: true });
    rmSync(caDir, { recursive: true, force: true });
  });

  it('refuses a client without a certificate, with a certificate from another CA, and plain TCP on the TLS port', async () => {
    const noCert = await attempt(url, { ca: ca.caPem, clientId: A, username: A, password: 'guess' });
    expect(noCert).to.have.property('error').that.matches(/certificate required|handshake|closed|ECONNRESET/i);
    const foreignDir = mkdtempSync(path.join(tmpdir(), 'foreign-ca-'));
    try {
      const forged = MeterCa.open(foreignDir).issueWithNewKey(A); // same CN, a CA the broker does not trust
      expect(await attempt(url, { key: forged.key, cert: forged.cert, ca: ca.caPem, clientId: A })).to.have.property('error');
    } finally {
      rmSync(foreignDir, { recursive: true, force: true });
    }
    const plain = await attempt(`mqtt://127.0.0.1:${port}`, { clientId: A });
    expect(plain).to.have.property('error');
    expect(readFileSync(path.join(brokerDir, 'mosquitto.conf'), 'utf8').match(/^listener /gm)).to.have.length(1);
    expect(payloadsAtIngestor()).to.deep.equal([]);
  });

  it('lets meter A publish only on its own readings topic: its reading on B\'s topic never reaches the ingestor', async () => {
    const a = keep(await connected(url, tlsOf(A)));
    await a.publishAsync(readingsTopic(B), 'A pretending to be B', { qos: 1 });
    await a.publishAsync(`dec/meters/${INGESTOR_IDENTITY}/verdicts`, 'A writing verdicts', { qos: 1 });
    await a.publishAsync(readingsTopic(A), 'A as itself', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(A)} A as itself`), 'A\'s own reading at the ingestor');
    expect(payloadsAtIngestor()).to.deep.equal([`${readingsTopic(A)} A as itself`]);
  });

  it('lets meter A read only its own verdicts, not B\'s, not anyone\'s readings', async () => {
    const a = keep(await connected(url, tlsOf(A)));
    const atA: string[] = [];
    a.on('message', (topic, payload) => atA.push(`${topic} ${payload.toString()}`));
    await a.subscribeAsync([verdictsTopic(B), READINGS_SUBSCRIPTION, verdictsTopic(A)], { qos: 1 });
    const b = keep(await connected(url, tlsOf(B)));
    await b.publishAsync(readingsTopic(B), 'B reading', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(B)} B reading`), 'B\'s reading at the ingestor');
    await ingestor.publish(verdictsTopic(B), 'verdict for B');
    await ingestor.publish(verdictsTopic(A), 'verdict for A');
    await until(() => atA.includes(`${verdictsTopic(A)} verdict for A`), 'A\'s verdict at A');
    expect(atA).to.deep.equal([`${verdictsTopic(A)} verdict for A`]);
  });

  it('gives nobody the ingestor\'s session: a meter connecting with the ingestor\'s client ID is itself, and the ingestor stays connected', async () => {
    const thief = keep(await connected(url, { ...tlsOf(A), clientId: INGESTOR_IDENTITY, clean: false }));
    const b = keep(await connected(url, tlsOf(B)));
    await b.publishAsync(readingsTopic(B), 'after the takeover attempt', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(B)} after the takeover attempt`), 'reading at the ingestor');
    expect(ingestorClosed, 'the ingestor\'s connection was dropped').to.equal(false);
    expect(ingestor.connected).to.equal(true);
    expect(thief.connected).to.equal(true); // connected, as A (the broker replaced its client ID with its CN)
    const log = readFileSync(path.join(brokerDir, 'mosquitto.log'), 'utf8');
    expect(log).to.not.match(new RegExp(`Client ${INGESTOR_IDENTITY} already connected`));
  });

  it('drops a payload over message_size_limit: it never reaches the ingestor', async () => {
    const a = keep(await connected(url, tlsOf(A)));
    const before = atIngestor.length;
    await a.publishAsync(readingsTopic(A), 'x'.repeat(5000), { qos: 1 });
    await a.publishAsync(readingsTopic(A), 'small again', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(A)} small again`), 'the small reading');
    expect(payloadsAtIngestor().slice(before)).to.deep.equal([`${readingsTopic(A)} small again`]);
  });

  it('refuses a revoked meter: a new connection fails the handshake, an open one can publish nothing more', async () => {
    const c = keep(await connected(url, tlsOf(C)));
    await c.publishAsync(readingsTopic(C), 'C before revocation', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(C)} C before revocation`), 'C\'s reading');
    expect(ca.revoke(C)).to.equal(1);
    expect(reloadBroker({ dir: brokerDir })).to.equal(true);
    const again = await refusedOnceReloaded(tlsOf(C));
    expect(again).to.match(/revoked|handshake|closed|ECONNRESET/i);
    const before = atIngestor.length;
    await c.publishAsync(readingsTopic(C), 'C after revocation', { qos: 1 });
    const a = keep(await connected(url, tlsOf(A)));
    await a.publishAsync(readingsTopic(A), 'A after C was revoked', { qos: 1 });
    await until(() => payloadsAtIngestor().includes(`${readingsTopic(A)} A after C was revoked`), 'A\'s reading');
    expect(payloadsAtIngestor().slice(before)).to.deep.equal([`${readingsTopic(A)} A after C was revoked`]);
    expect(await attempt(url, tlsOf(A))).to.have.property('client'); // others unaffected
  });
});
