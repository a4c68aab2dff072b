/**
 * Base class of every DEC contract: supplies DecContext and emits the
 * transaction's events. Fabric keeps only one chaincode event per transaction,
 * so one change is emitted under its own name and several under the name
 * `Batch` with payload `{ events: [{ name, payload }, ...] }`.
 */
import { Contract } from 'fabric-contract-api';
import { canonicalJson } from '../canonical-json';
import { DecContext } from './dec-context';

export const BATCH_EVENT = 'Batch';

export abstract class DecContract extends Contract {
  override createContext(): DecContext {
    return new DecContext();
  }

  override async afterTransaction(ctx: DecContext, _result: unknown): Promise<void> {
    const [first, ...rest] = ctx.events;
    if (!first) return;
    if (rest.length === 0) ctx.ledger.setEvent(first.name, first.payload);
    else ctx.ledger.setEvent(BATCH_EVENT, { events: ctx.events });
  }

  override async unknownTransaction(ctx: DecContext): Promise<void> {
    const { fcn } = ctx.stub.getFunctionAndParameters();
    throw new Error(`NOT_FOUND: transaction ${fcn} does not exist in contract ${this.getName()}`);
  }
}

/** Results are returned as canonical JSON strings so every endorser's response is byte-identical. */
export function result(value: unknown): string {
  return canonicalJson(value);
}
