/**
 * Submit with the retry policy the gateway uses everywhere: endorse once, then
 * resubmit the same signed transaction (same transaction ID, so it can commit
 * at most once) while ordering is unavailable, e.g. during a Raft leader
 * election. Other failures are returned at once.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GatewayError, type Contract, type ProposalOptions, type Status } from '@hyperledger/fabric-gateway';

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

const DEFAULT_RETRY: RetryPolicy = { attempts: 8, delayMs: 1000 };

function orderingUnavailable(e: unknown): boolean {
  // transaction.submit() only throws SubmitError (a GatewayError) for ordering failures.
  return e instanceof GatewayError && (e.code === GrpcStatus.UNAVAILABLE || e.code === GrpcStatus.DEADLINE_EXCEEDED);
}

export async function submitTransaction(
  contract: Contract,
  name: string,
  options: ProposalOptions = {},
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<SubmitResult> {
  const transaction = await contract.newProposal(name, options).endorse();
  for (let attempt = 1; ; attempt++) {
    try {
      const commit = await transaction.submit();
      return { transactionId: transaction.getTransactionId(), result: transaction.getResult(), status: await commit.getStatus() };
    } catch (e) {
      if (!orderingUnavailable(e) || attempt >= retry.attempts) throw e;
      retry.onRetry?.(attempt, e as Error);
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs));
    }
  }
}
