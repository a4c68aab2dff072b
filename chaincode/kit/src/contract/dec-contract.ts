/**
 * Base class of every DEC contract: supplies DecContext and emits the
 * transaction's events. Fabric keeps only one chaincode event per transaction,
 * so one change is emitted under its own name and several under the name
 * `Batch` with payload `{ events: [{ name, payload }, ...] }`. Results are
 * returned by `@Tx` as canonical JSON, so every endorser's response is byte-identical.
 */
import { Contract } from 'fabric-contract-api';
import { DecContext } from './dec-context';

export const BATCH_EVENT = 'Batch';

export abstract class DecContract extends Contract {
  override createContext(): DecContext {
    return new DecContext();
  }

  override afterTransaction(ctx: DecContext, _result: unknown): Promise<void> {
    const [first, ...rest] = ctx.events;
    if (first && rest.length === 0) ctx.ledger.setEvent(first.name, first.payload);
    else if (first) ctx.ledger.setEvent(BATCH_EVENT, { events: ctx.events });
    return Promise.resolve();
  }

  override unknownTransaction(ctx: DecContext): Promise<void> {
    const { fcn } = ctx.stub.getFunctionAndParameters();
    return Promise.reject(new Error(`NOT_FOUND: transaction ${fcn} does not exist in contract ${this.getName()}`));
  }
}
