/**
 * The meter ingestor: subscribes to every meter's readings topic with a
 * persistent MQTT session (QoS 1), batches readings by size and time, submits
 * each batch as metering:SubmitReadings through the Fabric Gateway, publishes a
 * verdict per reading, and only then acknowledges the readings to the broker.
 * This file wires the parts; each rule lives in its own unit:
 *   readings-subscription.ts  the persistent session, reconnected (mqtt-session.ts: one connection)
 *   batcher.ts                which readings go together (size/time, one batch per meter, sequence order)
 *   submitter.ts              the ledger call, retries, per-reading verdicts
 *   verdict-publisher.ts      verdicts out, then acknowledgements
 *
 * Nothing is lost and nothing is counted twice across restarts:
 * - a reading is acknowledged (PUBACK) only after the ledger committed the
 *   batch holding it, so if the ingestor, the broker (persistence on) or a
 *   peer goes away first, the broker still has it and redelivers it;
 * - a redelivered reading that had in fact committed is recognised by the
 *   chaincode (same meter, sequence and content) and answered `duplicate`;
 * - a reading is acknowledged on the connection that delivered it, and only
 *   while that connection is up: a PUBACK on a later session would name a
 *   packet ID of that session, not this reading.
 * Malformed payloads get a `rejected`/`MALFORMED` verdict and are acknowledged
 * at once; they never reach the ledger and never stop the ingestor.
 */
import type { Contract } from '@dec/fabric-client';
import type tls from 'node:tls';
import { ReadingBatcher } from './batcher';
import { watchDecommissions, type DecommissionWatcher } from './credentials/decommission-watcher';
import type { MeterCa } from './credentials/meter-ca';
import type { Delivery, MqttSession } from './mqtt-session';
import { brokerUrl, DEFAULT_MQTT_PORT, readingOf, type ReadingPayload } from './protocol';
import { ReadingsSubscription } from './readings-subscription';
import { enrollServiceIdentity, openEnergyContract, type OpenContract } from './service-identity';
import { BatchSubmitter, ledgerSubmitter, type BatchResolution, type SubmitReadings } from './submitter';
import { VerdictPublisher } from './verdict-publisher';

export interface MeterIngestorOptions {
  /** Broker URL (mqtt:// or mqtts://); default mqtt://<mqttHost>:<mqttPort>. */
  mqttUrl?: string;
  mqttHost?: string;
  mqttPort?: number;
  mqttUsername?: string;
  mqttPassword?: string;
  /** TLS options for an mqtts:// broker (CA, client certificate and key). */
  mqttTls?: tls.ConnectionOptions;
  /** MQTT client ID: the persistent session's name. Keep it stable across restarts (default `dec-meter-ingestor`). */
  clientId?: string;
  /** A ready contract (energy chaincode) to submit with; otherwise a service identity is enrolled. */
  contract?: Contract;
  /** A ready ledger call instead of a contract (tests without Fabric). */
  submit?: SubmitReadings;
  /** Org of the enrolled service identity: GridMSP (default) or PlatformMSP; it gets `role=ingestor`. */
  mspId?: 'GridMSP' | 'PlatformMSP';
  enrollmentId?: string;
  /** Most readings per transaction (default 200, at most 500). */
  batchSize?: number;
  /** Longest a reading waits for its batch to fill (default 500 ms). */
  maxWaitMs?: number;
  /** Batches submitted concurrently (default 4). Their meters are disjoint. */
  maxInFlight?: number;
  /** Revoke a meter's broker certificates when the ledger says it was decommissioned (needs the enrolled identity). */
  revokeDecommissioned?: { ca: MeterCa; reloadBroker(): void };
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

/** A reading waiting for (or in) a batch, with the delivery that brought it. */
interface Pending {
  meter: string;
  seq: number;
  at: number;
  reading: ReadingPayload;
  delivery: Delivery;
}

interface Settings {
  clientId: string;
  maxInFlight: number;
  log: (line: string) => void;
}

/** Wires subscription → batcher → submitter → verdicts, and counts what happens. */
class IngestorService implements MeterIngestor {
  private readonly counts = { received: 0, malformed: 0, accepted: 0, duplicates: 0, rejected: 0, batches: 0, submitRetries: 0, reconnects: 0 };
  private readonly batcher: ReadingBatcher<Pending>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly subscription: ReadingsSubscription;
  private readonly submitter: BatchSubmitter;
  private readonly verdicts: VerdictPublisher;
  private readonly timer: NodeJS.Timeout;
  private killed = false;
  /** Follows decommissions while the ingestor runs (revokeDecommissioned). */
  watcher: DecommissionWatcher | undefined;

  constructor(
    options: MeterIngestorOptions,
    private readonly settings: Settings,
    submit: SubmitReadings,
    private readonly opened: OpenContract | undefined,
  ) {
    const maxWaitMs = options.maxWaitMs ?? 500;
    this.batcher = new ReadingBatcher({ batchSize: Math.min(options.batchSize ?? 200, 500), maxWaitMs });
    this.submitter = new BatchSubmitter({ submit, abandoned: () => this.killed, log: settings.log, onRetry: () => this.counts.submitRetries++ });
    this.verdicts = new VerdictPublisher(() => this.subscription.current);
    this.subscription = new ReadingsSubscription({
      url: options.mqttUrl ?? brokerUrl(options.mqttPort ?? DEFAULT_MQTT_PORT, options.mqttHost),
      clientId: settings.clientId,
      username: options.mqttUsername,
      password: options.mqttPassword,
      tls: options.mqttTls,
      log: settings.log,
      onMessage: (d) => { this.onMessage(d); },
      onConnectionLost: (s) => { this.onConnectionLost(s); },
      onReconnect: () => this.counts.reconnects++,
    });
    this.timer = setInterval(() => {
      if (this.batcher.isDue(Date.now())) this.dispatch();
    }, Math.max(10, Math.min(100, maxWaitMs / 2)));
  }

  get clientId(): string {
    return this.settings.clientId;
  }

  async start(): Promise<void> {
    await this.subscription.connect();
  }

  stats(): IngestorStats {
    return { ...this.counts, pending: this.batcher.pending, inFlight: this.inFlight.size };
  }

  async stop(): Promise<void> {
    this.subscription.stopReconnecting();
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
    await this.subscription.end();
    this.watcher?.close();
    this.opened?.close();
  }

  kill(): void {
    this.killed = true;
    clearInterval(this.timer);
    this.subscription.destroy();
    this.watcher?.close();
    this.opened?.close();
  }

  private onMessage(d: Delivery): void {
    if (this.killed) return;
    this.counts.received++;
    const message = readingOf(d.topic, d.payload);
    if ('refusal' in message) {
      this.counts.malformed++;
      void this.verdicts.answer([message.refusal], [d]);
      return;
    }
    const { reading } = message;
    this.batcher.add({ meter: reading.meter, seq: reading.seq, at: Date.now(), reading, delivery: d });
    if (this.batcher.isDue(Date.now())) this.dispatch();
  }

  /** Readings of that connection not yet submitted belong to the broker again: it redelivers them on the next session. */
  private onConnectionLost(session: MqttSession): void {
    this.batcher.drop((p) => p.delivery.via === session);
  }

  /** Starts batches while there is room in flight and a batch to take. */
  private dispatch(): void {
    while (!this.killed && this.inFlight.size < this.settings.maxInFlight && this.batcher.pending > 0) {
      const batch = this.batcher.take();
      if (batch.length === 0) return;
      const p = this.resolve(batch).finally(() => {
        this.batcher.release(batch);
        this.inFlight.delete(p);
        this.dispatch();
      });
      this.inFlight.add(p);
    }
  }

  private async resolve(batch: Pending[]): Promise<void> {
    const outcome = await this.submitter.resolve(batch.map((p) => p.reading));
    if (!outcome) return;
    this.count(outcome);
    await this.verdicts.answer(outcome.verdicts, batch.map((p) => p.delivery));
  }

  private count(outcome: BatchResolution): void {
    if (outcome.txId !== undefined) this.counts.batches++;
    for (const v of outcome.verdicts) {
      if (v.verdict === 'rejected') this.counts.rejected++;
      else if (v.duplicate) this.counts.duplicates++;
      else this.counts.accepted++;
    }
  }
}

/** The decommission watcher, if asked for and the ingestor has its own Fabric identity to follow events with. */
async function decommissionWatcher(options: MeterIngestorOptions, opened: OpenContract | undefined, log: (line: string) => void): Promise<DecommissionWatcher | undefined> {
  const revoke = options.revokeDecommissioned;
  if (!revoke || !opened) return undefined;
  return watchDecommissions({ network: opened.gateway.getNetwork('energy'), ca: revoke.ca, reloadBroker: () => { revoke.reloadBroker(); }, log });
}

/** Opens the ledger (a given contract, or an enrolled service identity) and connects to the broker. */
export async function startMeterIngestor(options: MeterIngestorOptions = {}): Promise<MeterIngestor> {
  const settings: Settings = {
    clientId: options.clientId ?? 'dec-meter-ingestor',
    maxInFlight: options.maxInFlight ?? 4,
    log: options.log ?? ((line: string) => { console.log(`[ingestor] ${line}`); }),
  };
  let opened: OpenContract | undefined;
  let submit = options.submit ?? (options.contract && ledgerSubmitter(options.contract));
  if (!submit) {
    const id = await enrollServiceIdentity(options.mspId ?? 'GridMSP', options.enrollmentId ?? 'meter-ingestor', { role: 'ingestor' });
    opened = openEnergyContract(id);
    submit = ledgerSubmitter(opened.contract);
  }
  const ingestor = new IngestorService(options, settings, submit, opened);
  ingestor.watcher = await decommissionWatcher(options, opened, settings.log);
  await ingestor.start();
  return ingestor;
}
