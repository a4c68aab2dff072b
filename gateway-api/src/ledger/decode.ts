/**
 * Decodes blocks and transactions from their protobufs into JSON a regulator
 * can read: channel header, creator MSP, chaincode, function and arguments,
 * endorsers, validation code, read/write set keys, chaincode response and event. Transient data is
 * never in a block, so private inputs never show up here.
 */
import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';
import { X509Certificate } from 'node:crypto';
import { validationCodeName } from '../http/errors';

const HEADER_TYPES: Record<number, string> = { 0: 'MESSAGE', 1: 'CONFIG', 2: 'CONFIG_UPDATE', 3: 'ENDORSER_TRANSACTION', 4: 'ORDERER_TRANSACTION', 5: 'DELIVER_SEEK_INFO', 6: 'CHAINCODE_PACKAGE' };

export interface DecodedIdentity {
  mspId: string;
  subject?: string;
}

export interface DecodedTransaction {
  transactionId: string;
  type: string;
  channel: string;
  timestamp?: string;
  creator: DecodedIdentity;
  validationCode?: string;
  blockNumber?: string;
  chaincode?: { name: string; version?: string };
  function?: string;
  arguments?: unknown[];
  endorsers?: DecodedIdentity[];
  /** Keys read and written per namespace (composite keys shown as `type~attr~...`); private writes by collection, as hashes. */
  rwset?: DecodedRwSet[];
  response?: { status: number; message: string; payload?: unknown };
  event?: { name: string; payload?: unknown };
}

export interface DecodedRwSet {
  namespace: string;
  reads: string[];
  writes: string[];
  deletes: string[];
  rangeQueries: { start: string; end: string }[];
  privateWrites: { collection: string; keyHashes: string[] }[];
}

export interface DecodedBlock {
  number: string;
  previousHash: string;
  dataHash: string;
  transactionCount: number;
  transactions: DecodedTransaction[];
}

/** `\u0000type\u0000a\u0000b\u0000` -> `type~a~b`; other keys as they are. */
export function readableKey(key: string): string {
  if (!key.startsWith('\u0000')) return key;
  const parts = key.slice(1).split('\u0000');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.join('~');
}

export function decodeRwSet(results: Uint8Array): DecodedRwSet[] {
  if (results.length === 0) return [];
  return ledger.rwset.TxReadWriteSet.deserializeBinary(results)
    .getNsRwsetList()
    .map((ns) => {
      const kv = ledger.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8());
      const writes = kv.getWritesList();
      return {
        namespace: ns.getNamespace(),
        reads: kv.getReadsList().map((r) => readableKey(r.getKey())),
        writes: writes.filter((w) => !w.getIsDelete()).map((w) => readableKey(w.getKey())),
        deletes: writes.filter((w) => w.getIsDelete()).map((w) => readableKey(w.getKey())),
        rangeQueries: kv.getRangeQueriesInfoList().map((q) => ({ start: readableKey(q.getStartKey()), end: readableKey(q.getEndKey()) })),
        privateWrites: ns.getCollectionHashedRwsetList().map((c) => {
          const hashed = ledger.rwset.kvrwset.HashedRWSet.deserializeBinary(c.getHashedRwset_asU8());
          return { collection: c.getCollectionName(), keyHashes: hashed.getHashedWritesList().map((w) => Buffer.from(w.getKeyHash_asU8()).toString('hex')) };
        }),
      };
    })
    .filter((ns) => ns.reads.length + ns.writes.length + ns.deletes.length + ns.rangeQueries.length + ns.privateWrites.length > 0);
}

const text = (bytes: Uint8Array): unknown => {
  const s = Buffer.from(bytes).toString('utf8');
  if (s.length === 0) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return /^[\x20-\x7e\s]*$/.test(s) ? s : Buffer.from(bytes).toString('base64');
  }
};

function identity(bytes: Uint8Array): DecodedIdentity {
  const id = msp.SerializedIdentity.deserializeBinary(bytes);
  const out: DecodedIdentity = { mspId: id.getMspid() };
  try {
    out.subject = new X509Certificate(Buffer.from(id.getIdBytes_asU8())).subject.replace(/\n/g, ', ');
  } catch {
    // not an X.509 identity: MSP only
  }
  return out;
}

export function decodeEnvelope(envelopeBytes: Uint8Array, validationCode?: number): DecodedTransaction {
  const envelope = common.Envelope.deserializeBinary(envelopeBytes);
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const header = payload.getHeader();
  if (!header) throw new Error('envelope without header');
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  const signatureHeader = common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8());
  const ts = channelHeader.getTimestamp();
  const out: DecodedTransaction = {
    transactionId: channelHeader.getTxId(),
    type: HEADER_TYPES[channelHeader.getType()] ?? String(channelHeader.getType()),
    channel: channelHeader.getChannelId(),
    ...(ts ? { timestamp: new Date(ts.getSeconds() * 1000 + Math.floor(ts.getNanos() / 1e6)).toISOString() } : {}),
    creator: identity(signatureHeader.getCreator_asU8()),
    ...(validationCode !== undefined ? { validationCode: validationCodeName(validationCode) } : {}),
  };
  if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return out;

  const tx = peer.Transaction.deserializeBinary(payload.getData_asU8());
  const action = tx.getActionsList()[0];
  if (!action) return out;
  const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  const proposalPayload = peer.ChaincodeProposalPayload.deserializeBinary(actionPayload.getChaincodeProposalPayload_asU8());
  const invocation = peer.ChaincodeInvocationSpec.deserializeBinary(proposalPayload.getInput_asU8());
  const spec = invocation.getChaincodeSpec();
  const args = spec?.getInput()?.getArgsList_asU8() ?? [];
  out.chaincode = { name: spec?.getChaincodeId()?.getName() ?? '' };
  if (args[0]) out.function = Buffer.from(args[0]).toString('utf8');
  out.arguments = args.slice(1).map(text);

  const endorsed = actionPayload.getAction();
  if (endorsed) {
    out.endorsers = endorsed.getEndorsementsList().map((e) => identity(e.getEndorser_asU8()));
    const responsePayload = peer.ProposalResponsePayload.deserializeBinary(endorsed.getProposalResponsePayload_asU8());
    const ccAction = peer.ChaincodeAction.deserializeBinary(responsePayload.getExtension_asU8());
    const version = ccAction.getChaincodeId()?.getVersion();
    if (version) out.chaincode.version = version;
    out.rwset = decodeRwSet(ccAction.getResults_asU8());
    const response = ccAction.getResponse();
    if (response) {
      const payloadValue = text(response.getPayload_asU8());
      out.response = { status: response.getStatus(), message: response.getMessage(), ...(payloadValue !== undefined ? { payload: payloadValue } : {}) };
    }
    const eventBytes = ccAction.getEvents_asU8();
    if (eventBytes.length > 0) {
      const event = peer.ChaincodeEvent.deserializeBinary(eventBytes);
      if (event.getEventName()) {
        const eventPayload = text(event.getPayload_asU8());
        out.event = { name: event.getEventName(), ...(eventPayload !== undefined ? { payload: eventPayload } : {}) };
      }
    }
  }
  return out;
}

export function decodeBlock(block: common.Block): DecodedBlock {
  const header = block.getHeader();
  const number = header?.getNumber() ?? 0;
  const filter = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array();
  const envelopes = block.getData()?.getDataList_asU8() ?? [];
  const transactions = envelopes.map((env, i) => {
    const decoded = decodeEnvelope(env, filter[i]);
    decoded.blockNumber = String(number);
    return decoded;
  });
  return {
    number: String(number),
    previousHash: Buffer.from(header?.getPreviousHash_asU8() ?? []).toString('hex'),
    dataHash: Buffer.from(header?.getDataHash_asU8() ?? []).toString('hex'),
    transactionCount: transactions.length,
    transactions,
  };
}
