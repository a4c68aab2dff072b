/**
 * The vocabulary of the energy access table. Each line of the transaction map
 * (src/transactions.ts) grants its transaction to one of the grants below;
 * `@Tx` checks it from the caller's certificate before the input is parsed
 * (ACCESS). Rules that need state (the holder of an eID, the payee of a hold,
 * a party of a PPA) are named in the map line's `rule` and checked by the
 * operation with object-rules.ts once the state is read.
 */
import { AccessDeniedError, type AccessTable, type CallerView } from '@dec/chaincode-kit/core';
import { ATTR_ROLE, GRID_MSP, INGESTOR_ROLE, isGridOperator, isIngestor, isPlatformOperator, OPERATOR_ROLE, PLATFORM_MSP } from './principals';

export interface Grant {
  /** Who, in words (the README's "who may call"). */
  readonly who: string;
  allows(caller: CallerView): boolean;
  /** Why the caller is refused (the ACCESS_DENIED message). */
  refusal(caller: CallerView): string;
}

/** Anyone on the channel; object-level rules, if any, follow once state is read. */
export const ANYONE: Grant = {
  who: 'any channel member',
  allows: () => true,
  refusal: () => 'never refused',
};

export const PLATFORM_OPERATOR: Grant = {
  who: 'platform operator',
  allows: isPlatformOperator,
  refusal: (caller) =>
    caller.mspId !== PLATFORM_MSP
      ? `only the platform operator (${PLATFORM_MSP}, ${ATTR_ROLE}=${OPERATOR_ROLE}) may do this; caller is from ${caller.mspId}`
      : `caller's certificate lacks attribute ${ATTR_ROLE}=${OPERATOR_ROLE}`,
};

export const GRID_OPERATOR: Grant = {
  who: 'grid operator',
  allows: isGridOperator,
  refusal: (caller) => `only the grid operator (${GRID_MSP}, ${ATTR_ROLE}=${OPERATOR_ROLE}) may do this; caller is from ${caller.mspId}`,
};

/** Matching and settlement are fully determined by the ledger; an operator only triggers them. */
export const MARKET_RUNNER: Grant = {
  who: 'platform operator or grid operator',
  allows: (caller) => isPlatformOperator(caller) || isGridOperator(caller),
  refusal: (caller) => `only the platform operator or the grid operator may run matching and settlement; caller is from ${caller.mspId}`,
};

/** Readings are self-authenticating (signed by the meter): the submitter only relays them. */
export const READING_SUBMITTER: Grant = {
  who: 'ingestor, grid operator or platform operator',
  allows: (caller) => isIngestor(caller) || isGridOperator(caller) || isPlatformOperator(caller),
  refusal: () => `only an ingestor (${GRID_MSP} or ${PLATFORM_MSP}, ${ATTR_ROLE}=${INGESTOR_ROLE}) or an operator may submit readings`,
};

/** Checks a transaction's grant; the actor is the caller as the chaincode sees it. */
export const ACCESS: AccessTable<Grant, CallerView> = {
  authorize(caller, _tx, grant) {
    if (!grant.allows(caller)) throw new AccessDeniedError(grant.refusal(caller));
    return caller;
  },
  describe: (grant) => grant.who,
};
