/** Server-Sent Event streams of chaincode events and blocks, per channel, resumable. */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';
import { ApiError } from '../http/errors';

const channelParams = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const chaincodeParams = channelParams.extend({ chaincode: z.string().regex(/^[A-Za-z0-9_.+-]{1,128}$/) });
const blockNumber = z.string().regex(/^\d{1,20}$/, 'must be a block number');
const checkpointName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const checkpoint = checkpointName
  .optional()
  .describe('Named server-side checkpoint of the caller: the stream starts from it (a new one starts here); it moves only when the client acknowledges (Last-Event-ID on reconnect, or PUT .../checkpoints/{name})');
const chaincodeQuery = z.object({
  eventNames: z.string().max(1000).optional().describe('Comma-separated event names to deliver (default: all)'),
  fromBlock: blockNumber.optional().describe('Start at this block (default: the next block); Last-Event-ID and checkpoint take precedence'),
  checkpoint,
});
const blockQuery = z.object({ fromBlock: blockNumber.optional(), checkpoint });
const eventId = z.string().regex(/^\d{1,20}(:[0-9a-f]{1,128})?$/, 'must be <block> or <block>:<transactionId>');
const lastEventId = z.object({
  'last-event-id': eventId.optional().describe('Resume after this event (`<block>:<txId>`, or `<block>` for blocks); with a checkpoint, acknowledges everything up to it'),
});
const checkpointParams = channelParams.extend({ name: checkpointName });
const ackBody = z.object({ lastEventId: eventId.describe('The last event the client has handled: the checkpoint moves right after it') }).openapi('CheckpointAck');
const checkpointBody = z
  .object({
    name: z.string(),
    channel: z.string(),
    blockNumber: z.string().describe('The next block a stream from this checkpoint reads'),
    transactionId: z.string().optional().describe('The last transaction of that block already handled'),
    updatedAt: z.string(),
  })
  .openapi('Checkpoint');
const checkpointJson = (c: { name: string; channel: string; blockNumber: bigint; transactionId?: string; updatedAt: string }): z.infer<typeof checkpointBody> => ({
  ...c,
  blockNumber: c.blockNumber.toString(),
});

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
        'Reconnect with Last-Event-ID (EventSource does this) or a named checkpoint to continue right after the last event. ' +
        'At most 5 open streams per identity (429 beyond); a consumer that stops reading gets a final `event: closed` (reason slow-consumer) and is disconnected.',
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
    route<z.infer<typeof checkpointParams>, unknown, z.infer<typeof ackBody>>({
      method: 'put',
      path: '/api/v1/events/{channel}/checkpoints/{name}',
      operationId: 'acknowledgeCheckpoint',
      summary: 'Acknowledge events of a named checkpoint: the checkpoint moves right after lastEventId (never backwards)',
      tags: ['events'],
      auth: 'user',
      request: { params: checkpointParams, body: ackBody },
      responses: { 200: { description: 'The checkpoint', schema: checkpointBody } },
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'CONFLICT', 'RATE_LIMITED'],
      handler: ({ params, body, caller }) => {
        services.sessions.requireChannel(caller.mspId, params.channel);
        return Promise.resolve({ status: 200, body: checkpointJson(services.events.checkpoints.acknowledge(caller, params.name, params.channel, body.lastEventId)) });
      },
    }),
    route<z.infer<typeof checkpointParams>>({
      method: 'get',
      path: '/api/v1/events/{channel}/checkpoints/{name}',
      operationId: 'getCheckpoint',
      summary: 'A named checkpoint of the caller',
      tags: ['events'],
      auth: 'user',
      request: { params: checkpointParams },
      responses: { 200: { description: 'The checkpoint', schema: checkpointBody } },
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
      handler: ({ params, caller }) => {
        services.sessions.requireChannel(caller.mspId, params.channel);
        const found = services.events.checkpoints.get(caller, params.name, params.channel);
        if (!found) throw new ApiError('NOT_FOUND', `no checkpoint ${params.name}`);
        return Promise.resolve({ status: 200, body: checkpointJson(found) });
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
