/**
 * Open-loop load: transactions are sent on a fixed schedule (`rate` per
 * second) whatever the network does, and each latency counts from the time
 * the transaction was due, not from when it was sent. A closed loop waits for
 * each answer before sending the next, so a slow network slows the offered
 * load with it and its queueing delay never shows (coordinated omission);
 * below saturation the two agree, near it only this one tells the truth.
 */
import { Tally, type LoadResult, type TxOutcome } from './load';

const nowNs = (): bigint => process.hrtime.bigint();
const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `total` transactions at `rate` per second; `submit(seq)` picks its own caller. The row's `concurrency` column is the rate. */
export async function runOpenLoad(name: string, rate: number, total: number, submit: (seq: number) => Promise<TxOutcome>): Promise<LoadResult> {
  const tally = new Tally();
  const started = nowNs();
  const inFlight: Promise<void>[] = [];
  for (let seq = 0; seq < total; seq++) {
    const due = started + BigInt(Math.round((seq * 1e9) / rate));
    await sleepMs(Number(due - nowNs()) / 1e6);
    inFlight.push(tally.run(due, () => submit(seq)));
  }
  await Promise.all(inFlight);
  return tally.result(`${name} (open loop, ${rate}/s)`, rate, total, Number(nowNs() - started) / 1e9);
}
