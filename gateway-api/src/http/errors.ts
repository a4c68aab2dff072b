/**
 * API errors with stable codes. Every failure leaves the API as
 * `{ error: { code, message, transactionId?, details? } }` with the HTTP status
 * of its code. Chaincode errors (`CODE: detail`, see chaincode/kit errors.ts)
 * keep their code and message; fabric-gateway errors map by gRPC status; stack
 * traces never leave the process.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { CaError, CommitError, DUPLICATE_TXID, GatewayError, isMvccConflict, transactionIdOf, validationCodeName } from '@dec/fabric-client';
import { z } from '../openapi/zod';

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  ACCESS_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  MVCC_CONFLICT: 409,
  DUPLICATE: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  TRANSACTION_INVALID: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CHAINCODE_ERROR: 502,
  CA_ERROR: 502,
  NETWORK_UNAVAILABLE: 503,
  TIMEOUT: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe('Stable error code'),
      message: z.string(),
      transactionId: z.string().optional(),
      validationCode: z.string().optional(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string(), mspId: z.string().optional() })).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBody>;

export interface ErrorDetail {
  field?: string;
  message: string;
  mspId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { transactionId?: string; validationCode?: string; details?: ErrorDetail[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

const CHAINCODE_CODES = ['VALIDATION', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION'] as const;
const CHAINCODE_ERROR = new RegExp(`\\b(${CHAINCODE_CODES.join('|')}): ([\\s\\S]*)$`);

/** `VALIDATION: input.amount: must be ...` anywhere in a peer message → its code and detail. */
export function parseChaincodeMessage(message: string): { code: (typeof CHAINCODE_CODES)[number]; detail: string } | undefined {
  const m = CHAINCODE_ERROR.exec(message);
  const code = m?.[1] as (typeof CHAINCODE_CODES)[number] | undefined;
  const detail = m?.[2];
  return code === undefined || detail === undefined ? undefined : { code, detail: detail.trim() };
}

/** A failed commit (validation code other than VALID). */
export function commitFailure(transactionId: string, code: number): ApiError {
  const name = validationCodeName(code);
  if (isMvccConflict(code)) return new ApiError('MVCC_CONFLICT', `transaction ${transactionId} conflicted with a concurrent update (${name})`, { transactionId, validationCode: name });
  if (code === DUPLICATE_TXID) return new ApiError('DUPLICATE', `transaction ${transactionId} was already committed`, { transactionId, validationCode: name });
  return new ApiError('TRANSACTION_INVALID', `transaction ${transactionId} was not valid at commit: ${name}`, { transactionId, validationCode: name });
}

const NETWORK_HINTS = [
  /chaincode .* (not installed|is not defined|definition)/i,
  /could not launch chaincode|chaincode registration failed|connection refused|failed to connect/i,
  /no peers available|no combination of peers|failed to collect enough transaction endorsements/i,
];

const REFUSED_IDENTITY = /access denied|creator.*not authorized|is not satisfied|permission denied/i;

/** The chaincode's own `CODE: detail` error, from the peers' details or the message, if there is one. */
function chaincodeError(e: GatewayError, extra: { transactionId?: string }): ApiError | undefined {
  for (const m of [...e.details.map((d) => d.message), e.message]) {
    const parsed = parseChaincodeMessage(m);
    if (!parsed) continue;
    const details = parsed.code === 'VALIDATION' ? validationDetails(parsed.detail) : undefined;
    return new ApiError(parsed.code, parsed.detail, { ...extra, ...(details ? { details } : {}) });
  }
  return undefined;
}

/** gRPC statuses that say enough on their own (numbers: fabric-gateway reports the status as a number). */
const STATUS_ERRORS = new Map<number, [ErrorCode, string]>([
  [GrpcStatus.DEADLINE_EXCEEDED, ['TIMEOUT', 'the network did not answer in time']],
  [GrpcStatus.UNAVAILABLE, ['NETWORK_UNAVAILABLE', 'the Fabric network is unavailable']],
]);
const PERMISSION_DENIED: number = GrpcStatus.PERMISSION_DENIED;
const NOT_FOUND: number = GrpcStatus.NOT_FOUND;

/** A failure that is not the chaincode's own: what the gRPC status and the peers' messages say. */
function transportFailure(e: GatewayError, extra: { transactionId?: string }): ApiError {
  const messages = [...e.details.map((d) => d.message), e.message];
  const detail = e.details.map((d) => ({ mspId: d.mspId, message: cleanPeerMessage(d.message) }));
  const withDetails = { ...extra, ...(detail.length > 0 ? { details: detail } : {}) };
  const known = STATUS_ERRORS.get(e.code);
  if (known) return new ApiError(known[0], known[1], withDetails);
  if (e.code === PERMISSION_DENIED || messages.some((m) => REFUSED_IDENTITY.test(m))) return new ApiError('ACCESS_DENIED', 'the network refused this identity', withDetails);
  if (messages.some((m) => NETWORK_HINTS.some((h) => h.test(m)))) return new ApiError('NETWORK_UNAVAILABLE', 'the chaincode is not available right now', withDetails);
  if (e.code === NOT_FOUND) return new ApiError('NOT_FOUND', cleanPeerMessage(e.message), withDetails);
  return new ApiError('CHAINCODE_ERROR', detail[0]?.message ?? cleanPeerMessage(e.message), withDetails);
}

/** A fabric-gateway failure: the chaincode's own error if it gave one, else the transport's. */
function gatewayFailure(e: GatewayError): ApiError {
  // EndorseError, SubmitError and CommitStatusError carry the transaction ID.
  const transactionId = transactionIdOf(e);
  const extra = transactionId ? { transactionId } : {};
  return chaincodeError(e, extra) ?? transportFailure(e, extra);
}

/** A Fabric CA failure, by the CA's own error codes (74 already registered, 63 unknown identity, 20/71 refused) or HTTP status. */
function caFailure(e: CaError): ApiError {
  const has = (...codes: number[]): boolean => codes.some((c) => e.caCodes.includes(c));
  if (has(74)) return new ApiError('DUPLICATE', e.message);
  if (has(63) || e.httpStatus === 404) return new ApiError('NOT_FOUND', e.message);
  if (has(20, 71) || e.httpStatus === 401 || e.httpStatus === 403) return new ApiError('ACCESS_DENIED', `the CA refused: ${e.message}`);
  if (e.httpStatus === 503) return new ApiError('NETWORK_UNAVAILABLE', e.message);
  return new ApiError('CA_ERROR', e.message);
}

/** Any error on the way to or from Fabric, as an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof CommitError) return commitFailure(e.transactionId, e.code);
  if (e instanceof GatewayError) return gatewayFailure(e);
  if (e instanceof CaError) return caFailure(e);
  return new ApiError('INTERNAL', 'internal error');
}

/** `input.amount: must be ...; input.to: ...` → one detail per field (the kit names the field first). */
function validationDetails(detail: string): ErrorDetail[] {
  const m = /^([A-Za-z0-9_.[\]]+): ([\s\S]*)$/.exec(detail);
  const [, field, message] = m ?? [];
  return field !== undefined && message !== undefined ? [{ field, message }] : [{ message: detail }];
}

/** Peers prefix chaincode messages with transport noise: keep the informative tail. */
function cleanPeerMessage(message: string): string {
  return message.replace(/^.*chaincode response \d+, /, '').trim();
}
