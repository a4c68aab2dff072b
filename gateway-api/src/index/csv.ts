/**
 * The index's list pages as CSV (RFC 4180), what regulators file. One row per
 * item; an item's nested object (a state value) is spread into `value.<field>`
 * columns, anything deeper goes in as JSON text. A cell that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return)
 * is neutralised with a leading apostrophe: the data come from other orgs.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers and booleans as they are, text neutralised and quoted when it must be. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An item's columns: its own fields, a nested plain object's fields one level down as `field.sub`. */
export function flatten(item: unknown): Record<string, unknown> {
  if (typeof item !== 'object' || item === null) return { value: item };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) for (const [sk, sv] of Object.entries(v as Record<string, unknown>)) out[`${k}.${sk}`] = sv;
    else out[k] = v;
  }
  return out;
}

/** The items as a CSV document: a header of every column in order of first appearance, then one line per item. */
export function toCsv(items: unknown[]): string {
  const rows = items.map(flatten);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const c of Object.keys(r)) if (!seen.has(c)) { seen.add(c); columns.push(c); }
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
