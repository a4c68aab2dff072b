/**
 * The one way DECC comes into existence: DEC moves from `from` into the
 * reserve and DECC is minted to `to` at the posted rate (rounded down in the
 * reserve's favour). Minting for a holder and funding the reward pool both go
 * through here, so the reserve backing cannot differ between them.
 */
import { big } from '@dec/chaincode-kit/core';
import { SYS } from '../accounts';
import { currentRate, quoteMint } from '../exchange';
import type { TokenStore } from '../store';

export async function lockAndMint(
  store: TokenStore,
  op: string,
  movement: { from: string; to: string; decAmount: string; expectedRate?: string },
): Promise<{ dec: bigint; decc: bigint; rate: bigint }> {
  const rate = currentRate(await store.rate(), movement.expectedRate);
  const dec = big(movement.decAmount);
  const decc = quoteMint(dec, rate);
  await store.debit('DEC', movement.from, dec);
  await store.credit('DEC', SYS.reserve, dec, movement.from, op);
  await store.mint('DECC', movement.to, decc, op);
  return { dec, decc, rate };
}
