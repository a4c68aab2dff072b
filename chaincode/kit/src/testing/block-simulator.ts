/**
 * Simulates Fabric blocks: transactions are endorsed against the committed
 * state (as concurrent clients' transactions are), each with its read set
 * (with the version of every key read), range reads and write set recorded,
 * and then validated in block order the way a peer does: a transaction is
 * invalid if a key it read is no longer at the version it read, or a range it
 * read no longer holds the same keys at the same versions — whether an earlier
 * transaction of the same block or any block committed since its endorsement
 * changed it (MVCC_READ_CONFLICT / PHANTOM_READ_CONFLICT). So an endorsement
 * can be held and committed blocks later, as an attacker does. Valid writes
 * are committed to the world. Use it to show that hot-account designs really do
 * not conflict. Test-only: import from `@dec/chaincode-kit/testing`.
 */
import { fromBytes } from '../canonical-json';
import type { DecContract } from '../contract/dec-contract';
import { FakeClientIdentity, type TestCaller } from './fake-identity';
import { MemoryStub } from './memory-stub';
import { compositeKey, type MemoryWorld } from './memory-world';

/** The version of a key: the ID of the transaction that last wrote it, or null when absent. */
function versionOf(world: MemoryWorld, key: string): string | null {
  if (!world.state.has(key)) return null;
  const versions = world.history.get(key) ?? [];
  return versions[versions.length - 1]?.txId ?? null;
}

/** What a range read saw: each key under the prefix with its version. */
function rangeSnapshot(world: MemoryWorld, prefix: string): string {
  return keysWithVersions(world, world.sortedKeys(prefix));
}

function keysWithVersions(world: MemoryWorld, keys: string[]): string {
  return keys.map((k) => `${k}@${versionOf(world, k) ?? ''}`).join('|');
}

/**
 * How many keys a peer reads for a chaincode that consumed `consumed` of a range:
 * the peer answers in batches of 100 and reads one key ahead to know whether
 * more follow (core/chaincode/query_response.go, maxResultLimit 100).
 */
function peerReadCount(consumed: number): number {
  return Math.ceil(Math.max(consumed, 1) / 100) * 100 + 1;
}

/**
 * The keys a peer re-checks at commit for a simple-key range read: the whole
 * [start, end) when its iterator reached the end, else [start, last key it read]
 * (rwset RangeQueryInfo: EndKey is the last key read unless ItrExhausted).
 */
function orderedRangeCheck(start: string, end: string, consumed: number, world: MemoryWorld): (now: MemoryWorld) => string {
  const keys = world.rangeKeys(start, end);
  const count = peerReadCount(consumed);
  if (keys.length < count) return (now) => keysWithVersions(now, now.rangeKeys(start, end));
  const last = keys[count - 1] ?? '';
  return (now) => keysWithVersions(now, now.rangeKeys(start, end).filter((k) => k <= last));
}

/** A range read of one transaction: what it saw, and how to see it again at commit. */
export interface RangeCheck {
  start: string;
  end: string;
  /** Entries the chaincode took from the iterator. */
  entries: number;
  /** Keys the peer re-checks at commit (what it read, with its read-ahead). */
  checked: number;
  seen: string;
  recheck: (now: MemoryWorld) => string;
}

class RecordingStub extends MemoryStub {
  readonly reads = new Set<string>();
  readonly ranges: string[] = [];
  readonly readVersions = new Map<string, string | null>();
  readonly rangeSnapshots = new Map<string, string>();
  /** Simple-key range reads: what each consumed, resolved to a RangeCheck when endorsement ends. */
  readonly orderedReads: { start: string; end: string; consumed: number }[] = [];

  constructor(private readonly recorded: MemoryWorld, ...rest: ConstructorParameters<typeof MemoryStub> extends [MemoryWorld, ...infer R] ? R : never) {
    super(recorded, ...rest);
  }

  override async getState(key: string) {
    this.reads.add(key);
    if (!this.readVersions.has(key)) this.readVersions.set(key, versionOf(this.recorded, key));
    return super.getState(key);
  }

  override async getStateByPartialCompositeKey(objectType: string, attributes: string[]) {
    this.range(compositeKey(objectType, attributes));
    return super.getStateByPartialCompositeKey(objectType, attributes);
  }

  override async getStateByPartialCompositeKeyWithPagination(objectType: string, attributes: string[], pageSize: number, bookmark: string) {
    this.range(compositeKey(objectType, attributes));
    return super.getStateByPartialCompositeKeyWithPagination(objectType, attributes, pageSize, bookmark);
  }

  override async getStateByRange(start: string, end: string) {
    const read = { start, end, consumed: 0 };
    this.orderedReads.push(read);
    this.ranges.push(start);
    const inner = await super.getStateByRange(start, end);
    return {
      async next() {
        const r = await inner.next();
        if (!r.done) read.consumed++;
        return r;
      },
      close: () => inner.close(),
    } as typeof inner;
  }

  /** The commit-time checks of this transaction's simple-key range reads. */
  orderedChecks(): RangeCheck[] {
    return this.orderedReads.map((r) => {
      const recheck = orderedRangeCheck(r.start, r.end, r.consumed, this.recorded);
      const seen = recheck(this.recorded);
      return { start: r.start, end: r.end, entries: r.consumed, checked: seen === '' ? 0 : seen.split('|').length, seen, recheck };
    });
  }

  private range(prefix: string): void {
    this.ranges.push(prefix);
    if (!this.rangeSnapshots.has(prefix)) this.rangeSnapshots.set(prefix, rangeSnapshot(this.recorded, prefix));
  }
}

export interface TxCall {
  contract: DecContract;
  method: string;
  caller: TestCaller;
  args?: string[];
  /** The proposal's transient map (each value JSON-encoded, as the harness does). */
  transient?: Record<string, unknown>;
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
  /** The version of each key read at endorsement (null: absent). */
  readVersions: Map<string, string | null>;
  /** What each range read saw at endorsement. */
  rangeSnapshots: Map<string, string>;
  /** Simple-key range reads (Ledger.readRange), as the peer re-checks them. */
  rangeChecks: RangeCheck[];
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
    const transient = new Map(Object.entries(call.transient ?? {}).map(([k, v]) => [k, Buffer.from(JSON.stringify(v))]));
    const stub = new RecordingStub(this.world, txId, timeMs, call.method, args, transient);
    const recorded = { readVersions: stub.readVersions, rangeSnapshots: stub.rangeSnapshots, rangeChecks: [] as RangeCheck[] };
    const ctx = call.contract.createContext();
    ctx.stub = stub.asStub();
    ctx.clientIdentity = new FakeClientIdentity(call.caller);
    const fn = (call.contract as unknown as Record<string, unknown>)[call.method];
    if (typeof fn !== 'function') throw new Error(`${call.contract.getName()} has no transaction ${call.method}`);
    const base = { txId, reads: [...stub.reads], ranges: stub.ranges, writes: [] as string[], events: [], writeSet: new Map(), ...recorded };
    try {
      await call.contract.beforeTransaction(ctx);
      const raw: unknown = await fn.call(call.contract, ctx, ...args);
      await call.contract.afterTransaction(ctx, raw);
      recorded.rangeChecks = stub.orderedChecks();
      return {
        txId,
        reads: [...stub.reads].sort(),
        ranges: [...stub.ranges].sort(),
        writes: [...stub.writes.keys()].sort(),
        result: typeof raw === 'string' && /^[[{"]/.test(raw) ? JSON.parse(raw) : raw,
        events: stub.events.map((e) => ({ name: e.name, payload: fromBytes(e.payload) })),
        writeSet: stub.writes,
        ...recorded,
      };
    } catch (error) {
      return { ...base, reads: [...stub.reads].sort(), error: error as Error };
    }
  }

  /**
   * Validates endorsements in order, as one block, and commits the valid ones.
   * Each is checked against the state as committed so far (earlier blocks and
   * the earlier valid transactions of this one), as a peer's validator does.
   */
  commitBlock(endorsements: Endorsement[], timeMs: number): ValidationCode[] {
    return endorsements.map((e) => {
      if (e.error) return 'ENDORSEMENT_FAILURE';
      if ([...e.readVersions].some(([k, v]) => versionOf(this.world, k) !== v)) return 'MVCC_READ_CONFLICT';
      if ([...e.rangeSnapshots].some(([prefix, seen]) => rangeSnapshot(this.world, prefix) !== seen)) return 'PHANTOM_READ_CONFLICT';
      if (e.rangeChecks.some((r) => r.recheck(this.world) !== r.seen)) return 'PHANTOM_READ_CONFLICT';
      this.world.commit(e.txId, timeMs, e.writeSet, new Map());
      return 'VALID';
    });
  }
}
