/**
 * Answers readings: publishes each verdict on its meter's verdict topic, then
 * acknowledges the readings to the broker. The order matters: a reading is
 * acknowledged only after its verdict went out, so if the connection drops in
 * between, the broker delivers the reading again and it gets a new verdict
 * (the ledger answers `duplicate`).
 */
import type { Verdict } from './protocol';
import { verdictsTopic } from './protocol';

/** Where verdicts go: the ingestor's current connection, if any. */
export interface VerdictSink {
  publish(topic: string, payload: string): Promise<void>;
}

/** Something the broker delivered and waits to hear back about. */
export interface Acknowledgeable {
  ack(): void;
}

export class VerdictPublisher {
  constructor(private readonly sink: () => VerdictSink | undefined) {}

  /** Publishes one verdict (QoS 1); a connection gone meanwhile is not an error (the reading was not acknowledged either). */
  async publish(v: Verdict): Promise<void> {
    try {
      await this.sink()?.publish(verdictsTopic(v.meter), JSON.stringify(v));
    } catch {
      // The connection went away: the reading comes back on the next one and gets a new verdict.
    }
  }

  /** Publishes every verdict, then acknowledges every delivery (each on the connection that delivered it). */
  async answer(verdicts: readonly Verdict[], deliveries: readonly Acknowledgeable[]): Promise<void> {
    await Promise.all(verdicts.map((v) => this.publish(v)));
    for (const d of deliveries) d.ack();
  }
}
