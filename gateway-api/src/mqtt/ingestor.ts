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
 * Readings of one meter are never in two batches at once (they would conflict
 * on the meter's cursor), and a meter's readings go to the ledger in order.
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
  gen: number;
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
  let gen = 0;
  let client: MqttClient | undefined;
  let stopping = false;
  let killed = false;
  /** After a reconnect the broker redelivers what was not acknowledged; wait for that burst so a meter's readings go in order. */
  const settleMs = Math.max(1000, 2 * maxWaitMs);
  let holdUntil = 0;

  const publishVerdict = async (v: Verdict): Promise<void> => {
    try {
      await client?.publish(verdictsTopic(v.meter), JSON.stringify(v), 1);
    } catch {
      // The connection went away: the reading was not acknowledged either, so it comes back with a new verdict.
    }
  };

  const ack = (e: Entry) => {
    if (!killed && e.gen === gen && e.msg.packetId !== undefined) client?.ack(e.msg.packetId);
  };

  const onMessage = (msg: MqttMessage) => {
    if (killed) return;
    stats.received++;
    const topicMeter = meterOfTopic(msg.topic);
    const parsed = parseReading(msg.payload);
    const entryGen = gen;
    const refuse = (reason: string, detail: string, meter?: string, seq?: number) => {
      stats.malformed++;
      void publishVerdict({ meter: meter ?? topicMeter ?? UNKNOWN_METER_SEGMENT, seq, verdict: 'rejected', reason, detail }).then(() => {
        if (!killed && entryGen === gen && msg.packetId !== undefined) client?.ack(msg.packetId);
      });
    };
    if ('error' in parsed) return refuse('MALFORMED', parsed.error, topicMeter ?? parsed.meter, parsed.seq);
    if (!topicMeter) return refuse('MALFORMED', `topic ${msg.topic} does not name a meter eID`, parsed.reading.meter, parsed.reading.seq);
    if (topicMeter !== parsed.reading.meter) {
      return refuse('TOPIC_MISMATCH', `reading of ${parsed.reading.meter} published on the topic of ${topicMeter}`, topicMeter, parsed.reading.seq);
    }
    pending.push({ msg, gen: entryGen, reading: parsed.reading, at: Date.now() });
    if (pending.length >= batchSize) dispatch();
  };

  /** Next batch: oldest first, skipping meters that have a batch in flight (keeps each meter in order). */
  const takeBatch = (): Entry[] => {
    const batch: Entry[] = [];
    const rest: Entry[] = [];
    for (const e of pending) {
      if (batch.length < batchSize && !busy.has(e.reading.meter)) batch.push(e);
      else rest.push(e);
    }
    // A meter whose later readings did not fit must not overtake itself in the next batch either: fine,
    // because its earlier readings are in this batch and the meter is now busy until it commits.
    pending = rest;
    for (const e of batch) busy.add(e.reading.meter);
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
    if (Date.now() < holdUntil) return;
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
      c.on('message', onMessage);
      try {
        const { sessionPresent } = await c.connect();
        gen++;
        client = c;
        if (sessionPresent) holdUntil = Date.now() + settleMs;
        c.on('close', () => {
          if (client !== c) return;
          // Readings not yet submitted belong to the broker again: it redelivers them on the next session.
          gen++;
          pending = [];
          client = undefined;
          if (!stopping && !killed) {
            stats.reconnects++;
            log('MQTT connection lost; reconnecting');
            void connect();
          }
        });
        await c.subscribe(READINGS_SUBSCRIPTION, 1);
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
