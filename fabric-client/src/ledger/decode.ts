/**
 * Decodes blocks and transactions from their protobufs into JSON a regulator
 * can read: channel header, creator MSP, chaincode, function and arguments,
 * endorsers, validation code, read/write set keys, chaincode response and event. Transient data is
 * never in a block, so private inputs never show up here.
 */
import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';
import { X509Certificate } from 'node:crypto';
import { validationCodeName } from '../validation-codes';

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

/**
 * Subjects of certificates already parsed, by their bytes: a block names the same
 * few creators and endorsers over and over, and parsing X.509 was a tenth of the
 * gateway API's CPU under load. Bounded: emptied when it reaches SUBJECT_CACHE_SIZE.
 */
const subjects = new Map<string, string | null>();
const SUBJECT_CACHE_SIZE = 2_000;

function subjectOf(cert: Uint8Array): string | undefined {
  const key = Buffer.from(cert).toString('latin1');
  let subject = subjects.get(key);
  if (subject === undefined) {
    try {
      subject = new X509Certificate(Buffer.from(cert)).subject.replace(/\n/g, ', ');
    } catch {
      subject = null; // not an X.509 identity: MSP only
    }
    if (subjects.size >= SUBJECT_CACHE_SIZE) subjects.clear();
    subjects.set(key, subject);
  }
  return subject ?? undefined;
}

function identity(bytes: Uint8Array): DecodedIdentity {
  const id = msp.SerializedIdentity.deserializeBinary(bytes);
  const out: DecodedIdentity = { mspId: id.getMspid() };
  const subject = subjectOf(id.getIdBytes_asU8());
  if (subject !== undefined) out.subject = subject;
  return out;
}

/** google-protobuf's Timestamp, whose types fabric-protos references but does not ship. */
interface ProtoTimestamp {
  getSeconds(): number;
  getNanos(): number;
}

function isoTime(ts: ProtoTimestamp | undefined): { timestamp?: string } {
  return ts ? { timestamp: new Date(ts.getSeconds() * 1000 + Math.floor(ts.getNanos() / 1e6)).toISOString() } : {};
}

/** Function and arguments of the chaincode invocation a transaction proposed. */
function invocation(actionPayload: peer.ChaincodeActionPayload): Pick<DecodedTransaction, 'chaincode' | 'function' | 'arguments'> {
  const proposalPayload = peer.ChaincodeProposalPayload.deserializeBinary(actionPayload.getChaincodeProposalPayload_asU8());
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(proposalPayload.getInput_asU8()).getChaincodeSpec();
  const args = spec?.getInput()?.getArgsList_asU8() ?? [];
  return {
    chaincode: { name: spec?.getChaincodeId()?.getName() ?? '' },
    ...(args[0] ? { function: Buffer.from(args[0]).toString('utf8') } : {}),
    arguments: args.slice(1).map(text),
  };
}

function chaincodeEvent(eventBytes: Uint8Array): Pick<DecodedTransaction, 'event'> {
  if (eventBytes.length === 0) return {};
  const event = peer.ChaincodeEvent.deserializeBinary(eventBytes);
  if (!event.getEventName()) return {};
  const payload = text(event.getPayload_asU8());
  return { event: { name: event.getEventName(), ...(payload !== undefined ? { payload } : {}) } };
}

/** What the endorsers signed: who they are, the chaincode version, read/write set, response and event. */
function endorsement(endorsed: peer.ChaincodeEndorsedAction): Pick<DecodedTransaction, 'endorsers' | 'rwset' | 'response' | 'event'> & { version?: string } {
  const responsePayload = peer.ProposalResponsePayload.deserializeBinary(endorsed.getProposalResponsePayload_asU8());
  const ccAction = peer.ChaincodeAction.deserializeBinary(responsePayload.getExtension_asU8());
  const version = ccAction.getChaincodeId()?.getVersion();
  const response = ccAction.getResponse();
  const payload = response ? text(response.getPayload_asU8()) : undefined;
  return {
    endorsers: endorsed.getEndorsementsList().map((e) => identity(e.getEndorser_asU8())),
    ...(version ? { version } : {}),
    rwset: decodeRwSet(ccAction.getResults_asU8()),
    ...(response ? { response: { status: response.getStatus(), message: response.getMessage(), ...(payload !== undefined ? { payload } : {}) } } : {}),
    ...chaincodeEvent(ccAction.getEvents_asU8()),
  };
}

/** The chaincode part of an endorser transaction (empty for a transaction without actions). */
function endorserTransaction(data: Uint8Array): Partial<DecodedTransaction> {
  const action = peer.Transaction.deserializeBinary(data).getActionsList()[0];
  if (!action) return {};
  const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  const proposed = invocation(actionPayload);
  const endorsed = actionPayload.getAction();
  if (!endorsed) return proposed;
  const { version, ...rest } = endorsement(endorsed);
  return { ...proposed, ...rest, chaincode: { name: proposed.chaincode?.name ?? '', ...(version ? { version } : {}) } };
}

export function decodeEnvelope(envelopeBytes: Uint8Array, validationCode?: number): DecodedTransaction {
  const envelope = common.Envelope.deserializeBinary(envelopeBytes);
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const header = payload.getHeader();
  if (!header) throw new Error('envelope without header');
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  const signatureHeader = common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8());
  const out: DecodedTransaction = {
    transactionId: channelHeader.getTxId(),
    type: HEADER_TYPES[channelHeader.getType()] ?? String(channelHeader.getType()),
    channel: channelHeader.getChannelId(),
    ...isoTime(channelHeader.getTimestamp() as ProtoTimestamp | undefined),
    creator: identity(signatureHeader.getCreator_asU8()),
    ...(validationCode !== undefined ? { validationCode: validationCodeName(validationCode) } : {}),
  };
  if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return out;
  return { ...out, ...endorserTransaction(payload.getData_asU8()) };
}

/** The validation code of each transaction in the block, by position. */
function validationCodes(block: common.Block): Uint8Array {
  return block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array();
}

export function decodeBlock(block: common.Block): DecodedBlock {
  const header = block.getHeader();
  const number = String(header?.getNumber() ?? 0);
  const filter = validationCodes(block);
  const envelopes = block.getData()?.getDataList_asU8() ?? [];
  const transactions = envelopes.map((env, i) => ({ ...decodeEnvelope(env, filter[i]), blockNumber: number }));
  return {
    number,
    previousHash: Buffer.from(header?.getPreviousHash_asU8() ?? []).toString('hex'),
    dataHash: Buffer.from(header?.getDataHash_asU8() ?? []).toString('hex'),
    transactionCount: transactions.length,
    transactions,
  };
}
