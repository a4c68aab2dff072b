/**
 * The shapes the gateway API answers with, named for the explorer. Each is a
 * schema of gateway-api/openapi.json, read from the generated
 * `schema.generated.ts` (npm run generate:api), so a change to the gateway's
 * answers shows up here as a type error instead of drifting from a hand copy.
 */
import type { components } from './schema.generated';

type Schemas = components['schemas'];

export type Identity = Schemas['Identity'];
export type ChannelInfo = Schemas['ChannelInfo'];
export type TxIdentity = Schemas['TxIdentity'];
export type DecodedTransaction = Schemas['DecodedTransaction'];
export type DecodedBlock = Schemas['DecodedBlock'];
export type KeyHistory = Schemas['KeyHistory'];
export type HistoryEntry = KeyHistory['history'][number];
/** The envelope of every chaincode transaction route; the chaincode's own result inside is not described by the OpenAPI document. */
export type EvaluateResult = Schemas['EvaluateResult'];
export type ErrorBody = Schemas['Error'];

/**
 * One `block` event of GET /api/v1/events/{channel}/blocks. The OpenAPI
 * document describes that route as a `text/event-stream` string, not the
 * events in it, so this one shape is written out here (gateway-api
 * src/events/events.ts, `summarize`).
 */
export interface BlockSummary {
  number: string;
  dataHash: string;
  transactionCount: number;
  transactions: { transactionId: string; type: string; validationCode?: string; creatorMspId: string; chaincode?: string; function?: string; eventName?: string }[];
}
