/**
 * What pure domain logic needs to know about the transaction it runs in. The
 * contract builds it from the context; tests build it by hand.
 */
import type { DomainEvent } from '@dec/chaincode-kit';

export interface TxInfo {
  txId: string;
  /** Transaction timestamp, ISO-8601 (ctx.ledger.txTime). */
  at: string;
  /** Who submitted it: the caller's certificate ID. */
  by: string;
}

/** A pure state transition: the new state and the events that describe it. */
export interface Change<T> {
  state: T;
  events: DomainEvent[];
}
