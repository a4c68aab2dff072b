/**
 * Simulates one Fabric block: several transactions are endorsed against the
 * same committed state (as concurrent clients' transactions are), each with
 * its read set, range reads and write set recorded, and then validated in
 * block order the way a peer does: a transaction is invalid if a key it read,
 * or a key inside a range it read, was written by an earlier valid transaction
 * of the block (MVCC_READ_CONFLICT / PHANTOM_READ_CONFLICT). Valid writes are
 * committed to the world. Use it to show that hot-account designs really do
 * not conflict. Test-only: import from `@dec/chaincode-kit/testing`.
 */
import { fromBytes } from '../canonical-json';
import type { DecContract } from '../contract/dec-contract';
import { FakeClientIdentity, type TestCaller } from './fake-identity';
import { MemoryStub } from './memory-stub';
import { compositeKey, type MemoryWorld } from './memory-world';

class RecordingStub extends MemoryStub {
  readonly reads = new Set<string>();
  readonly ranges: string[] = [];

  override async getState(key: string) {
    this.reads.add(key);
    return super.getState(key);
  }

  override async getStateByPartialCompositeKey(objectType: string, attributes: string[]) {
    this.ranges.push(compositeKey(objectType, attributes));
    return super.getStateByPartialCompositeKey(objectType, attributes);
  }

  override async getStateByPartialCompositeKeyWithPagination(objectType: string, attributes: string[], pageSize: number, bookmark: string) {
    this.ranges.push(compositeKey(objectType, attributes));
    return super.getStateByPartialCompositeKeyWithPagination(objectType, attributes, pageSize, bookmark);
  }
}

export interface TxCall {
  contract: DecContract;
  method: string;
  caller: TestCaller;
  args?: string[];
}

export interface Endorsement {
  txId: string;
  /** Keys read with getState. */
  reads: string[];
  /** Prefixes of partial-composite-key range reads. */
  ranges: string[];
  /** Keys written or deleted. */
  writes: string[];
  result?: unknown;
  /** Set when the chaincode refused the proposal (nothing to commit). */
  error?: Error;
  events: { name: string; payload: unknown }[];
  writeSet: Map<string, Uint8Array | null>;
}

export type ValidationCode = 'VALID' | 'MVCC_READ_CONFLICT' | 'PHANTOM_READ_CONFLICT' | 'ENDORSEMENT_FAILURE';

export class BlockSimulator {
  private count = 0;

  constructor(
    readonly world: MemoryWorld,
    readonly prefix = 'blk',
  ) {}

  /** Endorses (executes) a transaction against committed state; commits nothing. */
  async endorse(call: TxCall, timeMs: number): Promise<Endorsement> {
    const txId = `${this.prefix}${(++this.count).toString().padStart(6, '0')}`;
    const args = call.args ?? [];
    const stub = new RecordingStub(this.world, txId, timeMs, call.method, args);
    const ctx = call.contract.createContext();
    ctx.stub = stub.asStub();
    ctx.clientIdentity = new FakeClientIdentity(call.caller);
    const fn = (call.contract as unknown as Record<string, unknown>)[call.method];
    if (typeof fn !== 'function') throw new Error(`${call.contract.getName()} has no transaction ${call.method}`);
    const base = { txId, reads: [...stub.reads], ranges: stub.ranges, writes: [] as string[], events: [], writeSet: new Map() };
    try {
      await call.contract.beforeTransaction(ctx);
      const raw: unknown = await fn.call(call.contract, ctx, ...args);
      await call.contract.afterTransaction(ctx, raw);
      return {
        txId,
        reads: [...stub.reads].sort(),
        ranges: [...stub.ranges].sort(),
        writes: [...stub.writes.keys()].sort(),
        result: typeof raw === 'string' && /^[[{"]/.test(raw) ? JSON.parse(raw) : raw,
        events: stub.events.map((e) => ({ name: e.name, payload: fromBytes(e.payload) })),
        writeSet: stub.writes,
      };
    } catch (error) {
      return { ...base, reads: [...stub.reads].sort(), error: error as Error };
    }
  }

  /** Validates endorsements in order, as one block, and commits the valid ones. */
  commitBlock(endorsements: Endorsement[], timeMs: number): ValidationCode[] {
    const written = new Set<string>();
    return endorsements.map((e) => {
      if (e.error) return 'ENDORSEMENT_FAILURE';
      if (e.reads.some((k) => written.has(k))) return 'MVCC_READ_CONFLICT';
      if (e.ranges.some((prefix) => [...written].some((k) => k.startsWith(prefix)))) return 'PHANTOM_READ_CONFLICT';
      for (const k of e.writes) written.add(k);
      this.world.commit(e.txId, timeMs, e.writeSet, new Map());
      return 'VALID';
    });
  }
}
