/**
 * The Caliper benchmark: each workload once closed-loop (fixed-load: a fixed
 * number of transactions outstanding, as the project's own load generator
 * runs) where it matters, and open-loop (fixed-rate: sent on schedule whatever
 * the network does, so queueing delay shows in the latency). The baseline,
 * `network:Beacon` (a blind single-key write), runs first in the same run.
 */
export interface RoundOptions {
  /** Seconds per round. */
  seconds: number;
  /** Transactions per second of the fixed-rate rounds, below saturation on 2 cores. */
  rate: number;
  /** Outstanding transactions of the fixed-load round. */
  load: number;
  workers: number;
}

interface Round {
  label: string;
  description: string;
  txDuration: number;
  rateControl: { type: 'fixed-load'; opts: { transactionLoad: number; startingTps: number } } | { type: 'fixed-rate'; opts: { tps: number } };
  workload: { module: string; arguments: Record<string, unknown> };
}

const fixedRate = (tps: number): Round['rateControl'] => ({ type: 'fixed-rate', opts: { tps } });

export function benchmarkConfig(o: RoundOptions, participantsFile: string): { test: { name: string; description: string; workers: { number: number }; rounds: Round[] } } {
  const args = { participantsFile };
  const round = (label: string, description: string, module: string, rateControl: Round['rateControl']): Round => ({
    label,
    description,
    txDuration: o.seconds,
    rateControl,
    workload: { module: `workloads/${module}.js`, arguments: args },
  });
  return {
    test: {
      name: 'dec-network',
      description: 'DEC Network on the running test network: baseline blind write, DEC transfers, market orders, a balance query',
      workers: { number: o.workers },
      rounds: [
        round('baseline-beacon-fixed-load', `network:Beacon, ${o.load} outstanding (closed loop)`, 'beacon', { type: 'fixed-load', opts: { transactionLoad: o.load, startingTps: o.rate } }),
        round('baseline-beacon-fixed-rate', `network:Beacon at ${o.rate} tx/s (open loop)`, 'beacon', fixedRate(o.rate)),
        round('token-transfer-fixed-rate', `token:Transfer of 1 unit to one merchant at ${o.rate} tx/s`, 'transfer', fixedRate(o.rate)),
        round('market-post-order-fixed-rate', `market:PostOrder (sell) into a far slot at ${o.rate} tx/s`, 'post-order', fixedRate(o.rate)),
        round('query-balance-fixed-rate', `token:Balance (evaluate) at ${o.rate * 4} tx/s`, 'balance', fixedRate(o.rate * 4)),
      ],
    },
  };
}
