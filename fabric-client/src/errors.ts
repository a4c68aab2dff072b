/**
 * Failures of a transaction as a client sees them, typed so that callers can
 * tell them apart and always know which transaction failed.
 */
import { CommitError, CommitStatusError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { validationCodeName } from './validation-codes';

/** A transaction that reached the ledger but was not valid there (its validation code is not VALID). */
export class TransactionInvalidError extends Error {
  readonly validationCode: string;

  constructor(
    readonly transactionName: string,
    readonly transactionId: string,
    readonly code: number,
  ) {
    super(`${transactionName} ${transactionId} failed validation with code ${code}`);
    this.name = 'TransactionInvalidError';
    this.validationCode = validationCodeName(code);
  }
}

/**
 * The ID of the transaction a failure belongs to, when it has one: fabric-gateway's
 * EndorseError, SubmitError, CommitStatusError and CommitError carry it, as does
 * TransactionInvalidError.
 */
export function transactionIdOf(e: unknown): string | undefined {
  if (e instanceof EndorseError || e instanceof CommitStatusError || e instanceof CommitError || e instanceof TransactionInvalidError) return e.transactionId;
  // SubmitError is exported only as a type: read the property it declares.
  if (e instanceof GatewayError && 'transactionId' in e && typeof e.transactionId === 'string') return e.transactionId;
  return undefined;
}
