/**
 * One source per transaction. A chaincode describes each of its transactions
 * once, in a map keyed by the wire name `contract:Transaction`: submit or
 * evaluate, the zod schema of its input, its transient fields, a summary and
 * who may call it. The contract registers from the map (`@Tx`), the gateway
 * builds its routes and OpenAPI document from it, and the README table is
 * generated from it. Nothing here touches Fabric, so a client may import a
 * chaincode's map without loading the chaincode runtime.
 */
import type { z } from 'zod';
import type { CallerView } from '../identity/caller';

export type TxKind = 'submit' | 'evaluate';

/** A private input read from the proposal's transient map (never recorded on the ledger). */
export interface TransientField {
  readonly schema: z.ZodType;
  readonly required: boolean;
}

export interface TxSpec<G> {
  readonly kind: TxKind;
  /** Schema of the input; absent when the transaction takes no argument. */
  readonly input?: z.ZodType;
  /**
   * Input fields passed as separate string arguments, in this order, instead
   * of one JSON argument (the input schema then validates `{ field: arg }`).
   */
  readonly positional?: readonly string[];
  readonly transient?: Readonly<Record<string, TransientField>>;
  readonly summary: string;
  /** Who may call it: checked against the caller's certificate before the input is parsed. */
  readonly grants: G;
  /** The object-level rule the operation checks once state is read ("only the holder"), if any. */
  readonly rule?: string;
  /**
   * The input field naming the account this transaction debits. Debits of one
   * account read and write the same balance key, so concurrent ones conflict
   * (MVCC) at commit; a client submits those of one lane one after another,
   * and each then sees the balance the previous one left (`lane` is a hint for
   * clients: the chaincode's checks do not depend on it).
   */
  readonly lane?: string;
}

/** A chaincode's access table: how its grants are checked and described. */
export interface AccessTable<G, A> {
  /** Throws AccessDeniedError unless the caller holds one of `grants`; returns who is acting. */
  authorize(caller: CallerView, tx: string, grants: G): A;
  /** The grants in words, for the README. */
  describe(grants: G): string;
}

export interface TransactionMap<G, A, T extends Readonly<Record<string, TxSpec<G>>> = Readonly<Record<string, TxSpec<G>>>> {
  /** Name of the input argument: the root of field names in validation errors (`request.amount`). */
  readonly argument: string;
  readonly access: AccessTable<G, A>;
  readonly transactions: T;
}

/** What a transaction's body receives besides its input: its ID, time and actor. Pure logic sees this and nothing else. */
export interface TxEnv<A> {
  readonly txId: string;
  /** ISO-8601 transaction timestamp (the proposal's, identical on every endorser). */
  readonly now: string;
  readonly actor: A;
}

/** The input type a transaction's body receives: the parsed schema output, or undefined without input. */
export type InputOf<S> = S extends { readonly input: infer I extends z.ZodType } ? z.output<I> : undefined;

/** Keeps the literal transaction names and schemas of a map, so `@Tx` can type each body. */
export function defineTransactions<G, A, const T extends Readonly<Record<string, TxSpec<G>>>>(map: TransactionMap<G, A, T>): TransactionMap<G, A, T> {
  return map;
}

/** `leasing:Apply` -> `{ contract: 'leasing', fn: 'Apply' }`. */
export function splitTxName(name: string): { contract: string; fn: string } {
  const [contract, fn, extra] = name.split(':');
  if (contract === undefined || contract === '' || fn === undefined || fn === '' || extra !== undefined) {
    throw new Error(`transaction name ${name} must be contract:Transaction`);
  }
  return { contract, fn };
}
