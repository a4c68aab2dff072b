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

export function txView(t: DecodedTransaction): TxView {
  const [contract, fn] = t.function?.includes(':') ? t.function.split(':', 2) : [undefined, t.function];
  const creatorName = commonName(t.creator.subject);
  return {
    id: t.transactionId,
    channel: t.channel,
    ...(t.blockNumber !== undefined && t.blockNumber !== '' ? { block: Number(t.blockNumber) } : {}),
    time: formatTime(t.timestamp),
    kind: t.type === 'ENDORSER_TRANSACTION' ? 'chaincode invocation' : t.type.toLowerCase().replace(/_/g, ' '),
    chaincode: t.chaincode ? `${t.chaincode.name}${t.chaincode.version ? ` ${t.chaincode.version}` : ''}` : '—',
    ...(contract ? { contract } : {}),
    ...(fn ? { fn } : {}),
    args: t.arguments ?? [],
    creator: { mspId: t.creator.mspId, ...(creatorName ? { name: creatorName } : {}), ...(t.creator.subject ? { subject: t.creator.subject } : {}) },
    endorsers: (t.endorsers ?? []).map((e) => {
      const name = commonName(e.subject);
      return { mspId: e.mspId, ...(name ? { name } : {}) };
    }),
    validation: { code: t.validationCode ?? 'unknown', valid: isValid(t.validationCode) },
    ...(t.event ? { event: t.event } : {}),
    ...(t.response ? { response: t.response } : {}),
    ...(t.rwset ? { rwset: t.rwset } : {}),
  };
}
