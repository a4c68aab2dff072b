/**
 * Runs the value-moving part of a token transaction with one TokenStore, then
 * finishes it: conservation check, supply record, history entries. Access
 * checks happen before this is called.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { TokenStore } from '../store';

export async function tokenTx<T>(ctx: DecContext, op: string, fn: (store: TokenStore) => Promise<T>): Promise<T> {
  const store = new TokenStore(ctx.ledger);
  const out = await fn(store);
  await store.finish(op);
  return out;
}
