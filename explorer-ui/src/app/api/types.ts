/**
 * The shapes the gateway API answers with, named for the explorer. Each is a
 * schema of gateway-api/openapi.json, read from the generated
 * `schema.generated.ts` (npm run generate:api), so a change to the gateway's
 * answers shows up here as a type error instead of drifting from a hand copy.
 */
import type { components, paths } from './schema.generated';

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
export type Consortium = Schemas['Consortium'];
export type IndexStatus = Schemas['IndexStatus'];
export type IndexedBlock = Schemas['IndexedBlock'];
export type IndexedBlockPage = Schemas['IndexedBlockPage'];
export type IndexedTransaction = Schemas['IndexedTransaction'];
export type IndexedTransactionPage = Schemas['IndexedTransactionPage'];
export type IndexedState = Schemas['IndexedState'];
export type IndexedStatePage = Schemas['IndexedStatePage'];
export type IndexActivity = Schemas['IndexActivity'];
export type IndexOverview = Schemas['IndexOverview'];
/** The filters of the index's transaction list. */
export type TxQuery = NonNullable<paths['/api/v1/index/{channel}/transactions']['get']['parameters']['query']>;
/** The path and filters of the index's state list. */
export type StateQuery = NonNullable<paths['/api/v1/index/{channel}/state/{objectType}']['get']['parameters']['query']> & { objectType: paths['/api/v1/index/{channel}/state/{objectType}']['get']['parameters']['path']['objectType'] };

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
export type TokenHolder = Schemas['TokenHolder'];
export type TokenHolderPage = Schemas['TokenHolderPage'];
export type TokenMovement = Schemas['TokenMovement'];
export type TokenMovementPage = Schemas['TokenMovementPage'];
export type HolderQuery = NonNullable<paths['/api/v1/index/{channel}/tokens/holders']['get']['parameters']['query']>;
export type MovementQuery = NonNullable<paths['/api/v1/index/{channel}/tokens/movements']['get']['parameters']['query']>;
