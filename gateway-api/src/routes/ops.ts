/** Operations: liveness, readiness (database and every org's peer reachable), Prometheus metrics. */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

const health = z.object({ status: z.literal('ok') }).openapi('Health');
const readiness = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({ database: z.boolean(), peers: z.record(z.string(), z.boolean()) }),
  })
  .openapi('Readiness');

function peerReady(services: Services, mspId: string): Promise<boolean> {
  const client = services.sessions.client(services.sessions.org(mspId));
  return new Promise((resolve) => {
    client.waitForReady(Date.now() + 2000, (err) => {
      resolve(!err);
    });
  });
}

export function opsRoutes(services: Services): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness: the process answers',
      tags: ['operations'],
      auth: 'public',
      responses: { 200: { description: 'Alive', schema: health } },
      errors: [],
      handler: () => Promise.resolve({ status: 200, body: { status: 'ok' } }),
    }),
    route({
      method: 'get',
      path: '/readyz',
      operationId: 'readiness',
      summary: 'Readiness: the database answers and every org\'s peer is reachable',
      tags: ['operations'],
      auth: 'public',
      responses: { 200: { description: 'Ready', schema: readiness }, 503: { description: 'Not ready', schema: readiness } },
      errors: [],
      handler: async () => {
        let database = false;
        try {
          database = services.db.prepare('SELECT 1 AS ok').get() !== undefined;
        } catch {
          database = false;
        }
        const peers: Record<string, boolean> = {};
        await Promise.all(services.config.orgs.map(async (o) => (peers[o.mspId] = await peerReady(services, o.mspId))));
        const ready = database && Object.values(peers).every(Boolean);
        return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not-ready', checks: { database, peers } } };
      },
    }),
    route({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: request rates and latencies, submit outcomes, MVCC conflicts, retries',
      tags: ['operations'],
      auth: 'public',
      responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain', schema: z.string() } },
      errors: [],
      handler: async ({ res }) => {
        res.setHeader('Content-Type', services.metrics.registry.contentType);
        res.status(200).send(await services.metrics.registry.metrics());
        return undefined;
      },
    }),
  ];
}
