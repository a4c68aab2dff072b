/** A domain event produced by pure logic; contracts pass these to ctx.emit. */
import type { DecContext } from '@dec/chaincode-kit';

export interface ScfEvent {
  name: string;
  payload: Record<string, unknown>;
}

export function emitAll(ctx: DecContext, events: ScfEvent[]): void {
  for (const e of events) ctx.emit(e.name, e.payload);
}
