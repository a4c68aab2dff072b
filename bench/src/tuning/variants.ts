/**
 * The Fabric settings `npm run bench:tuning` compares (issue 14 item 5). Each
 * variant changes one thing against the defaults, so its row reads against the
 * default row of the same run; the last rows combine what helped. Block cutting
 * is channel configuration (the topology's orderer section, written into the
 * genesis blocks); the rest is process environment, which every Fabric process
 * the test network starts inherits (test-network/src/processes.ts).
 */
import { readFileSync } from 'node:fs';

export interface TuningVariant {
  name: string;
  /** Block cutting, as the topology's `orderer` section spells it. */
  orderer?: { batchTimeout?: string; maxMessageCount?: number };
  /** Environment of the network's processes (peers, orderers, chaincode servers, CAs). */
  env?: Record<string, string>;
}

const quiet = { DEC_PEER_LOGGING: 'WARNING', DEC_ORDERER_LOGGING: 'WARNING', DEC_CHAINCODE_LOGGING: 'warning' };

export const VARIANTS: TuningVariant[] = [
  { name: 'defaults (topology.yaml, sampleconfig)' },
  { name: 'batchTimeout 100ms', orderer: { batchTimeout: '100ms' } },
  { name: 'batchTimeout 1s', orderer: { batchTimeout: '1s' } },
  { name: 'maxMessageCount 10', orderer: { maxMessageCount: 10 } },
  { name: 'maxMessageCount 25', orderer: { maxMessageCount: 25 } },
  { name: 'log level WARNING (peers, orderers, chaincode)', env: quiet },
  { name: 'GOGC=400 (Go GC of peers and orderers)', env: { GOGC: '400' } },
  { name: 'peer validatorPoolSize 1', env: { CORE_PEER_VALIDATORPOOLSIZE: '1' } },
  { name: 'peer gateway concurrency limit 50', env: { CORE_PEER_LIMITS_CONCURRENCY_GATEWAYSERVICE: '50' } },
  { name: 'no Prometheus metrics', env: { CORE_METRICS_PROVIDER: 'disabled', ORDERER_METRICS_PROVIDER: 'disabled' } },
];

/** Only the named variants (BENCH_TUNING=name,name by substring), or all. */
export function selectVariants(filter: string | undefined, all: TuningVariant[] = VARIANTS): TuningVariant[] {
  if (!filter) return all;
  const wanted = filter.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  return all.filter((v, i) => i === 0 || wanted.some((w) => v.name.toLowerCase().includes(w)));
}

/** The topology file's text with the variant's block cutting; fails if a setting is not found, so a renamed field cannot pass silently. */
export function topologyVariant(text: string, v: TuningVariant): string {
  let out = text;
  const set = (field: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    const re = new RegExp(`^(\\s*${field}:\\s*)\\S+`, 'm');
    if (!re.test(out)) throw new Error(`the topology has no orderer ${field} to change`);
    out = out.replace(re, `$1${String(value)}`);
  };
  set('batchTimeout', v.orderer?.batchTimeout);
  set('maxMessageCount', v.orderer?.maxMessageCount);
  return out;
}

export function readTopologyVariant(file: string, v: TuningVariant): string {
  return topologyVariant(readFileSync(file, 'utf8'), v);
}
