/**
 * What a search box entry is. The kinds follow the ID formats of the network:
 * block numbers, 64-hex transaction IDs, eIDs (`eid:p:`/`eid:d:` + 32 hex,
 * chaincode/energy README), token system accounts (`sys:…`) and otherwise a
 * business asset ID (lease, receivable part `L1.2`, order, receipt, financing).
 */

export type SearchKind =
  | { kind: 'block'; number: number }
  | { kind: 'tx'; txId: string }
  | { kind: 'eid'; eid: string; device: boolean }
  | { kind: 'account'; account: string }
  | { kind: 'asset'; id: string }
  | { kind: 'invalid'; reason: string };

const ASSET_ID = /^[A-Za-z0-9_-]{1,64}(\.\d+)*$/;

export function classify(input: string): SearchKind {
  const q = input.trim();
  if (q === '') return { kind: 'invalid', reason: 'type a block number, transaction ID, eID or asset ID' };
  if (/^\d{1,15}$/.test(q)) return { kind: 'block', number: Number(q) };
  if (/^[0-9a-fA-F]{64}$/.test(q)) return { kind: 'tx', txId: q.toLowerCase() };
  const eid = /^eid:([pd]):[0-9a-f]{32}$/.exec(q);
  if (eid) return { kind: 'eid', eid: q, device: eid[1] === 'd' };
  if (/^sys:[a-z]+$/.test(q)) return { kind: 'account', account: q };
  if (ASSET_ID.test(q)) return { kind: 'asset', id: q };
  return { kind: 'invalid', reason: `"${q}" is not a block number, transaction ID, eID or asset ID` };
}

/** The asset types `audit:History` knows (chaincode/scf README), tried in this order. */
export const SCF_ASSET_TYPES = ['receivable', 'lease', 'order', 'receipt', 'financing'] as const;
export type ScfAssetType = (typeof SCF_ASSET_TYPES)[number];
