/**
 * Key history as a timeline: each committed version with what changed since
 * the version before it (top-level fields), oldest first, so a reader follows
 * an asset's life the way it happened.
 */
import type { HistoryEntry } from '../api/types';

export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface TimelineEntry {
  txId: string;
  timestamp: string;
  isDelete: boolean;
  /** First version: everything is new; then the fields whose values differ. */
  created: boolean;
  changes: FieldChange[];
  value?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Fields that change on every write and so say nothing. */
const NOISE = new Set(['updatedAt']);

export function diffFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) return same(before, after) ? [] : [{ field: '(value)', from: before, to: after }];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !NOISE.has(f)).sort();
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, ...(f in before ? { from: before[f] } : {}), ...(f in after ? { to: after[f] } : {}) }));
}

/** The gateway and `audit:History` answer newest first; the timeline reads oldest first. */
export function timeline(history: HistoryEntry[]): TimelineEntry[] {
  const oldestFirst = [...history].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  return oldestFirst.map((e, i) => {
    const prev = i > 0 ? oldestFirst[i - 1] : undefined;
    return {
      txId: e.txId,
      timestamp: e.timestamp,
      isDelete: e.isDelete,
      created: prev === undefined || prev.isDelete,
      changes: prev === undefined || prev.isDelete || e.isDelete ? [] : diffFields(prev.value, e.value),
      ...(e.value !== undefined ? { value: e.value } : {}),
    };
  });
}
