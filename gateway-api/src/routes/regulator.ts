/** Regulator endpoints: channel info, blocks, decoded transactions, key history. */
import { KEY_TEXT, KEY_TEXT_MESSAGE, KEY_TEXT_PATTERN, statedPattern } from '@dec/chaincode-kit/core';
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

const channel = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const blockParams = channel.extend({ number: z.string().regex(/^\d{1,20}$/, 'must be a block number') });
const txParams = channel.extend({ txId: z.string().regex(/^[0-9a-f]{64}$/, 'must be a transaction ID (64 hex characters)') });
/** One composite-key part in the comma-separated list: 1-1024 characters, no comma, none a key cannot hold (KEY_TEXT). */
const KEY_PART = '[^,\\u0000\u{10FFFF}]{1,1024}';
const historyQuery = z.object({
  objectType: statedPattern(z.string().min(1).max(128).regex(KEY_TEXT, KEY_TEXT_MESSAGE), KEY_TEXT_PATTERN).describe('Composite key object type, e.g. `lease`'),
  attributes: statedPattern(
    z
      .string()
      .min(1)
      .max(2000)
      .regex(new RegExp(`^${KEY_PART}(?:,${KEY_PART}){0,15}$`, 'u'), 'must be 1-16 comma-separated key attributes, none empty, none with U+0000 or U+10FFFF'),
    `^${KEY_PART}(?:,${KEY_PART}){0,15}$`,
  ).describe('Comma-separated composite key attributes, e.g. `L1`'),
});

const identity = z.object({ mspId: z.string(), subject: z.string().optional() }).openapi('TxIdentity');
export const decodedTransaction = z
  .object({
    transactionId: z.string(),
    type: z.string(),
    channel: z.string(),
    timestamp: z.string().optional(),
    blockNumber: z.string().optional(),
    validationCode: z.string().optional(),
    creator: identity,
    chaincode: z.object({ name: z.string(), version: z.string().optional() }).optional(),
    function: z.string().optional(),
    arguments: z.array(z.unknown()).optional(),
    endorsers: z.array(identity).optional(),
    rwset: z
      .array(
        z.object({
          namespace: z.string(),
          reads: z.array(z.string()),
          writes: z.array(z.string()),
          deletes: z.array(z.string()),
          rangeQueries: z.array(z.object({ start: z.string(), end: z.string() })),
          privateWrites: z.array(z.object({ collection: z.string(), keyHashes: z.array(z.string()) })),
        }),
      )
      .optional()
      .describe('Keys read and written per namespace (composite keys as type~attr~...); private writes as key hashes per collection'),
    response: z.object({ status: z.number(), message: z.string(), payload: z.unknown().optional() }).optional(),
    event: z.object({ name: z.string(), payload: z.unknown().optional() }).optional(),
  })
  .openapi('DecodedTransaction');
const decodedBlock = z
  .object({ number: z.string(), previousHash: z.string(), dataHash: z.string(), transactionCount: z.number().int(), transactions: z.array(decodedTransaction) })
  .openapi('DecodedBlock');
const channelInfo = z
  .object({ channel: z.string(), height: z.string(), currentBlockHash: z.string(), previousBlockHash: z.string(), orgs: z.array(z.string()), chaincodes: z.array(z.string()) })
  .openapi('ChannelInfo');
const history = z
  .object({
    key: z.object({ objectType: z.string(), attributes: z.array(z.string()) }),
    history: z.array(z.object({ txId: z.string(), timestamp: z.string(), isDelete: z.boolean(), value: z.unknown().optional() })),
  })
  .openapi('KeyHistory');

const ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'RATE_LIMITED', 'NETWORK_UNAVAILABLE', 'TIMEOUT'] as const;
const who = 'Regulators (CA attribute role=regulator) and API admins, on channels their org belongs to.';

export function regulatorRoutes(services: Services): AnyRoute[] {
  return [
    route<z.infer<typeof channel>>({
      method: 'get',
      path: '/api/v1/ledger/{channel}',
      operationId: 'getChannelInfo',
      summary: 'Channel height, current and previous block hash, member orgs, chaincodes',
      description: who,
      tags: ['regulator'],
      auth: 'regulator',
      request: { params: channel },
      responses: { 200: { description: 'Channel info', schema: channelInfo } },
      errors: [...ERRORS],
      handler: async ({ params, caller }) => ({ status: 200, body: await services.ledger.channelInfo(caller, params.channel) }),
    }),
    route<z.infer<typeof blockParams>>({
      method: 'get',
      path: '/api/v1/ledger/{channel}/blocks/{number}',
      operationId: 'getBlock',
      summary: 'A block by number, every transaction decoded',
      description: who,
      tags: ['regulator'],
      auth: 'regulator',
      request: { params: blockParams },
      responses: { 200: { description: 'The block', schema: decodedBlock } },
      errors: [...ERRORS],
      handler: async ({ params, caller }) => ({ status: 200, body: await services.ledger.block(caller, params.channel, BigInt(params.number)) }),
    }),
    route<z.infer<typeof txParams>>({
      method: 'get',
      path: '/api/v1/ledger/{channel}/transactions/{txId}',
      operationId: 'getTransaction',
      summary: 'A transaction by ID: chaincode, function, arguments, creator MSP, endorsers, validation code, read/write set keys',
      description: who,
      tags: ['regulator'],
      auth: 'regulator',
      request: { params: txParams },
      responses: { 200: { description: 'The transaction', schema: decodedTransaction } },
      errors: [...ERRORS],
      handler: async ({ params, caller }) => ({ status: 200, body: await services.ledger.transaction(caller, params.channel, params.txId) }),
    }),
    route<z.infer<typeof channel>, z.infer<typeof historyQuery>>({
      method: 'get',
      path: '/api/v1/ledger/{channel}/history',
      operationId: 'getKeyHistory',
      summary: 'Every committed version of one world-state key (composite key), newest first',
      description: `${who} Runs the chaincode's evaluate-only \`network:KeyHistory\`.`,
      tags: ['regulator'],
      auth: 'regulator',
      request: { params: channel, query: historyQuery },
      responses: { 200: { description: 'The key history', schema: history } },
      errors: [...ERRORS, 'CHAINCODE_ERROR'],
      handler: async ({ params, query, caller }) => {
        const ch = services.config.channels.find((c) => c.name === params.channel);
        const chaincode = ch?.chaincodes[0]?.name ?? params.channel;
        const attributes = query.attributes.split(',');
        const result = await services.transactions.evaluate(caller, {
          channel: params.channel,
          chaincode,
          name: 'network:KeyHistory',
          args: [JSON.stringify({ objectType: query.objectType, attributes })],
        });
        return { status: 200, body: result };
      },
    }),
  ];
}
