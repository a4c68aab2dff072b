/**
 * Submit with the retry policy every client uses:
 * - endorse again while no endorsing peer answers (unavailable, or timed out):
 *   nothing was sent to ordering, so nothing can commit twice;
 * - then resubmit the same signed transaction (same transaction ID, so it can
 *   commit at most once) while ordering is unavailable, e.g. during a Raft
 *   leader election.
 * Other failures are returned at once.
 */
import type { Contract, ProposalOptions, Status } from '@hyperledger/fabric-gateway';
import { TransactionInvalidError } from './errors';
import { isTransient, withRetry } from './retry';

export interface SubmitResult {
  transactionId: string;
  result: Uint8Array;
  status: Status;
}

export interface RetryPolicy {
  attempts: number;
  delayMs: number;
  onRetry?: (attempt: number, error: Error) => void;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = { attempts: 8, delayMs: 1000 };

/** Endorses, orders (resending while ordering is unavailable) and waits for the commit status, valid or not. */
export async function submitTransaction(
  contract: Contract,
  name: string,
  options: ProposalOptions = {},
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<SubmitResult> {
  const loop = {
    attempts: retry.attempts,
    delayMs: () => retry.delayMs,
    retryable: isTransient,
    onRetry: (attempt: number, error: unknown) => retry.onRetry?.(attempt, error as Error),
  };
  // e.g. "failed to find any endorsing peers for org(s)" while gossip has not (re)learned a peer
  const transaction = await withRetry(() => contract.newProposal(name, options).endorse(), loop);
  // transaction.submit() only throws SubmitError (a GatewayError) for ordering failures.
  const status = await withRetry(async () => (await transaction.submit()).getStatus(), loop);
  return { transactionId: transaction.getTransactionId(), result: transaction.getResult(), status };
}

/** As submitTransaction, and a transaction the ledger found invalid is a TransactionInvalidError. */
export async function submitValidTransaction(
  contract: Contract,
  name: string,
  options: ProposalOptions = {},
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<SubmitResult> {
  const out = await submitTransaction(contract, name, options, retry);
  if (!out.status.successful) throw new TransactionInvalidError(name, out.transactionId, out.status.code);
  return out;
}
