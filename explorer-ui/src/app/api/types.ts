/**
 * Shapes the gateway API answers with (gateway-api/src/routes/*.ts, its
 * OpenAPI components DecodedBlock, DecodedTransaction, ChannelInfo, Identity,
 * KeyHistory), written out here because the browser bundle must not import
 * the gateway's server code.
 */

export interface Identity {
  id: string;
  mspId: string;
  enrollmentId: string;
  apiRole: 'admin' | 'user';
  attributes: Record<string, string>;
  status: string;
}

export interface ChannelInfo {
  channel: string;
  height: string;
  currentBlockHash: string;
  previousBlockHash: string;
  orgs: string[];
  chaincodes: string[];
}

export interface TxIdentity {
  mspId: string;
  subject?: string;
}

export interface DecodedTransaction {
  transactionId: string;
  type: string;
  channel: string;
  timestamp?: string;
  blockNumber?: string;
  validationCode?: string;
  creator: TxIdentity;
  chaincode?: { name: string; version?: string };
  function?: string;
  arguments?: unknown[];
  endorsers?: TxIdentity[];
  response?: { status: number; message: string; payload?: unknown };
  event?: { name: string; payload?: unknown };
  /** Not in the gateway's DecodedTransaction yet; shown when a gateway adds it. */
  rwset?: { namespace: string; reads: string[]; writes: string[] }[];
}

export interface DecodedBlock {
  number: string;
  previousHash: string;
  dataHash: string;
  transactionCount: number;
  transactions: DecodedTransaction[];
}

/** One event of GET /api/v1/events/{channel}/blocks. */
export interface BlockSummary {
  number: string;
  dataHash: string;
  transactionCount: number;
  transactions: { transactionId: string; type: string; validationCode?: string; creatorMspId: string; chaincode?: string; function?: string; eventName?: string }[];
}

export interface HistoryEntry {
  txId: string;
  timestamp: string;
  isDelete: boolean;
  value?: unknown;
}
