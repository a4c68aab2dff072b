/**
 * Block list paging. Pages are anchored at a block number (`from`, the newest
 * block on the page) rather than a page index, so a page stays the same while
 * new blocks commit on top, and a page costs exactly `size` block reads —
 * never a scan of the chain.
 */
import type { BlockSummary, DecodedBlock, IndexedBlock } from '../api/types';

export const PAGE_SIZE = 10;

export interface BlockPage {
  /** Block numbers on this page, newest first. */
  numbers: number[];
  /** `from` of the next newer page below the head (absent on and just below the head: then "newer" is the head page). */
  newer?: number;
  /** `from` of the next older page, if any. */
  older?: number;
  /** Whether this page shows the head of the chain (and so takes live blocks). */
  atHead: boolean;
}

export function blockPage(height: number, from: number | undefined, size = PAGE_SIZE): BlockPage {
  const head = height - 1;
  const top = from === undefined ? head : Math.max(0, Math.min(from, head));
  const bottom = Math.max(0, top - size + 1);
  const numbers: number[] = [];
  for (let n = top; n >= bottom && n >= 0; n--) numbers.push(n);
  const atHead = top === head;
  const newerTop = top + size;
  return {
    numbers,
    atHead,
    ...(!atHead && newerTop < head ? { newer: newerTop } : {}),
    ...(bottom > 0 ? { older: bottom - 1 } : {}),
  };
}

/** A row of the block list, from a decoded block or a live summary alike. */
export interface BlockRow {
  number: number;
  transactionCount: number;
  /** Time of the newest transaction (blocks carry no time of their own). */
  time?: string;
  functions: string[];
  creators: string[];
  invalid: number;
}

const uniq = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];

export function rowOfBlock(b: DecodedBlock): BlockRow {
  const times = b.transactions.map((t) => t.timestamp).filter((t): t is string => !!t).sort();
  const time = times[times.length - 1];
  return {
    number: Number(b.number),
    transactionCount: b.transactionCount,
    ...(time ? { time } : {}),
    functions: uniq(b.transactions.map((t) => t.function ?? (t.type === 'CONFIG' ? 'config' : undefined))),
    creators: uniq(b.transactions.map((t) => t.creator.mspId)),
    invalid: b.transactions.filter((t) => t.validationCode && t.validationCode !== 'VALID').length,
  };
}

export function rowOfIndexed(b: IndexedBlock): BlockRow {
  return {
    number: Number(b.number),
    transactionCount: b.transactionCount,
    ...(b.time ? { time: b.time } : {}),
    functions: b.functions,
    creators: b.creators,
    invalid: b.invalidCount,
  };
}

export function rowOfSummary(s: BlockSummary, receivedAt?: string): BlockRow {
  return {
    number: Number(s.number),
    transactionCount: s.transactionCount,
    ...(receivedAt ? { time: receivedAt } : {}),
    functions: uniq(s.transactions.map((t) => t.function ?? (t.type === 'CONFIG' ? 'config' : undefined))),
    creators: uniq(s.transactions.map((t) => t.creatorMspId)),
    invalid: s.transactions.filter((t) => t.validationCode && t.validationCode !== 'VALID').length,
  };
}

/** Adds a live row on top of the head page: no duplicates, newest first, page size kept. */
export function mergeLive(rows: BlockRow[], row: BlockRow, size = PAGE_SIZE): BlockRow[] {
  if (rows.some((r) => r.number === row.number)) return rows;
  return [row, ...rows].sort((a, b) => b.number - a.number).slice(0, size);
}
