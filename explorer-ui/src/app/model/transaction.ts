/** The decoded transaction as the detail page shows it: labelled fields, no raw protobuf terms. */
import type { DecodedTransaction } from '../api/types';
import { commonName, formatTime, isValid } from './format';

export interface TxView {
  id: string;
  channel: string;
  block?: number;
  time: string;
  kind: string;
  chaincode: string;
  contract?: string;
  fn?: string;
  /** Arguments as the chaincode received them (JSON arguments parsed). */
  args: unknown[];
  creator: { mspId: string; name?: string; subject?: string };
  endorsers: { mspId: string; name?: string }[];
  validation: { code: string; valid: boolean };
  event?: { name: string; payload?: unknown };
  response?: { status: number; message: string; payload?: unknown };
  /** undefined: this gateway does not decode read/write sets. */
  rwset?: { namespace: string; reads: string[]; writes: string[] }[];
}

/** `contract:Fn` → [contract, fn]; a function without a contract prefix → [undefined, fn]. */
function splitFunction(fn: string | undefined): [string | undefined, string | undefined] {
  if (!fn?.includes(':')) return [undefined, fn];
  const [contract, name] = fn.split(':', 2);
  return [contract, name];
}

/** An identity as shown: its MSP, and the common name of its certificate subject when there is one. */
function named(id: DecodedTransaction['creator']): { mspId: string; name?: string } {
  const name = commonName(id.subject);
  return { mspId: id.mspId, ...(name ? { name } : {}) };
}

const chaincodeLabel = (cc: DecodedTransaction['chaincode']): string => (cc ? `${cc.name}${cc.version ? ` ${cc.version}` : ''}` : '—');

const kindLabel = (type: string): string => (type === 'ENDORSER_TRANSACTION' ? 'chaincode invocation' : type.toLowerCase().replace(/_/g, ' '));

/** What the chaincode produced, where the transaction carries it: event, response, read/write set keys. */
function outcome(t: DecodedTransaction): Pick<TxView, 'event' | 'response' | 'rwset'> {
  return { ...(t.event ? { event: t.event } : {}), ...(t.response ? { response: t.response } : {}), ...(t.rwset ? { rwset: t.rwset } : {}) };
}

export function txView(t: DecodedTransaction): TxView {
  const [contract, fn] = splitFunction(t.function);
  return {
    id: t.transactionId,
    channel: t.channel,
    ...(t.blockNumber !== undefined && t.blockNumber !== '' ? { block: Number(t.blockNumber) } : {}),
    time: formatTime(t.timestamp),
    kind: kindLabel(t.type),
    chaincode: chaincodeLabel(t.chaincode),
    ...(contract ? { contract } : {}),
    ...(fn ? { fn } : {}),
    args: t.arguments ?? [],
    creator: { ...named(t.creator), ...(t.creator.subject ? { subject: t.creator.subject } : {}) },
    endorsers: (t.endorsers ?? []).map(named),
    validation: { code: t.validationCode ?? 'unknown', valid: isValid(t.validationCode) },
    ...outcome(t),
  };
}
