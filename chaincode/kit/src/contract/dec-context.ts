/**
 * The per-transaction context every DEC contract receives. It exists once per
 * transaction, so it is the only place per-transaction state (the ledger's
 * write cache, the pending events) may live: contracts themselves hold none.
 */
import { Context } from 'fabric-contract-api';
import { Caller } from '../identity/caller';
import { Ledger } from '../ledger/ledger';

export interface DomainEvent {
  name: string;
  payload: unknown;
}

export class DecContext extends Context {
  private ledgerInstance: Ledger | undefined;
  private callerInstance: Caller | undefined;
  readonly events: DomainEvent[] = [];

  get ledger(): Ledger {
    this.ledgerInstance ??= new Ledger(this.stub);
    return this.ledgerInstance;
  }

  get caller(): Caller {
    this.callerInstance ??= new Caller(this.clientIdentity);
    return this.callerInstance;
  }

  /** Record a state change; all of a transaction's events are emitted together at its end. */
  emit(name: string, payload: unknown): void {
    this.events.push({ name, payload });
  }
}
