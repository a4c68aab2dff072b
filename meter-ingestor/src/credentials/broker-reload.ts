/**
 * SIGHUP to the project's broker, found by the PID its run folder records
 * (test-network/src/broker writes <folder>/mosquitto.pid): Mosquitto then
 * reads its CRL and ACL again. For the CLIs, which run beside the broker
 * without depending on the package that starts it.
 */
import { REPO_ROOT } from '@dec/network';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The broker's run folder unless told otherwise: <run dir>/mosquitto. */
export function defaultBrokerDir(): string {
  return path.join(process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, '.run'), 'mosquitto');
}

/** True if a broker ran from `brokerDir` and got the signal. */
export function reloadBrokerAt(brokerDir = defaultBrokerDir()): boolean {
  const file = path.join(brokerDir, 'mosquitto.pid');
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 'SIGHUP');
    return true;
  } catch {
    return false;
  }
}
