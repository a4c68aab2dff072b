/**
 * What the index keeps of one block, pulled from its protobuf: a row for the
 * block, one per transaction (type, function, creator, validation), the
 * participant eIDs each transaction names, and the world-state writes of the
 * object types the explorer lists (zones, slots' clearings, meters, their
 * readings' intervals, receivables, token supply, charge points and their
 * connectors, charging sessions, maintenance orders). Only valid transactions
 * count as writes: an invalidated one changed nothing.
 */
import { decodeBlock, readableKey, type DecodedTransaction } from '@dec/fabric-client';
import { common, ledger, peer } from '@hyperledger/fabric-protos';

/** Object types whose writes are indexed (their values are public on the channel already). */
export const INDEXED_TYPES = [
  'market.zone',
  'market.clearing',
  'meter.meter',
  'meter.cursor',
  'meter.zone',
  'meter.interval',
  'meter.anomaly',
  'receivable',
  'token.supply',
  'token.entry',
  'st.order',
  'charging.point',
  'charging.connector',
  'charging.ses',
  'maint.ord',
] as const;
export type IndexedType = (typeof INDEXED_TYPES)[number];
const INDEXED = new Set<string>(INDEXED_TYPES);

/** Key types whose first attribute is a participant's eID. */
const EID_KEYS = new Set(['market.by-owner', 'market.trade-by', 'token.entry', 'meter.meter', 'meter.cursor']);
/** Argument fields that hold a participant's eID (`eid`, `sellerEid`, `meterEid`, ...). */
const EID_FIELD = /^(eid|[a-z]+Eid)$/;
const MAX_EIDS_PER_TX = 32;
/** Longest value kept; a longer one is stored as null (the transaction still links to it). */
const MAX_VALUE_CHARS = 16_384;

export interface BlockRow { number: number; txCount: number; invalidCount: number; time: string | null; dataHash: string; functions: string[]; creators: string[] }
export interface TxRow { index: number; txId: string; type: string; time: string | null; creatorMsp: string; chaincode: string | null; function: string | null; validation: string | null }
export interface WriteRow { objectType: string; key: string; firstAttr: string; secondAttr: string; value: string | null; deleted: boolean; txIndex: number; txId: string; time: string | null }
export interface ExtractedBlock { block: BlockRow; txs: TxRow[]; participants: { eid: string; txIndex: number }[]; writes: WriteRow[] }

interface RawWrite { key: string; value: Uint8Array; deleted: boolean }

/** The public KV writes of an endorser transaction (no private data: only hashes are in a block). */
function rawWrites(envelopeBytes: Uint8Array): RawWrite[] {
  const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8());
  const action = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList()[0];
  const endorsed = action ? peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction() : undefined;
  if (!endorsed) return [];
  const response = peer.ProposalResponsePayload.deserializeBinary(endorsed.getProposalResponsePayload_asU8());
  const results = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8()).getResults_asU8();
  if (results.length === 0) return [];
  return ledger.rwset.TxReadWriteSet.deserializeBinary(results)
    .getNsRwsetList()
    .flatMap((ns) => ledger.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8()).getWritesList())
    .map((w) => ({ key: readableKey(w.getKey()), value: w.getValue_asU8(), deleted: w.getIsDelete() }));
}

function writeRow(raw: RawWrite, tx: TxRow): WriteRow | undefined {
  const [objectType = '', first = '', second = ''] = raw.key.split('~');
  if (!INDEXED.has(objectType)) return undefined;
  const text = Buffer.from(raw.value).toString('utf8');
  return {
    objectType,
    key: raw.key.slice(objectType.length + 1),
    firstAttr: first,
    secondAttr: second,
    value: raw.deleted || text.length > MAX_VALUE_CHARS ? null : text,
    deleted: raw.deleted,
    txIndex: tx.index,
    txId: tx.txId,
    time: tx.time,
  };
}

/** eIDs in the fields of one JSON argument (one level deep). */
function eidsOfArgument(arg: unknown): string[] {
  if (typeof arg !== 'object' || arg === null) return [];
  return Object.entries(arg as Record<string, unknown>)
    .filter(([field, value]) => EID_FIELD.test(field) && typeof value === 'string' && value.length > 0 && value.length <= 128)
    .map(([, value]) => value as string);
}

/** The eID a written key starts with, for key types led by one. */
function eidOfKey(key: string): string | undefined {
  const [objectType = '', first] = key.split('~');
  return EID_KEYS.has(objectType) && first ? first : undefined;
}

/** eIDs named in a transaction's JSON arguments and in the keys it wrote. */
function eidsOf(tx: DecodedTransaction, writes: RawWrite[]): string[] {
  const found = new Set<string>((tx.arguments ?? []).flatMap(eidsOfArgument));
  for (const w of writes) {
    const eid = eidOfKey(w.key);
    if (eid) found.add(eid);
  }
  return [...found].slice(0, MAX_EIDS_PER_TX);
}

function txRow(tx: DecodedTransaction, index: number): TxRow {
  return {
    index,
    txId: tx.transactionId,
    type: tx.type,
    time: tx.timestamp ?? null,
    creatorMsp: tx.creator.mspId,
    chaincode: tx.chaincode?.name ?? null,
    function: tx.function ?? (tx.type === 'CONFIG' ? 'config' : null),
    validation: tx.validationCode ?? null,
  };
}

const uniq = (xs: (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => x !== null))];

export function extractBlock(block: common.Block): ExtractedBlock {
  const decoded = decodeBlock(block);
  const envelopes = block.getData()?.getDataList_asU8() ?? [];
  const txs = decoded.transactions.map(txRow);
  const participants: ExtractedBlock['participants'] = [];
  const writes: WriteRow[] = [];
  decoded.transactions.forEach((tx, i) => {
    const row = txs[i];
    const envelope = envelopes[i];
    if (!row || !envelope || tx.type !== 'ENDORSER_TRANSACTION') return;
    const raw = rawWrites(envelope);
    for (const eid of eidsOf(tx, raw)) participants.push({ eid, txIndex: i });
    if (tx.validationCode !== 'VALID') return;
    for (const w of raw) {
      const indexed = writeRow(w, row);
      if (indexed) writes.push(indexed);
    }
  });
  const times = txs.map((t) => t.time).filter((t): t is string => t !== null).sort();
  return {
    block: {
      number: Number(decoded.number),
      txCount: txs.length,
      invalidCount: txs.filter((t) => t.validation !== null && t.validation !== 'VALID').length,
      time: times[times.length - 1] ?? null,
      dataHash: decoded.dataHash,
      functions: uniq(txs.map((t) => t.function)),
      creators: uniq(txs.map((t) => t.creatorMsp)),
    },
    txs,
    participants,
    writes,
  };
}
