/**
 * Display formatting. Amounts are integer strings in base units (the chaincode
 * never uses floats), so they are scaled with bigint arithmetic, never Number.
 */

/** Decimals of each asset's base unit (chaincode/energy README: DEC 18, DECC 2). */
export const DECIMALS: Record<string, number> = { DEC: 18, DECC: 2 };

/** `"1234500"`, 2 → `"12,345.00"`; fraction cut (not rounded) to `maxFraction` digits. */
export function formatUnits(amount: string, decimals: number, maxFraction = 4): string {
  if (!/^-?\d+$/.test(amount)) return amount;
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '');
  let fraction = digits.slice(digits.length - decimals, digits.length - decimals + maxFraction);
  if (decimals > 2) fraction = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** An asset amount with its symbol, e.g. `1,000 DEC`. Unknown assets show base units. */
export function formatAsset(amount: string, asset: string): string {
  const decimals = DECIMALS[asset];
  return `${decimals === undefined ? amount : formatUnits(amount, decimals)} ${asset}`;
}

/** Integer with thousands separators; keeps non-numbers as they are. */
export const formatInt = (n: string | number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** First and last characters of a long hash or ID, for tables; the full value goes in a title. */
export function shortHash(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-4)}`;
}

/** ISO time as `YYYY-MM-DD HH:MM:SS UTC`: explorers compare times across orgs, so one zone for all. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** `CN=alice, OU=client` → `alice` (the common name is what people recognise in a subject). */
export function commonName(subject: string | undefined): string | undefined {
  return subject ? /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1] : undefined;
}

/** Whether a Fabric validation code means the transaction took effect. */
export const isValid = (code: string | undefined): boolean => code === 'VALID';

/** Stable, readable JSON for argument and value panes. */
export const prettyJson = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 2));

/** A JSON value as plain text: strings, numbers and booleans as they read, objects and arrays (and null) as JSON; nothing else is JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v === 'object' ? JSON.stringify(v) : '';
}
