/**
 * Chaincode errors with stable codes. Fabric passes only the message string from
 * chaincode to clients, so the code travels as a prefix: `CODE: field: message`.
 * The gateway API parses the prefix back (see gateway-api error mapping), so the
 * codes below are part of the public contract: never rename one.
 */
export type ChaincodeErrorCode =
  | 'VALIDATION'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE_VIOLATION';

export class ChaincodeError extends Error {
  constructor(
    readonly code: ChaincodeErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ChaincodeError';
  }
}

/** A bad input. `field` names the offending input (a dotted path for nested fields). */
export class ValidationError extends ChaincodeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('VALIDATION', `${field}: ${message}`);
  }
}

export class AccessDeniedError extends ChaincodeError {
  constructor(message: string) {
    super('ACCESS_DENIED', message);
  }
}

export class NotFoundError extends ChaincodeError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist`);
  }
}

/** The state does not allow the transaction now (duplicate, wrong status, insufficient funds). */
export class ConflictError extends ChaincodeError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/** A business or regulator rule forbids the transaction. */
export class RuleViolationError extends ChaincodeError {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super('RULE_VIOLATION', `${rule}: ${message}`);
  }
}
