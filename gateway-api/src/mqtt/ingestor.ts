/**
 * The meter ingestor: subscribes to every meter's readings topic with a
 * persistent MQTT session (QoS 1), batches readings by size and time, submits
 * each batch as metering:SubmitReadings through the Fabric Gateway, publishes a
 * verdict per reading, and only then acknowledges the readings to the broker.
 *
 * Nothing is lost and nothing is counted twice across restarts:
 * - a reading is acknowledged (PUBACK) only after the ledger committed the
 *   batch holding it, so if the ingestor, the broker (persistence on) or a
 *   peer goes away first, the broker still has it and redelivers it;
 * - a redelivered reading that had in fact committed is recognised by the
 *   chaincode (same meter, sequence and content) and answered `duplicate`.
 * - a reading is acknowledged on the connection that delivered it, and only
 *   while that connection is up: a PUBACK on a later session would name a
 *   packet ID of that session, not this reading.
 * Readings of one meter are never in two batches at once (they would conflict
 * on the meter's cursor), and a meter's readings go to the ledger in sequence
 * order: each batch takes, per meter, the lowest sequence numbers pending, and
 * a meter's later readings wait until its batch in flight has been resolved.
 * Malformed payloads get a `rejected`/`MALFORMED` verdict and are acknowledged
 * at once; they never reach the ledger and never stop the ingestor.
 */
import type { Contract } from '@hyperledger/fabric-gateway';
import { GatewayError } from '@hyperledger/fabric-gateway';
import { submitTransaction } from '../fabric/submit';
import { DEFAULT_MQTT_PORT } from './broker';
import { MqttClient, type MqttMessage } from './mqtt-client';
import { meterOfTopic, parseReading, READINGS_SUBSCRIPTION, UNKNOWN_METER_SEGMENT, verdictsTopic, type ReadingPayload, type Verdict } from './protocol';
import { enrollServiceIdentity, openEnergyContract, type OpenContract } from './service-identity';

export interface MeterIngestorOptions {
  mqttHost?: string;
  mqttPort?: number;
  /** MQTT client ID: the persistent session's name. Keep it stable across restarts (default `dec-meter-ingestor`). */
  clientId?: string;
  /** A ready contract (energy chaincode) to submit with; otherwise a service identity is enrolled. */
  contract?: Contract;
  /** Org of the enrolled service identity: GridMSP (default) or PlatformMSP; it gets `role=ingestor`. */
  mspId?: 'GridMSP' | 'PlatformMSP';
  enrollmentId?: string;
  /** Most readings per transaction (default 200, at most 500). */
  batchSize?: number;
  /** Longest a reading waits for its batch to fill (default 500 ms). */
  maxWaitMs?: number;
  /** Batches submitted concurrently (default 4). Their meters are disjoint. */
  maxInFlight?: number;
  log?: (line: string) => void;
}

export interface IngestorStats {
  received: number;
  malformed: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  batches: number;
  submitRetries: number;
  reconnects: number;
  pending: number;
  inFlight: number;
}

export interface MeterIngestor {
  readonly clientId: string;
  stats(): IngestorStats;
  /** Graceful: lets in-flight batches finish (and acknowledge), then disconnects. Unsubmitted readings stay with the broker. */
  stop(): Promise<void>;
  /** Abrupt, as a crash: drops the MQTT connection at once and acknowledges nothing more. */
  kill(): void;
}

interface Entry {
  msg: MqttMessage;
  /** The connection that delivered it: the only one that can acknowledge it. */
  from: MqttClient;
  reading: ReadingPayload;
  at: number;
}

interface BatchOutcome {
  results: { i: number; verdict: 'accepted' | 'duplicate' | 'rejected'; reason?: string; detail?: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Errors that retrying cannot fix: the chaincode refused the whole batch (access, validation). */
function permanent(e: unknown): string | undefined {
  const details = e instanceof GatewayError ? (e.details ?? []).map((d) => d.message).join(' ') : '';
  const text = `${(e as Error).message ?? ''} ${details}`;
  const m = /(ACCESS_DENIED|VALIDATION): [^\n]*/.exec(text);
  return m ? m[0] : undefined;
}

export async function startMeterIngestor(options: MeterIngestorOptions = {}): Promise<MeterIngestor> {
  const clientId = options.clientId ?? 'dec-meter-ingestor';
  const batchSize = Math.min(options.batchSize ?? 200, 500);
  const maxWaitMs = options.maxWaitMs ?? 500;
  const maxInFlight = options.maxInFlight ?? 4;
  const log = options.log ?? ((line: string) => console.log(`[ingestor] ${line}`));
  let opened: OpenContract | undefined;
  let contract = options.contract;
  if (!contract) {
    const mspId = options.mspId ?? 'GridMSP';
    const id = await enrollServiceIdentity(mspId, options.enrollmentId ?? 'meter-ingestor', { role: 'ingestor' });
    opened = openEnergyContract(id);
    contract = opened.contract;
  }
  const ledger = contract;

  const stats: IngestorStats = { received: 0, malformed: 0, accepted: 0, duplicates: 0, rejected: 0, batches: 0, submitRetries: 0, reconnects: 0, pending: 0, inFlight: 0 };
  let pending: Entry[] = [];
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let client: MqttClient | undefined;
  let stopping = false;
  let killed = false;

  const publishVerdict = async (v: Verdict): Promise<void> => {
    try {
      await client?.publish(verdictsTopic(v.meter), JSON.stringify(v), 1);
    } catch {
      // The connection went away: the reading was not acknowledged either, so it comes back with a new verdict.
    }
  };

  /** PUBACK on the delivering connection; if that connection is gone, the broker redelivers the reading on the next one. */
  const ackOn = (from: MqttClient, msg: MqttMessage) => {
    if (!killed && from.connected && msg.packetId !== undefined) from.ack(msg.packetId);
  };
  const ack = (e: Entry) => ackOn(e.from, e.msg);

  // Bound per connection: a resumed session's first redeliveries can arrive in the same TCP chunk as CONNACK,
  // before connect() has returned, and must still be acknowledged on that connection.
  const onMessage = (from: MqttClient, msg: MqttMessage) => {
    if (killed || !from.connected) return;
    stats.received++;
    const topicMeter = meterOfTopic(msg.topic);
    const parsed = parseReading(msg.payload);
    const refuse = (reason: string, detail: string, meter?: string, seq?: number) => {
      stats.malformed++;
      void publishVerdict({ meter: meter ?? topicMeter ?? UNKNOWN_METER_SEGMENT, seq, verdict: 'rejected', reason, detail }).then(() => ackOn(from, msg));
    };
    if ('error' in parsed) return refuse('MALFORMED', parsed.error, topicMeter ?? parsed.meter, parsed.seq);
    if (!topicMeter) return refuse('MALFORMED', `topic ${msg.topic} does not name a meter eID`, parsed.reading.meter, parsed.reading.seq);
    if (topicMeter !== parsed.reading.meter) {
      return refuse('TOPIC_MISMATCH', `reading of ${parsed.reading.meter} published on the topic of ${topicMeter}`, topicMeter, parsed.reading.seq);
    }
    pending.push({ msg, from, reading: parsed.reading, at: Date.now() });
    if (pending.length >= batchSize) dispatch();
  };

  /**
   * Next batch: meters in order of their oldest pending reading, skipping meters with a batch in flight;
   * per meter the lowest sequence numbers first. A meter's readings left over (batch full) have higher
   * sequence numbers than all of its readings in the batch, and wait until that batch is resolved.
   */
  const takeBatch = (): Entry[] => {
    const byMeter = new Map<string, Entry[]>();
    for (const e of pending) {
      if (busy.has(e.reading.meter)) continue;
      const list = byMeter.get(e.reading.meter) ?? [];
      list.push(e);
      byMeter.set(e.reading.meter, list);
    }
    const batch: Entry[] = [];
    for (const [meter, list] of byMeter) {
      if (batch.length >= batchSize) break;
      list.sort((a, b) => a.reading.seq - b.reading.seq || a.at - b.at);
      batch.push(...list.slice(0, batchSize - batch.length));
      busy.add(meter);
    }
    const taken = new Set(batch);
    pending = pending.filter((e) => !taken.has(e));
    return batch;
  };

  const submitBatch = async (batch: Entry[]): Promise<void> => {
    const readings = batch.map((e) => e.reading);
    for (let attempt = 1; !killed; attempt++) {
      try {
        const out = await submitTransaction(ledger, 'metering:SubmitReadings', { arguments: [JSON.stringify({ readings })] });
        if (!out.status.successful) throw new Error(`transaction ${out.transactionId} invalid: code ${out.status.code}`);
        if (killed) return;
        const outcome = JSON.parse(Buffer.from(out.result).toString('utf8')) as BatchOutcome;
        stats.batches++;
        await Promise.all(
          batch.map((e, i) => {
            const r = outcome.results[i];
            const v: Verdict = { meter: e.reading.meter, seq: e.reading.seq, verdict: r?.verdict === 'rejected' ? 'rejected' : 'accepted', txId: out.transactionId };
            if (r?.verdict === 'duplicate') {
              v.duplicate = true;
              stats.duplicates++;
            } else if (r?.verdict === 'rejected') {
              v.reason = r.reason;
              v.detail = r.detail;
              stats.rejected++;
            } else stats.accepted++;
            return publishVerdict(v);
          }),
        );
        batch.forEach(ack);
        return;
      } catch (e) {
        if (killed) return;
        const refusal = permanent(e);
        if (refusal) {
          log(`batch of ${batch.length} refused: ${refusal}`);
          await Promise.all(batch.map((en) => publishVerdict({ meter: en.reading.meter, seq: en.reading.seq, verdict: 'rejected', reason: 'SUBMIT_REFUSED', detail: refusal })));
          stats.rejected += batch.length;
          batch.forEach(ack);
          return;
        }
        stats.submitRetries++;
        log(`batch of ${batch.length} not committed (attempt ${attempt}): ${(e as Error).message.split('\n')[0]}; retrying`);
        await sleep(Math.min(500 * attempt, 5000));
      }
    }
  };

  function dispatch(): void {
    while (!killed && inFlight.size < maxInFlight && pending.length > 0) {
      const batch = takeBatch();
      if (batch.length === 0) return;
      const p = submitBatch(batch).finally(() => {
        for (const e of batch) busy.delete(e.reading.meter);
        inFlight.delete(p);
        dispatch();
      });
      inFlight.add(p);
    }
  }

  const timer = setInterval(() => {
    const oldest = pending[0];
    if (oldest && (Date.now() - oldest.at >= maxWaitMs || pending.length >= batchSize)) dispatch();
  }, Math.max(10, Math.min(100, maxWaitMs / 2)));

  const connect = async (): Promise<void> => {
    for (let attempt = 1; !stopping && !killed; attempt++) {
      const c = new MqttClient({ host: options.mqttHost ?? '127.0.0.1', port: options.mqttPort ?? DEFAULT_MQTT_PORT, clientId, clean: false });
      c.on('message', (msg: MqttMessage) => onMessage(c, msg));
      try {
        const { sessionPresent } = await c.connect();
        client = c;
        c.on('close', () => {
          // Readings of this connection not yet submitted belong to the broker again: it redelivers them on the next session.
          pending = pending.filter((e) => e.from !== c);
          if (client !== c) return;
          client = undefined;
          if (!stopping && !killed) {
            stats.reconnects++;
            log('MQTT connection lost; reconnecting');
            void connect();
          }
        });
        try {
          await c.subscribe(READINGS_SUBSCRIPTION, 1);
        } catch (e) {
          // The connection dropped right after CONNACK: its close handler above reconnects.
          log(`MQTT subscribe failed (${(e as Error).message})`);
          c.destroy();
          return;
        }
        log(`connected to MQTT ${options.mqttPort ?? DEFAULT_MQTT_PORT} as ${clientId} (session ${sessionPresent ? 'resumed' : 'new'}), subscribed to ${READINGS_SUBSCRIPTION}`);
        return;
      } catch (e) {
        c.destroy();
        if (attempt === 1 || attempt % 10 === 0) log(`MQTT connect failed (${(e as Error).message}); retrying`);
        await sleep(Math.min(250 * attempt, 2000));
      }
    }
  };
  await connect();

  return {
    clientId,
    stats: () => ({ ...stats, pending: pending.length, inFlight: inFlight.size }),
    async stop() {
      stopping = true;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
      const c = client;
      client = undefined;
      await c?.end();
      opened?.close();
    },
    kill() {
      killed = true;
      clearInterval(timer);
      const c = client;
      client = undefined;
      c?.destroy();
      opened?.close();
    },
  };
}
