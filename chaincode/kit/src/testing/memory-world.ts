/**
 * An in-memory world state for unit tests. Each transaction gets a MemoryStub
 * that reads committed state and buffers its writes; `commit` applies them,
 * a failed transaction is simply dropped, as on a real peer. Only the part of
 * the stub API our ledger layer uses is implemented.
 */
import { createHash } from 'node:crypto';

export interface StoredVersion {
  txId: string;
  timeMs: number;
  value: Uint8Array | null;
}

const SEP = '\u0000';

export function compositeKey(objectType: string, attributes: string[]): string {
  return SEP + objectType + SEP + attributes.map((a) => a + SEP).join('');
}

/** What `stub.invokeChaincode` answers (fabric-shim's ChaincodeResponse). */
export interface ChaincodeAnswer {
  status: number;
  message: string;
  payload: Uint8Array;
}

export class MemoryWorld {
  readonly state = new Map<string, Uint8Array>();
  readonly history = new Map<string, StoredVersion[]>();
  readonly privateState = new Map<string, Uint8Array>();
  readonly keyPolicies = new Map<string, Uint8Array>();
  /**
   * Other chaincodes a transaction may query (`stub.invokeChaincode`), by `<name>/<channel>`:
   * a test stands in the other channel's chaincode here, as a peer holding both channels would answer.
   */
  readonly linkedChaincodes = new Map<string, (args: string[]) => Promise<ChaincodeAnswer>>();

  commit(txId: string, timeMs: number, writes: Map<string, Uint8Array | null>, privateWrites: Map<string, Uint8Array>): void {
    for (const [key, value] of writes) {
      if (value === null) this.state.delete(key);
      else this.state.set(key, value);
      const versions = this.history.get(key) ?? [];
      versions.push({ txId, timeMs, value });
      this.history.set(key, versions);
    }
    for (const [key, value] of privateWrites) this.privateState.set(key, value);
  }

  sortedKeys(prefix: string): string[] {
    return [...this.state.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** Simple keys in [start, end) in order (an empty end: unbounded); composite keys (leading U+0000) are not in any. */
  rangeKeys(start: string, end: string): string[] {
    return [...this.state.keys()].filter((k) => !k.startsWith(SEP) && k >= start && (end === '' || k < end)).sort();
  }
}

export function privateKey(collection: string, key: string): string {
  return `${collection}${SEP}${key}`;
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}
