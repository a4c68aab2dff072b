/**
 * The ingestor's wiring against a scripted broker and a fake ledger: readings
 * batched per meter in sequence order, a malformed one answered at once, and
 * every reading acknowledged only after its batch committed and its verdict
 * went out. (Against Mosquitto and Fabric: e2e/src/metering.)
 */
import { expect } from 'chai';
import type { IPublishPacket, Packet } from 'mqtt-packet';
import { generateKeyPairSync } from 'node:crypto';
import { startMeterIngestor, type MeterIngestor } from './ingestor';
import { readingsTopic, signReading, type ReadingPayload, type Verdict } from './protocol';
import type { CommittedBatch } from './submitter';
import { ScriptedBroker, waitFor } from './testing/scripted-broker';

const A = `eid:d:${'aa'.repeat(16)}`;
const B = `eid:d:${'bb'.repeat(16)}`;
const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const reading = (meter: string, seq: number): ReadingPayload => signReading(key, { meter, seq, ts: `2026-03-01T10:0${seq}:00.000Z`, importWh: String(1000 + seq), exportWh: '0' });
const delivery = (messageId: number, topic: string, payload: unknown): Packet => ({
  cmd: 'publish', topic, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), qos: 1, messageId, dup: false, retain: false,
});

describe('meter ingestor (scripted broker, fake ledger)', () => {
  let broker: ScriptedBroker | undefined;
  let ingestor: MeterIngestor | undefined;
  afterEach(async () => {
    ingestor?.kill();
    await broker?.close();
  });

  it('batches per meter in sequence order, and acknowledges each reading only after commit and verdict', async () => {
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 0, sessionPresent: false });
      if (p.cmd === 'subscribe') {
        reply({ cmd: 'suback', messageId: p.messageId, granted: [1] },
          delivery(1, readingsTopic(A), reading(A, 2)), delivery(2, readingsTopic(B), reading(B, 1)),
          delivery(3, readingsTopic(A), 'not json'), delivery(4, readingsTopic(A), reading(A, 1)));
      }
      if (p.cmd === 'publish') reply({ cmd: 'puback', messageId: p.messageId });
    });
    const url = await broker.listen();
    const batches: ReadingPayload[][] = [];
    let commit: (b: CommittedBatch) => void = () => undefined;
    const submit = (readings: ReadingPayload[]): Promise<CommittedBatch> => {
      batches.push(readings);
      return new Promise((resolve) => (commit = resolve));
    };
    ingestor = await startMeterIngestor({ mqttUrl: url, clientId: 'unit-ingestor', submit, batchSize: 10, maxWaitMs: 20, log: () => undefined });
    await waitFor(() => batches.length === 1);
    expect(batches[0]!.map((r) => `${r.meter === A ? 'A' : 'B'}${r.seq}`)).to.deep.equal(['A1', 'A2', 'B1']);
    await waitFor(() => broker!.cmds().includes('puback 3'));
    expect(broker.cmds().filter((c) => c.startsWith('puback'))).to.deep.equal(['puback 3']);

    commit({ txId: 'tx9', results: [{ i: 0, verdict: 'accepted' }, { i: 1, verdict: 'duplicate' }, { i: 2, verdict: 'rejected', reason: 'FORGED_SIGNATURE' }] });
    await waitFor(() => broker!.cmds().filter((c) => c.startsWith('puback')).length === 4);
    const verdicts = broker.received.filter((p): p is IPublishPacket => p.cmd === 'publish').map((p) => JSON.parse(p.payload.toString()) as Verdict);
    expect(verdicts.map((v) => [v.meter === A ? 'A' : 'B', v.seq, v.verdict, v.reason ?? v.duplicate ?? null])).to.deep.equal([
      ['A', undefined, 'rejected', 'MALFORMED'],
      ['A', 1, 'accepted', null],
      ['A', 2, 'accepted', true],
      ['B', 1, 'rejected', 'FORGED_SIGNATURE'],
    ]);
    const lastVerdict = broker.cmds().lastIndexOf('publish');
    expect(broker.cmds().slice(lastVerdict + 1)).to.deep.equal(['puback 4', 'puback 1', 'puback 2']);
    expect(ingestor.stats()).to.include({ received: 4, malformed: 1, accepted: 1, duplicates: 1, rejected: 1, batches: 1, pending: 0, inFlight: 0 });
  });

  it('acknowledges nothing after a kill, even when the batch commits later', async () => {
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 0, sessionPresent: true }, delivery(7, readingsTopic(A), reading(A, 1)));
      if (p.cmd === 'subscribe') reply({ cmd: 'suback', messageId: p.messageId, granted: [1] });
    });
    const url = await broker.listen();
    let commit: (b: CommittedBatch) => void = () => undefined;
    const submitted = new Promise<void>((started) => {
      void startMeterIngestor({
        mqttUrl: url, clientId: 'unit-ingestor', batchSize: 10, maxWaitMs: 20, log: () => undefined,
        submit: () => {
          started();
          return new Promise((resolve) => (commit = resolve));
        },
      }).then((i) => (ingestor = i));
    });
    await submitted;
    await waitFor(() => ingestor !== undefined);
    ingestor!.kill();
    commit({ txId: 'tx1', results: [{ i: 0, verdict: 'accepted' }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.cmds()).to.not.include('puback 7');
    expect(ingestor!.stats()).to.include({ accepted: 0, batches: 0 });
  });
});
