/**
 * Runs contract transactions against a MemoryWorld the way a peer would: one
 * fresh context per transaction, before/after hooks, writes committed only when
 * the transaction succeeds. Time advances only when the test says so.
 */
import { fromBytes } from '../canonical-json';
import type { DecContract } from '../contract/dec-contract';
import { FakeClientIdentity, type TestCaller } from './fake-identity';
import { MemoryStub } from './memory-stub';
import { MemoryWorld } from './memory-world';

export interface TxOutcome {
  txId: string;
  result: unknown;
  events: { name: string; payload: unknown }[];
}

export class TestHarness {
  readonly world = new MemoryWorld();
  private txCount = 0;
  nowMs: number;

  constructor(startTime = '2026-01-01T00:00:00.000Z') {
    this.nowMs = Date.parse(startTime);
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /**
   * Call `contract[method](ctx, ...args)` as `caller`. A string result that is
   * JSON is parsed for convenience. Throws what the transaction throws, and then
   * nothing is committed.
   */
  async invoke(
    contract: DecContract,
    method: string,
    caller: TestCaller,
    args: string[] = [],
    transient: Record<string, unknown> = {},
  ): Promise<TxOutcome> {
    const txId = `tx${(++this.txCount).toString().padStart(6, '0')}`;
    const transientMap = new Map(Object.entries(transient).map(([k, v]) => [k, Buffer.from(JSON.stringify(v))]));
    const stub = new MemoryStub(this.world, txId, this.nowMs, method, args, transientMap);
    const ctx = contract.createContext();
    ctx.stub = stub.asStub();
    ctx.clientIdentity = new FakeClientIdentity(caller);
    const fn = (contract as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new Error(`${contract.getName()} has no transaction ${method}`);
    await contract.beforeTransaction(ctx);
    const raw: unknown = await fn.call(contract, ctx, ...args);
    await contract.afterTransaction(ctx, raw);
    this.world.commit(txId, this.nowMs, stub.writes, stub.privateWrites);
    return {
      txId,
      result: typeof raw === 'string' && /^[[{"]/.test(raw) ? JSON.parse(raw) : raw,
      events: stub.events.map((e) => ({ name: e.name, payload: fromBytes(e.payload) })),
    };
  }
}
