/**
 * Renders chaincode results whose shape the explorer does not model (order
 * books, meter anomalies, ...): arrays of records become tables, anything else
 * readable JSON. Values are shown as text only.
 */
import { valueText } from '../model/format';
import { code, h, table } from './dom';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const cell = (v: unknown): string => (v === undefined || v === null ? '' : valueText(v));

export function objectTable(items: unknown[], attrs: Record<string, string> = {}): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, 'None.');
  if (!items.every(isRecord)) return code(JSON.stringify(items, null, 2));
  const columns = [...new Set(items.flatMap((i) => Object.keys(i)))].slice(0, 10);
  return table(columns, items.map((i) => columns.map((c) => cell(i[c]))), attrs);
}

/** `{items, bookmark}` pages and plain arrays alike. */
export function itemsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (isRecord(result) && Array.isArray(result.items)) return result.items;
  return [];
}
