/**
 * The per-transaction context every DEC contract receives. It exists once per
 * transaction, so it is the only place per-transaction state (the ledger's
 * write cache, the pending events) may live: contracts themselves hold none.
 */
import { Context } from 'fabric-contract-api';
import { Caller } from '../identity/caller';
import { Ledger } from '../ledger/ledger';
import { ledgerStub } from './shim-stub';

export interface DomainEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** A pure state transition: the new state and the events that describe it. */
export interface Change<T> {
  state: T;
  events: DomainEvent[];
}

export class DecContext extends Context {
  private ledgerInstance: Ledger | undefined;
  private callerInstance: Caller | undefined;
  readonly events: DomainEvent[] = [];

  get ledger(): Ledger {
    this.ledgerInstance ??= new Ledger(ledgerStub(this.stub));
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

  /** Record the events a pure state transition produced, in order. */
  emitAll(events: readonly DomainEvent[]): void {
    for (const e of events) this.emit(e.name, e.payload);
  }
}
