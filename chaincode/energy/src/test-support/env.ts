/** A transaction environment for pure-logic unit tests (what `@Tx` builds from the context). */
import type { EnergyEnv } from '../common/env';

/** `now` and `txId` of the transaction; `by` is the caller's certificate ID. */
export function envAt(now: string, txId = 'tx1', by = 'x'): EnergyEnv {
  return { txId, now, actor: { mspId: 'PlatformMSP', id: by, attribute: () => undefined } };
}
