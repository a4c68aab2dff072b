/**
 * The consortium: orgs, hosts, peers and orderers with their ledger heights,
 * Raft leaders and health, from the topology and the nodes' operations
 * endpoints. Any authenticated identity may read it: every member already sees
 * the same orgs, addresses and orderers in the channel configurations, and
 * heights in the blocks; unauthenticated callers get nothing (no map of the
 * network for strangers).
 */
import { ConsortiumObserver } from '../consortium/status';
import { consortiumBody } from '../consortium/schema';
import { targetsForGateway, type ConsortiumTargets } from '../consortium/targets';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

export function consortiumRoutes(services: Services): AnyRoute[] {
  let targets: ConsortiumTargets | undefined;
  // Resolved on first use: the documentation build has no services behind the routes.
  const observer = new ConsortiumObserver(() => (targets ??= targetsForGateway(services.config)));
  return [
    route({
      method: 'get',
      path: '/api/v1/consortium',
      operationId: 'getConsortium',
      summary: 'The consortium now: orgs, hosts, peers (ledger height per channel, health), orderers (Raft leader, height, participation, health)',
      description:
        'Read from the topology and each node\'s operations endpoint (/healthz, /metrics), at most every 2 seconds; a node that does not answer is listed as unreachable rather than failing the request.',
      tags: ['network'],
      auth: 'user',
      responses: { 200: { description: 'The consortium', schema: consortiumBody } },
      errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
      handler: async () => ({ status: 200, body: await observer.observe() }),
    }),
  ];
}
