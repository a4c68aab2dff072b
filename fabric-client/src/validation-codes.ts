/**
 * The validation codes a peer gives a committed transaction (Fabric's
 * `TxValidationCode`), by name: clients report them, and retry the conflicts.
 */

/** Validation codes of committed transactions, by number. */
export const VALIDATION_CODES: Readonly<Record<number, string>> = {
  0: 'VALID', 1: 'NIL_ENVELOPE', 2: 'BAD_PAYLOAD', 3: 'BAD_COMMON_HEADER', 4: 'BAD_CREATOR_SIGNATURE',
  5: 'INVALID_ENDORSER_TRANSACTION', 6: 'INVALID_CONFIG_TRANSACTION', 7: 'UNSUPPORTED_TX_PAYLOAD', 8: 'BAD_PROPOSAL_TXID',
  9: 'DUPLICATE_TXID', 10: 'ENDORSEMENT_POLICY_FAILURE', 11: 'MVCC_READ_CONFLICT', 12: 'PHANTOM_READ_CONFLICT',
  13: 'UNKNOWN_TX_TYPE', 14: 'TARGET_CHAIN_NOT_FOUND', 15: 'MARSHAL_TX_ERROR', 16: 'NIL_TXACTION', 17: 'EXPIRED_CHAINCODE',
  18: 'CHAINCODE_VERSION_CONFLICT', 19: 'BAD_HEADER_EXTENSION', 20: 'BAD_CHANNEL_HEADER', 21: 'BAD_RESPONSE_PAYLOAD',
  22: 'BAD_RWSET', 23: 'ILLEGAL_WRITESET', 24: 'INVALID_WRITESET', 25: 'INVALID_CHAINCODE', 254: 'NOT_VALIDATED',
  255: 'INVALID_OTHER_REASON',
};

/** The Fabric name of a validation code (`UNKNOWN_<n>` for one Fabric does not define). */
export function validationCodeName(code: number): string {
  return VALIDATION_CODES[code] ?? `UNKNOWN_${code}`;
}

/** MVCC and phantom read conflicts: re-endorsing against newer state may succeed. */
export function isMvccConflict(code: number): boolean {
  return code === 11 || code === 12;
}

/** The transaction ID was committed before: this one is a duplicate. */
export const DUPLICATE_TXID = 9;
