/** Response shapes shared by routes (registered as OpenAPI components). */
import { z } from '../openapi/zod';
import { errorBody } from '../http/errors';

export const submitResult = z
  .object({
    transactionId: z.string(),
    blockNumber: z.string().describe('Block that committed the transaction (decimal string)'),
    validationCode: z.string().describe('Fabric validation code, VALID on success'),
    result: z.unknown().describe('The chaincode\'s result (JSON)'),
  })
  .openapi('SubmitResult');

export const receiptBody = z
  .object({
    receiptId: z.string(),
    transactionId: z.string(),
    status: z.enum(['pending', 'committed', 'failed']),
    receiptUrl: z.string(),
    httpStatus: z.number().int().optional().describe('The status a synchronous submit would have answered with'),
    outcome: z.union([submitResult, errorBody]).optional(),
  })
  .openapi('Receipt');

export const evaluateResult = z.object({ result: z.unknown().describe('The chaincode\'s result (JSON)') }).openapi('EvaluateResult');

/** An Idempotency-Key: 1-255 visible ASCII characters (no spaces, no control characters). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const submitHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, 'must be 1-255 printable ASCII characters without spaces')
    .optional()
    .describe('Makes a retried submit take effect at most once; replays the first outcome (draft-ietf-httpapi-idempotency-key-header)'),
  prefer: z.string().max(1000).optional().describe('`respond-async`: answer 202 with a receipt once ordering accepted the transaction'),
});
