/**
 * The collection relay: follows the `energy` chaincode's events from its
 * checkpoint and, for each revenue assignment that paid out, submits
 * `collection:Sync` on `scf` with the assignment's cumulative `paid`. The scf
 * chaincode checks that figure against the energy ledger and records only what
 * was not recorded before, so the relay needs no trust: a replay after a crash
 * is answered "already recorded", a claim the energy ledger does not show is
 * refused. Whoever runs it (lessor or bank) can delay income, never invent it.
 * It also carries each `CreditFact` to `credit:CountEnergyFact` (credit-events.ts):
 * scf reads the fact on the energy ledger and counts it once.
 */
import { submitValidTransaction, type ChaincodeEvent, type CloseableAsyncIterable, type Contract, type Network } from '@dec/fabric-client';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { factClaims, factOutcomeOf, type FactClaim, type FactOutcome } from './credit-events';
import { incomeClaims, latestPerAssignment, type IncomeClaim } from './income-events';

export interface CollectionRelayOptions {
  /** The `energy` channel, as the relay's identity sees it. */
  energy: Network;
  /** The `scf` chaincode on channel `scf`. */
  scf: Contract;
  checkpointFile: string;
  /** Pause before trying a claim again whose income the endorsing peers have not yet seen. Default 1000 ms. */
  retryDelayMs?: number;
  /** Tries per claim before it is left to the assignment's next payout. Default 30. */
  maxAttempts?: number;
  log?: (line: string) => void;
}

export interface CollectionRelay {
  close(): void;
  /** Resolves when the event stream ends (closed, or failed: then with the error logged). */
  readonly done: Promise<void>;
}

export type ClaimOutcome = 'recorded' | 'already recorded' | 'not linked' | 'retry';

/** The chaincode's message(s) of a failed submit. */
function errorText(e: unknown): string {
  const details = (e as { details?: { message: string }[] }).details ?? [];
  return [e instanceof Error ? e.message : String(e), ...details.map((d) => d.message)].join(' | ');
}

/** What a refused Sync means for the relay. */
export function outcomeOf(text: string): ClaimOutcome {
  if (text.includes('already recorded')) return 'already recorded';
  if (text.includes('NOT_FOUND: lease linked to energy assignment')) return 'not linked';
  return 'retry';
}

async function submitClaim(o: CollectionRelayOptions, claim: IncomeClaim): Promise<ClaimOutcome> {
  try {
    await submitValidTransaction(o.scf, 'collection:Sync', { arguments: [JSON.stringify(claim)] });
    return 'recorded';
  } catch (e) {
    const text = errorText(e);
    const outcome = outcomeOf(text);
    if (outcome === 'retry') (o.log ?? (() => undefined))(`sync ${claim.assignmentId} up to ${claim.paid} not yet recorded: ${text}`);
    return outcome;
  }
}

/** Submits one claim until it is recorded or found done; gives up after maxAttempts (the next payout carries it). */
export async function relayClaim(o: CollectionRelayOptions, claim: IncomeClaim): Promise<ClaimOutcome> {
  const attempts = o.maxAttempts ?? 30;
  for (let i = 1; ; i++) {
    const outcome = await submitClaim(o, claim);
    if (outcome !== 'retry' || i >= attempts) return outcome;
    await new Promise((resolve) => setTimeout(resolve, o.retryDelayMs ?? 1000));
  }
}

async function submitFact(o: CollectionRelayOptions, claim: FactClaim): Promise<FactOutcome> {
  try {
    await submitValidTransaction(o.scf, 'credit:CountEnergyFact', { arguments: [JSON.stringify(claim)] });
    return 'counted';
  } catch (e) {
    return factOutcomeOf(errorText(e));
  }
}

/** Asks scf to count one energy credit fact until it is counted or found done (its endorsers may lag on energy). */
export async function relayFact(o: CollectionRelayOptions, claim: FactClaim): Promise<FactOutcome> {
  const attempts = o.maxAttempts ?? 30;
  for (let i = 1; ; i++) {
    const outcome = await submitFact(o, claim);
    if (outcome !== 'retry' || i >= attempts) return outcome;
    await new Promise((resolve) => setTimeout(resolve, o.retryDelayMs ?? 1000));
  }
}

export async function startCollectionRelay(o: CollectionRelayOptions): Promise<CollectionRelay> {
  const log = o.log ?? ((): void => undefined);
  const startBlock = readCheckpoint(o.checkpointFile);
  const events: CloseableAsyncIterable<ChaincodeEvent> = await o.energy.getChaincodeEvents('energy', { startBlock });
  log(`collection relay following energy events from block ${startBlock.toString()}`);
  const follow = async (): Promise<void> => {
    for await (const event of events) {
      for (const claim of latestPerAssignment(incomeClaims(event))) {
        const outcome = await relayClaim(o, claim);
        log(`block ${event.blockNumber.toString()}: ${claim.assignmentId} paid ${claim.paid}: ${outcome}`);
      }
      for (const fact of factClaims(event)) {
        const outcome = await relayFact(o, fact);
        log(`block ${event.blockNumber.toString()}: credit fact ${fact.subject}/${fact.txId}/${String(fact.n)}: ${outcome}`);
      }
      // Later transactions of this block may still follow: the block counts as done only when the next begins.
      writeCheckpoint(o.checkpointFile, event.blockNumber);
    }
  };
  const done = follow().catch((e: unknown) => {
    log(`collection relay stopped: ${e instanceof Error ? e.message : String(e)}`);
  });
  return { close: () => { events.close(); }, done };
}
