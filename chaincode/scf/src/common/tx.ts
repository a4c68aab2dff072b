/** Glue shared by the thin contracts: authorise first, then build the environment pure logic sees. */
import type { DecContext } from '@dec/chaincode-kit';
import { authorize, type Actor, type TxName } from '../access/policy';
import type { TxEnv } from './env';

export function begin(ctx: DecContext, tx: TxName): TxEnv & { actor: Actor } {
  const actor = authorize(ctx, tx);
  return { actor, now: ctx.ledger.txTime, txId: ctx.ledger.txId };
}
