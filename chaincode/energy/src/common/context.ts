/** Small glue between the kit's DecContext and the pure domain logic. */
import type { DecContext, DomainEvent } from '@dec/chaincode-kit';
import type { TxInfo } from './tx';

export function txInfo(ctx: DecContext): TxInfo {
  return { txId: ctx.ledger.txId, at: ctx.ledger.txTime, by: ctx.caller.id };
}

export function emitAll(ctx: DecContext, events: readonly DomainEvent[]): void {
  for (const e of events) ctx.emit(e.name, e.payload);
}
