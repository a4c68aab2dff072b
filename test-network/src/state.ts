/** What `up` has done, so a second `up` resumes instead of redoing, and `deploy` knows the last sequence. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DeployedChaincode } from './steps/chaincode';
import { STATE_FILE } from './paths';

export interface NetworkState {
  topologyFile: string;
  createdAt: string;
  channelsJoined: boolean;
  chaincodes: Record<string, DeployedChaincode>;
  /** Package ID each running chaincode server was started with. */
  servers: Record<string, string>;
}

export function readState(): NetworkState | undefined {
  return existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as NetworkState) : undefined;
}

export function writeState(state: NetworkState): void {
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}
