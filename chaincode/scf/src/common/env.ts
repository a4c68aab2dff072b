/** What pure domain logic may know about the transaction: its time, ID and actor. Nothing else. */
import type { Actor } from '../access/policy';

export interface TxEnv {
  /** ISO-8601 transaction timestamp (ctx.ledger.txTime). */
  now: string;
  txId: string;
  actor: Actor;
}
