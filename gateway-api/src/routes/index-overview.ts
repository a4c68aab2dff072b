/**
 * The first view of a channel in one request: how far the index is, the
 * latest blocks and transactions, and blocks and transactions per minute.
 * Everything comes from the gateway's index (keyset reads and the per-minute
 * counts kept as blocks are indexed), nothing from a peer, so the answer costs
 * a few indexed reads however long the chain is. The explorer's dashboard and
 * blocks page draw their first view from it; slower data (the ledger's own
 * height, peers) follows in their own requests.
 */
import { route, type AnyRoute } from '../http/route';
import { z } from '../openapi/zod';
import type { Services } from '../services';
import { blockItem, txItem } from './chain-index';

const channelParams = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const count = (what: string, def: number) => z.string().regex(/^(0|[1-9]\d?|100)$/, 'must be a whole number from 0 to 100').optional().describe(`${what} (0–100, default ${String(def)})`);
const query = z.object({
  blocks: count('Latest blocks', 10),
  transactions: count('Latest transactions', 8),
  minutes: z.string().regex(/^(0|[1-9]\d{0,2}|1[0-3]\d\d|1440)$/, 'must be a whole number from 0 to 1440').optional().describe('Minutes of activity back from now (0–1440, default 60; 0 for none)'),
});

const overview = z
  .object({
    channel: z.string(),
    indexedHeight: z.string().describe('Blocks held by the index (the next block it reads)'),
    running: z.boolean().describe('Whether the index follows the block stream now'),
    lastError: z.string().optional(),
    blocks: z.array(blockItem).describe('Latest blocks, newest first'),
    transactions: z.array(txItem).describe('Latest transactions, newest first'),
    since: z.string().describe('Start of the activity window (ISO time)'),
    minutes: z.array(z.object({ minute: z.string().describe('YYYY-MM-DDTHH:MM (UTC)'), blocks: z.number().int(), transactions: z.number().int() })).describe('Per-minute counts, oldest first; minutes without transactions are left out'),
  })
  .openapi('IndexOverview');

const num = (v: string | undefined, def: number): number => (v === undefined ? def : Number(v));

export function indexOverviewRoutes(services: Services): AnyRoute[] {
  return [
    route<z.infer<typeof channelParams>, z.infer<typeof query>>({
      method: 'get', path: '/api/v1/index/{channel}/overview', operationId: 'getIndexOverview', tags: ['index'], auth: 'regulator',
      summary: 'A channel\'s first view in one read: index status, latest blocks and transactions, activity per minute',
      description: 'Regulators (CA attribute role=regulator) and API admins of the regulator orgs, on channels their org belongs to. Read from the gateway\'s index only (no peer is asked); each item names its transaction.',
      request: { params: channelParams, query }, responses: { 200: { description: 'The overview', schema: overview } }, errors: ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'RATE_LIMITED'],
      handler: async ({ params, query: q, caller }) => {
        services.sessions.requireChannel(caller.mspId, params.channel);
        const { store, indexer } = services.chainIndex;
        const blocks = num(q.blocks, 10);
        const txs = num(q.transactions, 8);
        const minutes = num(q.minutes, 60);
        const since = new Date(Date.now() - minutes * 60_000).toISOString();
        return Promise.resolve({
          status: 200,
          body: {
            ...indexer.status(params.channel),
            blocks: blocks > 0 ? store.blocks(params.channel, undefined, blocks).items : [],
            transactions: txs > 0 ? store.transactions(params.channel, {}, undefined, txs).items : [],
            since,
            minutes: minutes > 0 ? store.activity(params.channel, since) : [],
          },
        });
      },
    }),
  ];
}
