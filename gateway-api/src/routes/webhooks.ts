/** Webhooks: chaincode events pushed to an integrator's URL, signed, with retries. */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

const webhook = z
  .object({ id: z.string(), url: z.string(), channel: z.string(), chaincode: z.string(), eventNames: z.array(z.string()), active: z.boolean(), createdAt: z.string() })
  .openapi('Webhook');
const createBody = z
  .object({
    url: z
      .url()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'),
    channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/),
    chaincode: z.string().regex(/^[A-Za-z0-9_.+-]{1,128}$/),
    eventNames: z.array(z.string().min(1).max(128)).max(50).default([]).describe('Event names to deliver (empty: all)'),
    fromBlock: z.string().regex(/^\d{1,20}$/).optional().describe('Deliver from this block (default: the next block)'),
  })
  .openapi('CreateWebhook');
const idParams = z.object({ webhookId: z.uuid() });
const ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'RATE_LIMITED'] as const;
const CREATE_ERRORS = [...ERRORS, 'CONFLICT'] as const;

export function webhookRoutes(services: Services): AnyRoute[] {
  return [
    route<unknown, unknown, z.infer<typeof createBody>>({
      method: 'post',
      path: '/api/v1/webhooks',
      operationId: 'createWebhook',
      summary: 'Subscribe a URL to chaincode events (POST JSON signed per Standard Webhooks, retried with backoff)',
      description:
        'Each delivery carries `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256(key, id.timestamp.body)>`, ' +
        'key = the base64 bytes after `whsec_` in the secret. The URL must resolve to public addresses (private, loopback, link-local and ' +
        'metadata addresses are refused unless the gateway allowlists them); redirects are not followed; at most 10 webhooks per identity (409 beyond).',
      tags: ['webhooks'],
      auth: 'user',
      request: { body: createBody },
      responses: { 201: { description: 'Created; the secret is shown once', schema: webhook.extend({ secret: z.string() }) } },
      errors: [...CREATE_ERRORS],
      handler: async ({ body, caller }) => ({
        status: 201,
        body: await services.webhooks.create(caller, { ...body, ...(body.fromBlock ? { fromBlock: BigInt(body.fromBlock) } : { fromBlock: undefined }) }),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/webhooks',
      operationId: 'listWebhooks',
      summary: 'The caller\'s webhooks',
      tags: ['webhooks'],
      auth: 'user',
      responses: { 200: { description: 'Webhooks', schema: z.object({ webhooks: z.array(webhook) }) } },
      errors: [...ERRORS],
      handler: ({ caller }) => Promise.resolve({ status: 200, body: { webhooks: services.webhooks.list(caller) } }),
    }),
    route<z.infer<typeof idParams>>({
      method: 'get',
      path: '/api/v1/webhooks/{webhookId}/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'Delivery attempts of a webhook',
      tags: ['webhooks'],
      auth: 'user',
      request: { params: idParams },
      responses: {
        200: {
          description: 'Deliveries',
          schema: z.object({
            deliveries: z.array(z.object({ eventId: z.string(), state: z.enum(['pending', 'delivered', 'failed']), attempts: z.number().int(), lastError: z.string().optional() })),
          }),
        },
      },
      errors: [...ERRORS],
      handler: ({ params, caller }) => Promise.resolve({ status: 200, body: { deliveries: services.webhooks.deliveries(caller, params.webhookId) } }),
    }),
    route<z.infer<typeof idParams>>({
      method: 'delete',
      path: '/api/v1/webhooks/{webhookId}',
      operationId: 'deleteWebhook',
      summary: 'Stop a webhook',
      tags: ['webhooks'],
      auth: 'user',
      request: { params: idParams },
      responses: { 204: { description: 'Stopped' } },
      errors: [...ERRORS],
      handler: ({ params, caller }) => {
        services.webhooks.delete(caller, params.webhookId);
        return Promise.resolve({ status: 204 });
      },
    }),
  ];
}
