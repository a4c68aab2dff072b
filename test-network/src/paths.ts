/**
 * Where things live. The run folder (git-ignored) holds everything a running
 * network writes: `.run`, or the topology's `runDir` (the multi-host network's
 * `.run-hosts`, so it never shares state with the single-host one), or DEC_RUN_DIR.
 */
import path from 'node:path';
import { loadTopology, REPO_ROOT } from '@dec/network';

export { REPO_ROOT };

function topologyRunDir(): string {
  const file = process.env.DEC_TOPOLOGY;
  return (file === undefined ? undefined : loadTopology(file).runDir) ?? '.run';
}

export const RUN_DIR = path.resolve(process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, topologyRunDir()));
export const FABRIC_DIR = path.join(REPO_ROOT, '.fabric');
export const FABRIC_BIN = path.join(FABRIC_DIR, 'bin');
/** core.yaml and orderer.yaml copied from the pinned Fabric module's sampleconfig. */
export const FABRIC_CONFIG = path.join(FABRIC_DIR, 'config');
export const BUILDER_DIR = path.join(REPO_ROOT, 'test-network', 'builders', 'ccaas');
export const BUILD_SCRIPT = path.join(REPO_ROOT, 'test-network', 'scripts', 'build-fabric.sh');

export const runPath = (...parts: string[]): string => path.join(RUN_DIR, ...parts);
export const LOG_DIR = runPath('logs');
export const PID_DIR = runPath('pids');
export const STATE_FILE = runPath('state.json');

export function bin(name: string): string {
  return path.join(FABRIC_BIN, name);
}
