/**
 * The index's list endpoints: blocks, transactions (by function, creator org,
 * type or participant eID), the current or past values of the object types
 * the explorer lists, and activity per minute, each a keyset page newest
 * first. They read the gateway's own index (index/), which the block stream
 * keeps; every item names its transaction and block, the ledger stays the
 * source of truth. Who may read: as the regulator ledger endpoints, on
 * channels their org is a member of.
 */
import { INDEXED_TYPES } from '../index/extract';
import { ApiError } from '../http/errors';
import { route, type AnyRoute } from '../http/route';
import { z } from '../openapi/zod';
import type { Services } from '../services';
import { formatParam, listResponse, pageReply } from './index-csv';

const channelParams = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const stateParams = channelParams.extend({ objectType: z.enum(INDEXED_TYPES).describe('An indexed object type (composite key type)') });
const limit = z.string().regex(/^([1-9]\d?|100)$/, 'must be a whole number from 1 to 100').optional().describe('Items per page (1–100, default 20)');
const text = (what: string) => z.string().min(1).max(128).regex(/^[\x20-\x7e]*$/, 'must be printable ASCII').optional().describe(what);

const blockQuery = z.object({ before: z.string().regex(/^\d{1,15}$/, 'must be a block number').optional().describe('List blocks below this number (the `next` of the previous page)'), limit, format: formatParam });
const txQuery = z.object({
  before: z.string().regex(/^\d{1,15}\.\d{1,6}$/, 'must be a position <block>.<index>').optional().describe('List transactions before this position (the `next` of the previous page)'),
  limit,
  function: text('Only transactions of this chaincode function (e.g. `token:Transfer`)'),
  eid: text('Only transactions that name this participant eID (in their input or in the keys they wrote)'),
  creatorMspId: text('Only transactions submitted by this org'),
  type: z.enum(['ENDORSER_TRANSACTION', 'CONFIG']).optional().describe('Only transactions of this type'),
  format: formatParam,
});
const stateQuery = z.object({
  first: text('Only keys whose first attribute is this (e.g. the zone of `meter.zone`, the meter of `meter.interval`)'),
  second: text('Only keys whose second attribute is this (e.g. the zone of `market.clearing`)'),
  status: text('Only values whose `status` field is this (e.g. `financed` receivables, `cleared` slots, `active` meters)'),
  history: z.enum(['true', 'false']).optional().describe('Every version, newest first, instead of the current value of each key'),
  before: z.string().min(1).max(600).optional().describe('The `next` of the previous page'),
  limit,
  format: formatParam,
});
const activityQuery = z.object({ minutes: z.string().regex(/^([1-9]\d{0,2}|1[0-3]\d\d|1440)$/, 'must be a whole number from 1 to 1440').optional().describe('Minutes back from now (default 60)') });

const page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), next: z.string().optional().describe('Pass as `before` for the next (older) page; absent on the last page') }).openapi(name);
export const blockItem = z
  .object({
    number: z.string(),
    transactionCount: z.number().int(),
    invalidCount: z.number().int(),
    time: z.string().nullable().describe('Time of the newest transaction'),
    dataHash: z.string(),
    functions: z.array(z.string()).describe('Chaincode functions of its transactions (`config` for a configuration block)'),
    creators: z.array(z.string()).describe('MSP IDs of its transactions\' creators'),
  })
  .openapi('IndexedBlock');
export const txItem = z
  .object({
    transactionId: z.string(),
    blockNumber: z.string(),
    index: z.number().int().describe('Position in the block'),
    type: z.string(),
    time: z.string().nullable(),
    creatorMspId: z.string(),
    chaincode: z.string().nullable(),
    function: z.string().nullable(),
    validationCode: z.string().nullable(),
  })
  .openapi('IndexedTransaction');
const stateItem = z
  .object({ objectType: z.string(), key: z.string().describe('Key attributes joined with ~'), value: z.unknown(), deleted: z.boolean().optional(), transactionId: z.string(), blockNumber: z.string(), time: z.string().nullable() })
  .openapi('IndexedState');
const activity = z.object({ channel: z.string(), since: z.string(), minutes: z.array(z.object({ minute: z.string().describe('YYYY-MM-DDTHH:MM (UTC)'), blocks: z.number().int(), transactions: z.number().int() })) }).openapi('IndexActivity');
const status = z
  .object({ channel: z.string(), indexedHeight: z.string().describe('Blocks held (the next block the index reads)'), running: z.boolean(), rebuilds: z.number().int(), lastError: z.string().optional() })
  .openapi('IndexStatus');

const ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'RATE_LIMITED'] as const;
const who = 'Regulators (CA attribute role=regulator) and API admins of the regulator orgs, on channels their org belongs to. Read from the gateway\'s index of the block stream; each item names its transaction.';
const size = (l: string | undefined): number => (l ? Number(l) : 20);

type ChannelParams = z.infer<typeof channelParams>;

export function chainIndexRoutes(services: Services): AnyRoute[] {
  const member = (mspId: string, channel: string) => { services.sessions.requireChannel(mspId, channel); };
  const idx = () => services.chainIndex;
  return [
    route<ChannelParams>({
      method: 'get', path: '/api/v1/index/{channel}', operationId: 'getIndexStatus', tags: ['index'], auth: 'regulator',
      summary: 'How far the gateway has indexed a channel', description: who,
      request: { params: channelParams }, responses: { 200: { description: 'Index status', schema: status } }, errors: [...ERRORS],
      handler: async ({ params, caller }) => { member(caller.mspId, params.channel); return Promise.resolve({ status: 200, body: idx().indexer.status(params.channel) }); },
    }),
    route<ChannelParams>({
      method: 'post', path: '/api/v1/index/{channel}/rebuild', operationId: 'rebuildIndex', tags: ['index'], auth: 'regulator',
      summary: 'Forget a channel\'s index and read it again from block 0', description: 'API admins of the regulator orgs only. The lists are partial until the index has caught up (see its status).',
      request: { params: channelParams }, responses: { 202: { description: 'Rebuild started', schema: status } }, errors: [...ERRORS],
      handler: async ({ params, caller }) => {
        member(caller.mspId, params.channel);
        if (caller.apiRole !== 'admin') throw new ApiError('ACCESS_DENIED', 'only API admins of a regulator org may rebuild the index');
        return Promise.resolve({ status: 202, body: idx().indexer.rebuild(params.channel) });
      },
    }),
    route<ChannelParams, z.infer<typeof blockQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/blocks', operationId: 'listIndexedBlocks', tags: ['index'], auth: 'regulator',
      summary: 'Blocks newest first, a page at a time', description: who,
      request: { params: channelParams, query: blockQuery }, responses: { 200: listResponse('A page of blocks', page(blockItem, 'IndexedBlockPage')) }, errors: [...ERRORS],
      handler: async ({ params, query, caller, req }) => {
        member(caller.mspId, params.channel);
        return Promise.resolve(pageReply(req, query.format, idx().store.blocks(params.channel, query.before ? Number(query.before) : undefined, size(query.limit)), `${params.channel}-blocks`));
      },
    }),
    route<ChannelParams, z.infer<typeof txQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/transactions', operationId: 'listIndexedTransactions', tags: ['index'], auth: 'regulator',
      summary: 'Transactions newest first, by function, creator org, type or participant eID', description: who,
      request: { params: channelParams, query: txQuery }, responses: { 200: listResponse('A page of transactions', page(txItem, 'IndexedTransactionPage')) }, errors: [...ERRORS],
      handler: async ({ params, query, caller, req }) => {
        member(caller.mspId, params.channel);
        const { before, limit: l, format, ...filter } = query;
        return Promise.resolve(pageReply(req, format, idx().store.transactions(params.channel, filter, before, size(l)), `${params.channel}-transactions`));
      },
    }),
    route<z.infer<typeof stateParams>, z.infer<typeof stateQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/state/{objectType}', operationId: 'listIndexedState', tags: ['index'], auth: 'regulator',
      summary: 'Zones, slot clearings, meters and their intervals, receivables, token supply: current values, or every version', description: who,
      request: { params: stateParams, query: stateQuery }, responses: { 200: listResponse('A page of values', page(stateItem, 'IndexedStatePage')) }, errors: [...ERRORS],
      handler: async ({ params, query, caller, req }) => {
        member(caller.mspId, params.channel);
        const filter = { ...(query.first !== undefined ? { first: query.first } : {}), ...(query.second !== undefined ? { second: query.second } : {}), ...(query.status !== undefined ? { status: query.status } : {}) };
        const found = idx().store.state(params.channel, params.objectType, filter, query.history === 'true', query.before, size(query.limit));
        return Promise.resolve(pageReply(req, query.format, found, `${params.channel}-${params.objectType}`));
      },
    }),
    route<ChannelParams, z.infer<typeof activityQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/activity', operationId: 'getIndexActivity', tags: ['index'], auth: 'regulator',
      summary: 'Blocks and transactions per minute (by transaction time)', description: who,
      request: { params: channelParams, query: activityQuery }, responses: { 200: { description: 'Per-minute counts, oldest first; minutes without transactions are left out', schema: activity } }, errors: [...ERRORS],
      handler: async ({ params, query, caller }) => {
        member(caller.mspId, params.channel);
        const since = new Date(Date.now() - (query.minutes ? Number(query.minutes) : 60) * 60_000).toISOString();
        return Promise.resolve({ status: 200, body: { channel: params.channel, since, minutes: idx().store.activity(params.channel, since) } });
      },
    }),
  ];
}
