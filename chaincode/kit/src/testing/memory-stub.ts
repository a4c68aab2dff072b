/**
 * An in-memory ChaincodeStub over a MemoryWorld, for unit tests: the part of
 * the stub API the kit's ledger layer uses, with Fabric's read semantics.
 */
import type { ChaincodeStub, Iterators } from 'fabric-shim-api';
import { compositeKey, MemoryWorld, privateKey, sha256, type ChaincodeAnswer } from './memory-world';

interface KV {
  key: string;
  value: Uint8Array;
}

function iteratorOf(items: KV[]): Iterators.StateQueryIterator {
  let i = 0;
  return {
    next() {
      const item = items[i++];
      return Promise.resolve(item ? { done: false, value: { key: item.key, value: item.value, namespace: '' } } : { done: true, value: undefined });
    },
    close() {
      return Promise.resolve();
    },
  } as unknown as Iterators.StateQueryIterator;
}

/** The bookmark of the page starting at `index`: its first key, or '' past the end. */
function nextBookmark(all: KV[], index: number): string {
  return all[index]?.key ?? '';
}

/** One transaction's view of a MemoryWorld. Cast to ChaincodeStub for the contract. */
export class MemoryStub {
  readonly writes = new Map<string, Uint8Array | null>();
  readonly privateWrites = new Map<string, Uint8Array>();
  readonly events: { name: string; payload: Uint8Array }[] = [];

  constructor(
    private readonly world: MemoryWorld,
    private readonly txId: string,
    private readonly timeMs: number,
    private readonly fcn: string,
    private readonly args: string[],
    private readonly transientMap: Map<string, Uint8Array> = new Map(),
    private readonly channelId = 'test',
  ) {}

  asStub(): ChaincodeStub {
    return this as unknown as ChaincodeStub;
  }

  getTxID(): string {
    return this.txId;
  }
  getChannelID(): string {
    return this.channelId;
  }
  getDateTimestamp(): Date {
    return new Date(this.timeMs);
  }
  getTxTimestamp(): { seconds: number; nanos: number } {
    return { seconds: Math.floor(this.timeMs / 1000), nanos: (this.timeMs % 1000) * 1e6 };
  }
  getFunctionAndParameters(): { fcn: string; params: string[] } {
    return { fcn: this.fcn, params: this.args };
  }
  getArgs(): string[] {
    return [this.fcn, ...this.args];
  }
  getStringArgs(): string[] {
    return this.getArgs();
  }
  getTransient(): Map<string, Uint8Array> {
    return this.transientMap;
  }
  /** A chaincode-to-chaincode query, answered by what the test linked into the world (an unknown one fails as on a peer). */
  async invokeChaincode(name: string, args: string[], channel: string): Promise<ChaincodeAnswer> {
    const linked = this.world.linkedChaincodes.get(`${name}/${channel || this.channelId}`);
    if (!linked) throw new Error(`chaincode ${name} on channel ${channel} is not installed on this peer`);
    return linked(args);
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return compositeKey(objectType, attributes);
  }
  splitCompositeKey(key: string): { objectType: string; attributes: string[] } {
    const parts = key.split('\u0000');
    return { objectType: parts[1] ?? '', attributes: parts.slice(2, -1) };
  }

  /** Like Fabric: reads see committed state only, never this transaction's writes. */
  getState(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.world.state.get(key) ?? new Uint8Array());
  }
  putState(key: string, value: Uint8Array): Promise<void> {
    this.writes.set(key, value);
    return Promise.resolve();
  }
  deleteState(key: string): Promise<void> {
    this.writes.set(key, null);
    return Promise.resolve();
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): Promise<Iterators.StateQueryIterator> {
    return Promise.resolve(iteratorOf(this.scan(compositeKey(objectType, attributes))));
  }

  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark: string,
  ): Promise<{ iterator: Iterators.StateQueryIterator; metadata?: { fetchedRecordsCount: number; bookmark: string } }> {
    const all = this.scan(compositeKey(objectType, attributes));
    const start = bookmark ? all.findIndex((kv) => kv.key >= bookmark) : 0;
    const from = start < 0 ? all.length : start;
    const items = all.slice(from, from + pageSize);
    const next = nextBookmark(all, from + pageSize);
    // As from a real peer: an empty page with no next bookmark is QueryResponseMetadata{0, ''},
    // which protobuf encodes as zero bytes, and fabric-shim then returns no `metadata` at all.
    if (items.length === 0 && next === '') return Promise.resolve({ iterator: iteratorOf(items) });
    return Promise.resolve({ iterator: iteratorOf(items), metadata: { fetchedRecordsCount: items.length, bookmark: next } });
  }

  /** Simple-key range [start, end) (an empty end: unbounded), as fabric-shim's getStateByRange. */
  getStateByRange(start: string, end: string): Promise<Iterators.StateQueryIterator> {
    return Promise.resolve(iteratorOf(this.scanRange(start, end)));
  }

  getStateByRangeWithPagination(
    start: string,
    end: string,
    pageSize: number,
    bookmark: string,
  ): Promise<{ iterator: Iterators.StateQueryIterator; metadata?: { fetchedRecordsCount: number; bookmark: string } }> {
    const all = this.scanRange(bookmark || start, end);
    const items = all.slice(0, pageSize);
    const next = nextBookmark(all, pageSize);
    if (items.length === 0 && next === '') return Promise.resolve({ iterator: iteratorOf(items) });
    return Promise.resolve({ iterator: iteratorOf(items), metadata: { fetchedRecordsCount: items.length, bookmark: next } });
  }

  getHistoryForKey(key: string): Promise<Iterators.HistoryQueryIterator> {
    const versions = [...(this.world.history.get(key) ?? [])].reverse();
    let i = 0;
    return Promise.resolve({
      next() {
        const v = versions[i++];
        if (!v) return Promise.resolve({ done: true, value: undefined });
        return Promise.resolve({
          done: false,
          value: {
            txId: v.txId,
            isDelete: v.value === null,
            value: v.value ?? new Uint8Array(),
            timestamp: { seconds: Math.floor(v.timeMs / 1000), nanos: (v.timeMs % 1000) * 1e6 },
          },
        });
      },
      close() {
      return Promise.resolve();
    },
    } as unknown as Iterators.HistoryQueryIterator);
  }

  getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    return Promise.resolve(this.world.privateState.get(privateKey(collection, key)) ?? new Uint8Array());
  }
  putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    this.privateWrites.set(privateKey(collection, key), value);
    return Promise.resolve();
  }
  getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    const value = this.world.privateState.get(privateKey(collection, key));
    return Promise.resolve(value ? sha256(value) : new Uint8Array());
  }

  setStateValidationParameter(key: string, policy: Uint8Array): Promise<void> {
    this.world.keyPolicies.set(key, policy);
    return Promise.resolve();
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.events.length = 0; // Fabric keeps only the last event of a transaction
    this.events.push({ name, payload });
  }

  private scanRange(start: string, end: string): KV[] {
    return this.world.rangeKeys(start, end).map((key) => ({ key, value: this.world.state.get(key) as Uint8Array }));
  }

  private scan(prefix: string): KV[] {
    return this.world.sortedKeys(prefix).map((key) => ({ key, value: this.world.state.get(key) as Uint8Array }));
  }
}
