/** Server-Sent Event streams of chaincode events and blocks, per channel, resumable. */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

const channelParams = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const chaincodeParams = channelParams.extend({ chaincode: z.string().regex(/^[A-Za-z0-9_.+-]{1,128}$/) });
const blockNumber = z.string().regex(/^\d{1,20}$/, 'must be a block number');
const checkpoint = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional().describe('Named server-side checkpoint: the stream saves its position under this name and resumes from it');
const chaincodeQuery = z.object({
  eventNames: z.string().max(1000).optional().describe('Comma-separated event names to deliver (default: all)'),
  fromBlock: blockNumber.optional().describe('Start at this block (default: the next block); Last-Event-ID and checkpoint take precedence'),
  checkpoint,
});
const blockQuery = z.object({ fromBlock: blockNumber.optional(), checkpoint });
const lastEventId = z.object({ 'last-event-id': z.string().optional().describe('Resume after this event (`<block>:<txId>`, or `<block>` for blocks)') });

const STREAM_ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'NETWORK_UNAVAILABLE'] as const;

export function eventRoutes(services: Services): AnyRoute[] {
  return [
    route<z.infer<typeof chaincodeParams>, z.infer<typeof chaincodeQuery>>({
      method: 'get',
      path: '/api/v1/events/{channel}/chaincode/{chaincode}',
      operationId: 'streamChaincodeEvents',
      summary: 'Server-Sent Events: chaincode events of one chaincode, resumable',
      description:
        'Each event: `id: <block>:<txId>`, `event: <eventName>`, `data: {blockNumber, transactionId, chaincode, eventName, payload}`. ' +
        'Reconnect with Last-Event-ID (EventSource does this) or a named checkpoint to continue right after the last event.',
      tags: ['events'],
      auth: 'user',
      request: { params: chaincodeParams, query: chaincodeQuery, headers: lastEventId },
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream', schema: z.string() } },
      errors: [...STREAM_ERRORS],
      handler: async ({ params, query, caller, req, res }) => {
        await services.events.streamChaincodeEvents(caller, req, res, {
          channel: params.channel,
          chaincode: params.chaincode,
          ...(query.eventNames ? { eventNames: query.eventNames.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
          ...(query.fromBlock ? { fromBlock: BigInt(query.fromBlock) } : {}),
          ...(query.checkpoint ? { checkpoint: query.checkpoint } : {}),
        });
        return undefined;
      },
    }),
    route<z.infer<typeof channelParams>, z.infer<typeof blockQuery>>({
      method: 'get',
      path: '/api/v1/events/{channel}/blocks',
      operationId: 'streamBlocks',
      summary: 'Server-Sent Events: one summary per committed block, resumable',
      description: 'Each event: `id: <block>`, `event: block`, `data: {number, dataHash, transactionCount, transactions: [{transactionId, validationCode, chaincode, function, ...}]}`.',
      tags: ['events'],
      auth: 'user',
      request: { params: channelParams, query: blockQuery, headers: lastEventId },
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream', schema: z.string() } },
      errors: [...STREAM_ERRORS],
      handler: async ({ params, query, caller, req, res }) => {
        await services.events.streamBlocks(caller, req, res, {
          channel: params.channel,
          ...(query.fromBlock ? { fromBlock: BigInt(query.fromBlock) } : {}),
          ...(query.checkpoint ? { checkpoint: query.checkpoint } : {}),
        });
        return undefined;
      },
    }),
  ];
}
