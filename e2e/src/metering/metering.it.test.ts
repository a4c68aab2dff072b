/**
 * Meter ingestion end to end on the real network and a real Mosquitto: a
 * simulated fleet (CA-enrolled owner, grid operator and platform operator;
 * meters registered and certified on the ledger) publishes signed readings
 * over MQTT/TLS, the ingestor batches them into metering:SubmitReadings and
 * answers each reading on its verdict topic. The test's own broker runs in
 * .run/mosquitto-it-<run> on its own port, so it never disturbs `npm start`'s,
 * TLS only with its own meter CA (.run/meter-ca-it-<run>): every meter
 * connects with its own certificate, the ingestor and the verdict listener
 * with theirs, as `dec start` runs it.
 * The peer-restart test kills the regulator's peer (neither the ingestor's
 * gateway peer, GridMSP, nor the one this test reads through, PlatformMSP)
 * and starts that one peer again on its ledger, as `up()`'s resume does, but
 * without `up()`'s deploy step (which would redeploy any chaincode someone
 * else has rebuilt on the shared network).
 */
import {
  enrollServiceIdentity,
  INGESTOR_IDENTITY,
  MeterCa,
  meterTlsOptions,
  MONITOR_IDENTITY,
  MeterPublisher,
  openEnergyContract,
  provisionFleet,
  readingsTopic,
  runSimulation,
  startMeterIngestor,
  VerdictListener,
  type Fleet,
  type MeterIngestor,
  type OpenContract,
  type PublishedReading,
  type ReadingPayload,
  type Verdict,
} from '@dec/meter-ingestor';
import { REPO_ROOT } from '@dec/network';
import { currentModel, isAlive, processStatus, record, startBroker, startPeer, stopBroker, type BrokerHandle } from '@dec/test-network';
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const brokerDir = path.join(REPO_ROOT, '.run', `mosquitto-it-${tag}`);
const caDir = path.join(REPO_ROOT, '.run', `meter-ca-it-${tag}`);
const port = 18_830 + (process.pid % 1000);
const url = `mqtts://127.0.0.1:${port}`;
const SLOT = 15 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Interval {
  slotStart: string;
  importWh: string;
  exportWh: string;
}

/** Expected interval energy of a meter's accepted readings (pro rata over 15-minute slots, as the chaincode splits). */
function expectedIntervals(readings: ReadingPayload[]): Map<string, { imp: bigint; exp: bigint }> {
  const out = new Map<string, { imp: bigint; exp: bigint }>();
  const add = (slot: number, imp: bigint, exp: bigint) => {
    const k = new Date(slot).toISOString();
    const cur = out.get(k) ?? { imp: 0n, exp: 0n };
    out.set(k, { imp: cur.imp + imp, exp: cur.exp + exp });
  };
  for (let i = 1; i < readings.length; i++) {
    const a = readings[i - 1] as ReadingPayload;
    const b = readings[i] as ReadingPayload;
    const from = Date.parse(a.ts);
    const to = Date.parse(b.ts);
    const di = BigInt(b.importWh) - BigInt(a.importWh);
    const de = BigInt(b.exportWh) - BigInt(a.exportWh);
    const first = Math.floor(from / SLOT) * SLOT;
    const last = Math.floor((to - 1) / SLOT) * SLOT;
    let ri = di;
    let re = de;
    for (let s = first; s <= last; s += SLOT) {
      if (s === last) {
        add(s, ri, re);
        break;
      }
      const overlap = BigInt(Math.min(to, s + SLOT) - Math.max(from, s));
      const span = BigInt(to - from);
      add(s, (di * overlap) / span, (de * overlap) / span);
      ri -= (di * overlap) / span;
      re -= (de * overlap) / span;
    }
  }
  return out;
}

describe('meter ingestion over MQTT on the real network', function () {
  let broker: BrokerHandle;
  let ca: MeterCa;
  let fleet: Fleet;
  let ingestor: MeterIngestor | undefined;
  let reader: OpenContract | undefined;
  let listener: VerdictListener | undefined;
  const verdicts = new Map<string, Verdict[]>();
  const published: PublishedReading[] = [];
  const ingestorId = `it-ingestor-${tag}`;

  const debugLog = (l: string): void => {
    if (process.env.DEC_IT_DEBUG) console.log(`[ingestor] ${l}`);
  };
  const startIngestor = (): Promise<MeterIngestor> =>
    startMeterIngestor({ mqttUrl: url, mqttTls: ca.serviceCredentials(INGESTOR_IDENTITY), clientId: ingestorId, enrollmentId: `ingestor-${tag}`, batchSize: 100, maxWaitMs: 300, log: debugLog });
  const key = (m: string, seq?: number) => `${m}/${seq ?? '-'}`;
  const verdictOf = (r: ReadingPayload) => verdicts.get(key(r.meter, r.seq)) ?? [];
  async function waitForVerdicts(readings: ReadingPayload[], timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (readings.every((r) => verdictOf(r).length > 0)) return;
      await sleep(200);
    }
    const missing = readings.filter((r) => verdictOf(r).length === 0).length;
    throw new Error(`${missing} of ${readings.length} readings got no verdict`);
  }
  const evaluate = async <T>(fn: string, input: unknown): Promise<T> =>
    JSON.parse(Buffer.from(await reader!.contract.evaluateTransaction(fn, JSON.stringify(input))).toString('utf8')) as T;

  async function intervalsOf(meter: string): Promise<Interval[]> {
    const all: Interval[] = [];
    let bookmark = '';
    do {
      const page = await evaluate<{ items: Interval[]; bookmark: string }>('metering:Intervals', { meter, pageSize: 7, bookmark });
      all.push(...page.items);
      bookmark = page.bookmark;
    } while (bookmark);
    return all;
  }

  /** Every good meter's ledger state equals what it published: each accepted reading counted once, intervals exact. */
  async function expectLedgerMatches(): Promise<void> {
    for (const m of fleet.meters) {
      const accepted = published.filter((p) => p.reading.meter === m.eid && p.expect === 'accepted').map((p) => p.reading).sort((a, b) => a.seq - b.seq);
      const state = await evaluate<{ last: { seq: number; accepted: number; importWh: string } }>('metering:GetMeter', { meter: m.eid });
      expect(state.last.accepted, `accepted readings of ${m.eid} (${m.fault ?? 'good'})`).to.equal(accepted.length);
      expect(state.last.importWh).to.equal(accepted[accepted.length - 1]?.importWh);
      const want = expectedIntervals(accepted);
      const got = await intervalsOf(m.eid);
      expect(new Map(got.map((i) => [i.slotStart, { imp: BigInt(i.importWh), exp: BigInt(i.exportWh) }]))).to.deep.equal(want);
    }
  }

  /**
   * Every copy of a reading got a consistent verdict: a good reading only ever `accepted` (by one
   * transaction, every other copy `duplicate`), a faulty one only ever `rejected`. (A faulty reading resent after a crash may
   * name STALE_SEQUENCE the second time: its successors committed in between.)
   */
  function expectConsistentVerdicts(): void {
    for (const p of published) {
      const vs = verdictOf(p.reading);
      if (p.expect === 'accepted') {
        expect(vs.every((v) => v.verdict === 'accepted'), `${key(p.reading.meter, p.reading.seq)}: ${JSON.stringify(vs)}`).to.equal(true);
        // A verdict may reach the listener twice (QoS 1), but at most one transaction accepts the reading
        // (none that the listener saw if the ingestor crashed before publishing it: then only `duplicate`s).
        expect(new Set(vs.filter((v) => !v.duplicate).map((v) => v.txId)).size, `${key(p.reading.meter, p.reading.seq)}: ${JSON.stringify(vs)}`).to.be.at.most(1);
      } else {
        expect(vs.every((v) => v.verdict === 'rejected'), `${key(p.reading.meter, p.reading.seq)}: ${JSON.stringify(vs)}`).to.equal(true);
      }
    }
  }

  /** Until the ingestor holds nothing: every reading it received is resolved and acknowledged. */
  async function waitIngestorIdle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const s = ingestor!.stats();
      if (s.pending === 0 && s.inFlight === 0) return;
      await sleep(100);
    }
    throw new Error(`ingestor still busy: ${JSON.stringify(ingestor!.stats())}`);
  }

  /** Verdict counts of everything published so far, to show later that none of it came back. */
  const verdictCounts = () => new Map(published.map((p) => [key(p.reading.meter, p.reading.seq), verdictOf(p.reading).length]));

  /** The verdict listener: a persistent session, so verdicts published while the broker restarts (one test) still arrive. */
  async function connectListener(): Promise<void> {
    const monitor = ca.serviceCredentials(MONITOR_IDENTITY);
    listener = await VerdictListener.open({
      url,
      clientId: MONITOR_IDENTITY,
      mqtt: { ...monitor, protocolVersion: 4 },
      clean: false,
      onVerdict: (v) => {
        const k = key(v.meter, v.seq);
        verdicts.set(k, [...(verdicts.get(k) ?? []), v]);
      },
    });
  }

  before(async function () {
    this.timeout(300_000);
    ca = MeterCa.open(caDir);
    broker = await startBroker({ dir: brokerDir, port, access: ca.brokerFiles() });
    expect(broker.tls).to.equal(true);
    [fleet, reader] = await Promise.all([
      provisionFleet({ tag, count: 6, forged: 1, regressing: 1, zone: `IT-${tag}`, credentials: ca }),
      // Read through the platform's peer: the regulator's peer is restarted in one test.
      enrollServiceIdentity('RegulatorMSP', `it-reader-${tag}`, { role: 'regulator' }).then((id) => openEnergyContract(id, 'PlatformMSP')),
    ]);
    await connectListener();
    ingestor = await startIngestor();
  });

  after(async function () {
    this.timeout(60_000);
    ingestor?.kill();
    await listener?.end();
    reader?.close();
    if (process.env.DEC_IT_DEBUG) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync('/tmp/it-verdicts.json', JSON.stringify({ published, verdicts: [...verdicts.entries()], stats: ingestor?.stats() }, null, 1));
    }
    await stopBroker({ dir: brokerDir, port, wipe: !process.env.DEC_IT_DEBUG });
    if (!process.env.DEC_IT_DEBUG) rmSync(caDir, { recursive: true, force: true });
  });

  it('lands a simulated fleet: every good reading accepted once, faulty ones rejected with their reason, exact interval energy', async () => {
    const run = await runSimulation({ fleet, mqttUrl: url, readings: 12, rate: 4, stepMs: 5 * 60_000, endMs: Date.now() - 3 * 3_600_000 });
    published.push(...run.published);
    await waitForVerdicts(run.published.map((p) => p.reading));
    for (const p of run.published) {
      const [v] = verdictOf(p.reading);
      if (p.expect === 'accepted') expect(v, JSON.stringify(v)).to.include({ verdict: 'accepted' });
      else expect(v, JSON.stringify(p.reading)).to.include({ verdict: 'rejected', reason: p.expect });
    }
    expect(run.published.filter((p) => p.expect === 'FORGED_SIGNATURE')).to.have.length(3);
    expect(run.published.filter((p) => p.expect === 'COUNTER_REGRESSION')).to.have.length(3);
    await expectLedgerMatches();
    const forged = fleet.meters.find((m) => m.fault === 'forged') as Fleet['meters'][number];
    const anomalies = await evaluate<{ items: { kind: string; reason?: string }[] }>('metering:Anomalies', { meter: forged.eid });
    expect(anomalies.items.filter((a) => a.kind === 'FORGED_SIGNATURE')).to.have.length(3);
  });

  it('answers duplicates as accepted-duplicate (counted once) and malformed payloads as rejected, and keeps going', async () => {
    const good = fleet.meters.find((m) => !m.fault) as Fleet['meters'][number];
    // Each meter publishes on its own topic with its own certificate (the broker allows nothing else).
    const sender = new MeterPublisher({ url, clientId: good.eid, mqtt: meterTlsOptions(fleet, good) });
    const again = published.find((p) => p.reading.meter === good.eid && p.reading.seq === 5) as PublishedReading;
    const before = verdictOf(again.reading).length;
    await sender.publish(readingsTopic(good.eid), JSON.stringify(again.reading));
    await sender.publish(readingsTopic(good.eid), 'this is not json');
    await sender.publish(readingsTopic(good.eid), JSON.stringify({ meter: good.eid, seq: 999, ts: 'yesterday' }));
    await sender.close();
    const other = fleet.meters[1] as Fleet['meters'][number];
    const otherSender = new MeterPublisher({ url, clientId: other.eid, mqtt: meterTlsOptions(fleet, other) });
    await otherSender.publish(readingsTopic(other.eid), JSON.stringify({ ...again.reading, seq: 998 }));
    await otherSender.close();
    const answered = (): boolean => verdictOf(again.reading).length > before && [key(good.eid), key(good.eid, 999), key(other.eid, 998)].every((k) => verdicts.has(k));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !answered()) await sleep(200);
    expect(verdictOf(again.reading)[before]).to.include({ verdict: 'accepted', duplicate: true });
    expect(verdicts.get(key(good.eid))?.[0]).to.include({ verdict: 'rejected', reason: 'MALFORMED', detail: 'payload is not JSON' });
    expect(verdicts.get(key(good.eid, 999))?.[0]).to.include({ verdict: 'rejected', reason: 'MALFORMED' });
    expect(verdicts.get(key(good.eid, 999))?.[0]?.detail).to.match(/^reading\.ts: /);
    expect(verdicts.get(key(other.eid, 998))?.[0]).to.include({ verdict: 'rejected', reason: 'TOPIC_MISMATCH' });
    await expectLedgerMatches();
    expect(ingestor!.stats().malformed).to.be.at.least(3);
  });

  it('loses and double-counts nothing when the ingestor is killed mid-stream and restarted', async () => {
    const sim = runSimulation({ fleet, mqttUrl: url, readings: 24, rate: 8, firstSeq: 12, stepMs: 60_000, endMs: Date.now() - 60 * 60_000 });
    await sleep(1200);
    ingestor!.kill(); // a crash: in-flight batches may commit on the ledger without their PUBACK
    await sleep(1500);
    ingestor = await startIngestor();
    const run = await sim;
    published.push(...run.published);
    await waitForVerdicts(run.published.map((p) => p.reading));
    await expectLedgerMatches();
    expectConsistentVerdicts();
  });

  it('loses nothing when the broker restarts mid-stream (persistent session and message store)', async () => {
    // Everything earlier is resolved and acknowledged: none of it may come back after the broker restart.
    await waitIngestorIdle();
    const earlier = verdictCounts();
    const sim = runSimulation({ fleet, mqttUrl: url, readings: 16, rate: 8, firstSeq: 36, stepMs: 60_000, endMs: Date.now() - 30 * 60_000 });
    await sleep(1000);
    await stopBroker({ dir: brokerDir, port });
    await sleep(500);
    broker = await startBroker({ dir: brokerDir, port, access: ca.brokerFiles() });
    expect(broker.reused).to.equal(false);
    const run = await sim;
    published.push(...run.published);
    await waitForVerdicts(run.published.map((p) => p.reading));
    await expectLedgerMatches();
    expectConsistentVerdicts();
    expect(ingestor!.stats().reconnects).to.be.at.least(1);
    const redelivered = [...earlier].filter(([k, n]) => (verdicts.get(k)?.length ?? 0) !== n).map(([k]) => k);
    expect(redelivered, 'acknowledged readings delivered again after the broker restart').to.deep.equal([]);
  });

  it('loses and double-counts nothing when a peer (not the ingestor\'s gateway peer) is killed mid-stream and restarted', async function () {
    this.timeout(300_000);
    const victim = record('regulator-peer0');
    expect(victim && isAlive(victim), 'regulator-peer0 runs').to.equal(true);
    const sim = runSimulation({ fleet, mqttUrl: url, readings: 16, rate: 8, firstSeq: 52, stepMs: 60_000, endMs: Date.now() - 60_000 });
    await sleep(700);
    process.kill(victim!.pid, 'SIGKILL');
    while (isAlive(victim!)) await sleep(50);
    await sleep(1000);
    const peer = currentModel().model.orgs.flatMap((o) => o.peers).find((p) => p.id === 'regulator-peer0');
    const restarted = startPeer(peer!); // its ledger and channel memberships are on disk
    let healthy = false;
    for (let i = 0; i < 300 && !healthy; i++) {
      healthy = (await processStatus()).find((r) => r.name === 'regulator-peer0')?.healthy === true;
      if (!healthy) await sleep(200);
    }
    expect(healthy && isAlive(restarted), 'restarted regulator-peer0 healthy').to.equal(true);
    expect(restarted.pid).to.not.equal(victim!.pid);
    const run = await sim;
    published.push(...run.published);
    await waitForVerdicts(run.published.map((p) => p.reading));
    await expectLedgerMatches();
    expectConsistentVerdicts();
  });
});
