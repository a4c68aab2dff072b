/** Receipts of asynchronous submits. */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';
import { receiptBody } from './schemas';

const params = z.object({ receiptId: z.uuid() });
const query = z.object({ wait: z.enum(['true', 'false']).optional().describe('true: wait (up to 30 s) for the outcome') });

export function receiptRoutes(services: Services): AnyRoute[] {
  return [
    route<z.infer<typeof params>, z.infer<typeof query>>({
      method: 'get',
      path: '/api/v1/receipts/{receiptId}',
      operationId: 'getReceipt',
      summary: 'Outcome of an asynchronous submit: pending, or the same result a synchronous submit returns',
      tags: ['transactions'],
      auth: 'user',
      request: { params, query },
      responses: { 200: { description: 'The receipt', schema: receiptBody } },
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED', 'NETWORK_UNAVAILABLE'],
      handler: async ({ params: p, query: q, caller }) => ({
        status: 200,
        body: await services.transactions.receipt(caller, p.receiptId, q.wait === 'true'),
      }),
    }),
  ];
}
